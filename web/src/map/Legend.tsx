import { CaretDownOutlined, CaretRightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Checkbox, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { SITE_STATES } from '../../../analysis/style/palette.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { IllustrativeBadge } from '../panels/IllustrativeBadge.tsx';
import { BASE_COLOURS } from './base-style.ts';
import type { LayerVisibility } from './deck-layers.ts';
import type { ElderClasses } from './elder-classes.ts';
import { FACILITY_STYLE, FACILITY_TYPES, rgbCss } from './facility-style.ts';
import { networkEditLegendSvg } from './network-edit-layers.ts';
import { ROAD_CLASSES } from './road-classes.ts';
import { stateMarkSvg } from './state-symbols.ts';

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
const OPEN_KEY = 'carecircle.legend';

/** Open state of the legend and of each of its sections, remembered across visits. */
function useRemembered(): [Record<string, boolean>, (key: string, open: boolean) => void] {
  const [open, setOpen] = useState<Record<string, boolean>>(() => {
    try {
      return { legend: true, base: false, ...JSON.parse(localStorage.getItem(OPEN_KEY) ?? '{}') };
    } catch {
      return { legend: true, base: false };
    }
  });
  const set = (key: string, value: boolean) =>
    setOpen((o) => {
      const next = { ...o, [key]: value };
      localStorage.setItem(OPEN_KEY, JSON.stringify(next));
      return next;
    });
  return [open, set];
}

/**
 * Map legend and layer list, docked in the map's lower-left corner: it collapses to one button,
 * and each section (with its layer switch in the heading) folds on its own.
 */
export function Legend(props: LegendProps) {
  const { classes, presentTypes, illustrative, hasUnits, visibility, onToggle } = props;
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useRemembered();
  const bounds = [0, ...classes.breaks];
  if (open.legend === false)
    return (
      <div className="legend legend-collapsed" data-testid="legend">
        <Button
          icon={<UnorderedListOutlined aria-hidden="true" />}
          onClick={() => setOpen('legend', true)}
          data-testid="legend-expand"
        >
          {t('legend.expand')}
        </Button>
      </div>
    );
  const section = (key: string, heading: ReactNode, body: ReactNode) => {
    const shown = open[key] !== false;
    return (
      <section className="legend-section">
        <div className="legend-title">
          <button
            type="button"
            className="legend-fold"
            aria-expanded={shown}
            aria-label={t(shown ? 'legend.foldSection' : 'legend.unfoldSection')}
            onClick={() => setOpen(key, !shown)}
            data-testid={`legend-fold-${key}`}
          >
            {shown ? (
              <CaretDownOutlined aria-hidden="true" />
            ) : (
              <CaretRightOutlined aria-hidden="true" />
            )}
          </button>
          {heading}
        </div>
        {shown && body}
      </section>
    );
  };
  return (
    <div className="legend" data-testid="legend">
      <header className="legend-head">
        <span>{t('legend.expand')}</span>
        <Tooltip title={t('legend.collapse')}>
          <Button
            type="text"
            size="small"
            aria-label={t('legend.collapse')}
            onClick={() => setOpen('legend', false)}
            data-testid="legend-collapse"
          >
            ×
          </Button>
        </Tooltip>
      </header>
      <div className="legend-scroll">
        {props.children}
        {section(
          'facilities',
          <Checkbox
            checked={visibility.facilities}
            onChange={() => onToggle('facilities')}
            data-testid="toggle-facilities"
          >
            {t('legend.facilities')} {illustrative && <IllustrativeBadge />}
          </Checkbox>,
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
          </ul>,
        )}
        {section(
          'states',
          <span>{t('legend.states')}</span>,
          <ul className="legend-list legend-base" data-testid="legend-states">
            {SITE_STATES.filter((s) => s !== 'existing').map((state) => (
              <li key={state} className="legend-row">
                <span
                  className="state-mark"
                  aria-hidden="true"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: fixed SVG built from palette.ts
                  dangerouslySetInnerHTML={{ __html: stateMarkSvg(state) }}
                />
                {t(`legend.state.${state}`)}
              </li>
            ))}
          </ul>,
        )}
        {section(
          'network',
          <span>{t('net.legend.heading')}</span>,
          <ul className="legend-list legend-base" data-testid="legend-network">
            {(['added', 'closed'] as const).map((kind) => (
              <li key={kind} className="legend-row">
                <span
                  style={{ display: 'inline-flex', width: 28, height: 12 }}
                  aria-hidden="true"
                  data-testid={`legend-network-${kind}`}
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: fixed SVG built from palette.ts
                  dangerouslySetInnerHTML={{ __html: networkEditLegendSvg(kind) }}
                />
                {t(`net.legend.${kind}`)}
              </li>
            ))}
          </ul>,
        )}
        {section(
          'elders',
          <Checkbox
            checked={visibility.population}
            onChange={() => onToggle('population')}
            data-testid="toggle-population"
          >
            {t('legend.elders')}
          </Checkbox>,
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
          </div>,
        )}
        {hasUnits &&
          section(
            'units',
            <span>{t('legend.units')}</span>,
            <ul className="legend-list legend-base">
              <li className="legend-row">
                <span className="swatch-line swatch-unit-street" />
                {t('legend.streetUnit')}
              </li>
              <li className="legend-row">
                <span className="swatch-line swatch-unit-community" />
                {t('legend.communityUnit')}
              </li>
            </ul>,
          )}
        {section(
          'base',
          <span>{t('legend.base')}</span>,
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
              <span
                className="swatch-box"
                style={{ background: BASE_COLOURS.residentialBuilding }}
              />
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
          </ul>,
        )}
      </div>
    </div>
  );
}
