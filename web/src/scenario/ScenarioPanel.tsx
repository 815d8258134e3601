import { useState } from 'react';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProgrammeView } from '../programme/ProgrammeView.tsx';
import { ReportView } from '../report/ReportView.tsx';
import { CompareView } from './CompareView.tsx';
import { EditView } from './EditView.tsx';
import { OptimiseView } from './OptimiseView.tsx';
import './scenario.css';
import type { Interaction } from './use-scenario-workspace.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

type Tab = 'edit' | 'compare' | 'optimise' | 'programme' | 'report';
const TABS: Tab[] = ['edit', 'compare', 'optimise', 'programme', 'report'];

/** Floating scenario panel over the map: edit, compare, optimise. */
export function ScenarioPanel(props: {
  city: CityData;
  control: ScenarioControl;
  interaction: Interaction;
  setInteraction(i: Interaction): void;
  selectedSite: SiteFacility | null;
  onDeselect(): void;
  highlightMinutes: number;
  onHighlightMinutes(m: number): void;
  changedCellCount: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<Tab>('edit');
  const { control } = props;
  return (
    <aside className={`scenario-panel${open ? '' : ' closed'}`} data-testid="scenario-panel">
      <header className="scenario-row">
        <button type="button" className="scenario-toggle" onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('scenario.title')}
        </button>
        {!control.ready && <span className="scenario-muted">{t('scenario.opening')}</span>}
      </header>
      {open && (
        <>
          <nav className="scenario-tabs">
            {TABS.map((name) => (
              <button
                type="button"
                key={name}
                data-testid={`scenario-tab-${name}`}
                className={tab === name ? 'active' : ''}
                onClick={() => setTab(name)}
              >
                {t(`scenario.tab.${name}`)}
              </button>
            ))}
          </nav>
          {tab === 'edit' && (
            <>
              <EditView
                control={control}
                interaction={props.interaction}
                setInteraction={props.setInteraction}
                selectedSite={props.selectedSite}
                onDeselect={props.onDeselect}
              />
              <section className="scenario-section scenario-row">
                <label>
                  {t('scenario.highlight')}
                  <select
                    value={props.highlightMinutes}
                    onChange={(e) => props.onHighlightMinutes(Number(e.target.value))}
                  >
                    {(control.baselineNumbers?.thresholds ?? []).map((m) => (
                      <option key={m} value={m}>
                        {t('scenario.live.minutes', { n: m })}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="scenario-muted">
                  {t('scenario.changedCells', { n: props.changedCellCount })}
                </span>
              </section>
            </>
          )}
          {tab === 'compare' && <CompareView control={control} />}
          {tab === 'optimise' && <OptimiseView control={control} />}
          {tab === 'programme' && <ProgrammeView control={control} />}
          {tab === 'report' && <ReportView control={control} city={props.city} />}
        </>
      )}
    </aside>
  );
}
