import { Checkbox, Segmented, Select } from 'antd';
import { TRAVEL_PROFILES, type TravelProfile } from '../../../../analysis/standards/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { rgbCss } from '../facility-style.ts';
import { COVERED, FAILED_RAMP, MINUTE_RAMP, thresholdColour, UNCOVERED } from './colours.ts';
import { type AnalysisLayerState, type CircleView, toggleThreshold } from './state.ts';

const THRESHOLDS = [5, 10, 15, 30];

/** Legend section and switches of the analysis layers (top of the map legend). */
export function AnalysisLegend({
  state,
  onChange,
}: {
  state: AnalysisLayerState;
  onChange(next: AnalysisLayerState): void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<AnalysisLayerState>) => onChange({ ...state, ...patch });
  const check = (key: 'circles' | 'elders' | 'radius' | 'units' | 'clusters', label: string) => (
    <div className="legend-title">
      <Checkbox
        checked={state[key]}
        onChange={() => set({ [key]: !state[key] })}
        data-testid={`toggle-analysis-${key}`}
      >
        {label}
      </Checkbox>
    </div>
  );
  return (
    <div className="analysis-legend" data-testid="analysis-legend">
      <div className="legend-row legend-controls">
        <Select<TravelProfile>
          size="small"
          value={state.travel}
          onChange={(travel) => set({ travel })}
          aria-label={t('analysis.layers.travel')}
          data-testid="travel-select"
          popupMatchSelectWidth={false}
          options={TRAVEL_PROFILES.map((p) => ({ value: p, label: t(`travel.${p}`) }))}
        />
      </div>
      {check('circles', t('analysis.layers.circles'))}
      <div className="chips">
        <span className="chips-label">{t('analysis.layers.minutesShort')}</span>
        {THRESHOLDS.map((m) => (
          <button
            key={m}
            type="button"
            className={state.thresholds.includes(m) ? 'chip chip-on' : 'chip'}
            style={{ borderColor: rgbCss(thresholdColour(m)) }}
            aria-pressed={state.thresholds.includes(m)}
            onClick={() => set({ thresholds: toggleThreshold(state.thresholds, m) })}
            data-testid={`threshold-${m}`}
          >
            <span className="chip-dot" style={{ background: rgbCss(thresholdColour(m)) }} />
            {m}
          </button>
        ))}
      </div>
      <Segmented<CircleView>
        size="small"
        aria-label={t('analysis.viewSwitch')}
        value={state.circleView}
        onChange={(circleView) => set({ circleView })}
        options={(['dissolved', 'overlap', 'split'] as CircleView[]).map((view) => ({
          value: view,
          label: <span data-testid={`view-${view}`}>{t(`analysis.view.${view}`)}</span>,
        }))}
      />
      {check('elders', t('analysis.layers.elders'))}
      {state.elders && (
        <>
          <Segmented<'minutes' | 'covered'>
            size="small"
            aria-label={t('analysis.elderModeSwitch')}
            value={state.elderMode}
            onChange={(elderMode) => set({ elderMode })}
            options={[
              { value: 'minutes', label: t('analysis.elders.minutes') },
              {
                value: 'covered',
                label: t('analysis.elders.covered', { n: state.coveredMinutes }),
              },
            ]}
          />
          {state.elderMode === 'minutes' ? (
            <div className="ramp ramp-inline">
              {MINUTE_RAMP.map((c, i) => (
                <span key={rgbCss(c)} className="ramp-cell">
                  <span className="ramp-swatch" style={{ background: rgbCss(c, 0.8) }} />
                  {i < THRESHOLDS.length
                    ? `≤${THRESHOLDS[i]}`
                    : `>${THRESHOLDS[THRESHOLDS.length - 1]}`}
                </span>
              ))}
            </div>
          ) : (
            <div className="legend-row">
              <Select<number>
                size="small"
                value={state.coveredMinutes}
                onChange={(coveredMinutes) => set({ coveredMinutes })}
                aria-label={t('analysis.elders.covered', { n: state.coveredMinutes })}
                options={THRESHOLDS.map((m) => ({
                  value: m,
                  label: t('analysis.minutes', { n: m }),
                }))}
              />
              <span className="ramp-swatch" style={{ background: rgbCss(COVERED) }} />
              {t('analysis.elders.in')}
              <span className="ramp-swatch" style={{ background: rgbCss(UNCOVERED) }} />
              {t('analysis.elders.out')}
            </div>
          )}
        </>
      )}
      {check('radius', t('analysis.layers.radius'))}
      {state.radius && (
        <div className="legend-row">
          <span className="swatch-ring" />
          {t('analysis.radius.straight')}
          <span className="ramp-swatch swatch-reach" />
          {t('analysis.radius.network')}
        </div>
      )}
      {check('units', t('analysis.layers.units'))}
      {state.units && (
        <div className="ramp ramp-inline">
          {FAILED_RAMP.map((c, i) => (
            <span key={rgbCss(c)} className="ramp-cell">
              <span className="ramp-swatch" style={{ background: rgbCss(c, 0.8) }} />
              {i === FAILED_RAMP.length - 1 ? `${i}+` : i}
            </span>
          ))}
        </div>
      )}
      {check('clusters', t('analysis.layers.clusters'))}
      <hr className="legend-rule" />
    </div>
  );
}
