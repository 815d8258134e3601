import { Alert, Select, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProgrammeView } from '../programme/ProgrammeView.tsx';
import { ReportView } from '../report/ReportView.tsx';
import { CompareView } from './CompareView.tsx';
import { EditView } from './EditView.tsx';
import type { Notice } from './link-drawing.ts';
import { OptimiseView } from './OptimiseView.tsx';
import './scenario.css';
import type { Interaction } from './use-scenario-workspace.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

type Tab = 'edit' | 'compare' | 'optimise' | 'programme' | 'report';
const TABS: Tab[] = ['edit', 'compare', 'optimise', 'programme', 'report'];

/** The scenario tab of the dock: edit, compare, optimise, programme, report. */
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
  linkNotice: Notice | null;
  pointerLengthM: number | null;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('edit');
  const { control } = props;
  const views: Record<Tab, ReactNode> = {
    edit: (
      <>
        <EditView
          control={control}
          interaction={props.interaction}
          setInteraction={props.setInteraction}
          selectedSite={props.selectedSite}
          onDeselect={props.onDeselect}
          linkNotice={props.linkNotice}
          pointerLengthM={props.pointerLengthM}
        />
        <section className="scenario-section scenario-row">
          <span className="scenario-field">
            {t('scenario.highlight')}
            <Select
              aria-label={t('scenario.highlight')}
              size="small"
              value={props.highlightMinutes}
              onChange={props.onHighlightMinutes}
              options={(control.baselineNumbers?.thresholds ?? []).map((m) => ({
                value: m,
                label: t('scenario.live.minutes', { n: m }),
              }))}
            />
          </span>
          <span className="scenario-muted">
            {t('scenario.changedCells', { n: props.changedCellCount })}
          </span>
        </section>
      </>
    ),
    compare: <CompareView control={control} />,
    optimise: <OptimiseView control={control} />,
    programme: <ProgrammeView control={control} />,
    report: <ReportView control={control} city={props.city} />,
  };
  return (
    <section className="scenario-panel" data-testid="scenario-panel">
      {!control.ready && <Alert type="info" showIcon title={t('scenario.opening')} />}
      <Tabs
        size="small"
        tabBarGutter={12}
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={TABS.map((name) => ({
          key: name,
          label: <span data-testid={`scenario-tab-${name}`}>{t(`scenario.tab.${name}`)}</span>,
          children: views[name],
        }))}
      />
    </section>
  );
}
