import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { IllustrativeBadge } from '../panels/IllustrativeBadge.tsx';
import { BASE_COLOURS } from './base-style.ts';
import type { LayerVisibility } from './deck-layers.ts';
import type { ElderClasses } from './elder-classes.ts';
import { FACILITY_STYLE, FACILITY_TYPES, rgbCss } from './facility-style.ts';
import { ROAD_CLASSES } from './road-classes.ts';

interface LegendProps {
  classes: ElderClasses;
  presentTypes: ReadonlySet<string>;
  illustrative: boolean;
  hasUnits: boolean;
  visibility: LayerVisibility;
  onToggle(layer: keyof LayerVisibility): void;
  /** Extra sections shown first (the analysis layers). */
  children?: ReactNode;
}

const roadColour = (id: string) => ROAD_CLASSES.find((c) => c.id === id)?.color ?? '#fff';

/** Map legend with a visibility switch per data layer. */
export function Legend(props: LegendProps) {
  const { classes, presentTypes, illustrative, hasUnits, visibility, onToggle } = props;
  const { t, formatNumber } = useI18n();
  const bounds = [0, ...classes.breaks];
  return (
    <div className="legend" data-testid="legend">
      {props.children}
      <label className="legend-title">
        <input
          type="checkbox"
          checked={visibility.facilities}
          onChange={() => onToggle('facilities')}
          data-testid="toggle-facilities"
        />
        {t('legend.facilities')}
        {illustrative && <IllustrativeBadge />}
      </label>
      <ul className="legend-list">
        {FACILITY_TYPES.filter((type) => presentTypes.has(type)).map((type) => (
          <li key={type} className="legend-row">
            <span
              className="swatch-dot"
              style={{
                background: rgbCss(FACILITY_STYLE[type].color),
                width: FACILITY_STYLE[type].radius * 2,
                height: FACILITY_STYLE[type].radius * 2,
              }}
            />
            {t(`facility.${type}`)}
          </li>
        ))}
      </ul>
      <label className="legend-title">
        <input
          type="checkbox"
          checked={visibility.population}
          onChange={() => onToggle('population')}
          data-testid="toggle-population"
        />
        {t('legend.elders')}
      </label>
      <div className="ramp">
        {classes.colors.map((color, i) => (
          <div key={rgbCss(color)} className="ramp-step">
            <span className="ramp-swatch" style={{ background: rgbCss(color, 0.75) }} />
            <span className="ramp-label">
              {i === classes.breaks.length
                ? `> ${formatNumber(bounds[i])}`
                : i === 0
                  ? `≤ ${formatNumber(bounds[1])}`
                  : `${formatNumber(bounds[i])}–${formatNumber(bounds[i + 1])}`}
            </span>
          </div>
        ))}
      </div>
      {hasUnits && (
        <>
          <div className="legend-title legend-plain">{t('legend.units')}</div>
          <ul className="legend-list legend-base">
            <li className="legend-row">
              <span className="swatch-line swatch-unit-street" />
              {t('legend.streetUnit')}
            </li>
            <li className="legend-row">
              <span className="swatch-line swatch-unit-community" />
              {t('legend.communityUnit')}
            </li>
          </ul>
        </>
      )}
      <div className="legend-title legend-plain">{t('legend.base')}</div>
      <ul className="legend-list legend-base">
        <li className="legend-row">
          <span className="swatch-line" style={{ background: roadColour('primary') }} />
          {t('legend.roadsMajor')}
        </li>
        <li className="legend-row">
          <span
            className="swatch-line swatch-line-cased"
            style={{ background: roadColour('minor') }}
          />
          {t('legend.roadsMinor')}
        </li>
        <li className="legend-row">
          <span className="swatch-line swatch-line-dashed" />
          {t('legend.paths')}
        </li>
        <li className="legend-row">
          <span className="swatch-box" style={{ background: BASE_COLOURS.residentialBuilding }} />
          {t('legend.buildings')}
        </li>
        <li className="legend-row">
          <span className="swatch-box" style={{ background: BASE_COLOURS.water }} />
          {t('legend.water')}
        </li>
        <li className="legend-row">
          <span className="swatch-box" style={{ background: BASE_COLOURS.green }} />
          {t('legend.green')}
        </li>
      </ul>
    </div>
  );
}
