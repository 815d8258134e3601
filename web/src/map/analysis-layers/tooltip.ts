import type { PickingInfo } from '@deck.gl/core';
import type { Cluster } from '../../../../analysis/coverage/types.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import type { ElderCell, UnitFeature } from './build-layers.ts';
import type { Band, FacilityBand } from './circle-geometry.ts';
import { ANALYSIS_LAYER_IDS } from './state.ts';

export interface TooltipLines {
  title: string;
  lines: string[];
}

/** Hover text of the analysis layers (rendered by the map's own tooltip box). */
export function analysisTooltip(
  info: PickingInfo,
  i18n: I18n,
  names: { unit(id: string): string; facility(id: string): string },
): TooltipLines | null {
  const { t, formatNumber } = i18n;
  const object = info.object as unknown;
  if (object === null || object === undefined || info.layer === null) return null;
  const ids = ANALYSIS_LAYER_IDS;
  switch (info.layer.id) {
    case ids.elders: {
      const c = object as ElderCell;
      return {
        title: names.unit(c.unitId),
        lines: [
          t('tooltip.elders', { value: formatNumber(c.elders60) }),
          c.minutes === null
            ? t('analysis.pick.unreached')
            : t('analysis.tooltip.nearest', { n: formatNumber(c.minutes, 1) }),
        ],
      };
    }
    case ids.unitFill: {
      const u = (object as UnitFeature).row;
      return {
        title: u.name,
        lines: [
          t('tooltip.elders', { value: formatNumber(u.elders60) }),
          t('analysis.tooltip.failed', { n: u.findingsFailed }),
        ],
      };
    }
    case ids.clusters: {
      const c = object as Cluster;
      return {
        title: t('analysis.pick.cluster', { rank: c.rank }),
        lines: [
          t('tooltip.elders', { value: formatNumber(c.elders60) }),
          t('analysis.tooltip.cells', { n: c.cells }),
        ],
      };
    }
    case ids.radiusReach: {
      const b = object as FacilityBand;
      return {
        title: names.facility(b.facilityId),
        lines: [t('analysis.tooltip.radius', { n: formatNumber(b.minutes, 1), cells: b.cells })],
      };
    }
    case ids.circleFill: {
      const b = object as Band & Partial<FacilityBand>;
      return {
        title:
          b.facilityId === undefined
            ? t('analysis.tooltip.union', { n: formatNumber(b.minutes, 1) })
            : names.facility(b.facilityId),
        lines: [t('analysis.tooltip.band', { n: formatNumber(b.minutes, 1), cells: b.cells })],
      };
    }
    case ids.circleSplit: {
      const r = object as { facilityId: string; minutes: number };
      return {
        title: names.facility(r.facilityId),
        lines: [t('analysis.tooltip.nearest', { n: formatNumber(r.minutes, 1) })],
      };
    }
    default:
      return null;
  }
}
