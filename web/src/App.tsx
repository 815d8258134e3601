import { BarChartOutlined, DashboardOutlined, EditOutlined } from '@ant-design/icons';
import { Layout } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { StandardsProfile } from '../../analysis/standards/types.ts';
import { useAnalysisWorkspace } from './analysis-ui/use-analysis-workspace.tsx';
import { Notices } from './app/Notices.tsx';
import { type TaskList, useTasks } from './app/tasks.ts';
import { useCity } from './app/use-city.ts';
import { useGraphs } from './app/use-graphs.ts';
import { useMemoryCity } from './app/use-memory-city.ts';
import { type CityData, DEFAULT_CITY } from './data/city-data.ts';
import { cityUrl } from './data/load-city.ts';
import { useI18n } from './i18n/I18nProvider.tsx';
import { DataTools } from './import/DataTools.tsx';
import { useRegister } from './import/use-register.ts';
import type { FacilityFeature, LayerVisibility } from './map/deck-layers.ts';
import { elderClasses } from './map/elder-classes.ts';
import { Legend } from './map/Legend.tsx';
import { MapView } from './map/MapView.tsx';
import { DesignSystem } from './panels/DesignSystem.tsx';
import { Dock, type DockTab } from './panels/Dock.tsx';
import { FacilityDetails } from './panels/FacilityDetails.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { TaskProgress } from './panels/TaskProgress.tsx';
import { TopBar } from './panels/TopBar.tsx';
import { useScenarioWorkspace } from './scenario/use-scenario-workspace.tsx';
import type { BaseMapSetting } from './settings/base-map-settings.ts';
import { useBaseMap } from './settings/use-base-map.ts';

/** ?city=<folder> opens another city folder served next to the app. */
const cityFolder = new URLSearchParams(window.location.search).get('city') ?? DEFAULT_CITY;

export function App() {
  const tasks = useTasks();
  const baseUrl = cityUrl(cityFolder);
  const state = useCity(baseUrl, tasks);
  // A city built in the browser from an OSM extract replaces the fetched one.
  const [memoryCity, setMemoryCity] = useMemoryCity();
  const baseline = memoryCity ?? (state.status === 'ready' ? state.city : null);
  // The graphs start loading as soon as the folder's manifest is read, while the rest of the
  // city still comes in.
  const early = memoryCity === null && state.status === 'loading' ? state.manifest : undefined;
  const graphs = useGraphs(
    baseline?.baseUrl ?? baseUrl,
    baseline?.manifest ?? early ?? null,
    tasks,
  );
  // Imported facilities/population layered over the baseline (which stays untouched).
  const register = useRegister(baseline);
  const city = register.city;
  const [baseMap, setBaseMap] = useBaseMap();
  const illustrative = city?.manifest.facilitiesIllustrative === true;

  return (
    <DesignSystem>
      <div className="app">
        <TopBar cityName={city?.manifest.name} illustrative={illustrative}>
          <DataTools
            register={register}
            onCity={setMemoryCity}
            baseMap={baseMap}
            onBaseMap={setBaseMap}
          />
        </TopBar>
        {city === null ? (
          <Placeholder state={state} />
        ) : (
          <Workspace city={city} graphs={graphs} baseMap={baseMap} tasks={tasks} />
        )}
        <TaskProgress tasks={tasks.tasks} />
        <Notices />
      </div>
    </DesignSystem>
  );
}

function Placeholder({ state }: { state: ReturnType<typeof useCity> }) {
  const { t } = useI18n();
  return (
    <main className="placeholder" data-testid="placeholder">
      {state.status === 'error'
        ? t('city.loadFailed', { message: state.message })
        : t('city.loading')}
    </main>
  );
}

function Workspace({
  city,
  graphs,
  baseMap,
  tasks,
}: {
  city: CityData;
  graphs: ReturnType<typeof useGraphs>;
  baseMap: BaseMapSetting;
  tasks: TaskList;
}) {
  const { t } = useI18n();
  // Coverage/standards analysis in the worker, its map layers, legend and panel.
  const analysis = useAnalysisWorkspace(city, tasks);
  const [visibility, setVisibility] = useState<LayerVisibility>({
    population: true,
    facilities: true,
  });
  const [selected, setSelected] = useState<FacilityFeature | null>(null);
  const classes = useMemo(() => elderClasses(city.population.map((r) => r.elders60)), [city]);
  const presentTypes = useMemo(
    () => new Set(city.facilities.features.map((f) => f.properties.type)),
    [city],
  );
  // Scenarios (live recompute), compare and optimiser; first to see map clicks.
  const scenario = useScenarioWorkspace(
    city,
    graphs !== null,
    selected,
    setSelected,
    analysis.profile,
    analysis.unitFlags,
  );
  const extraLayers = useMemo(
    () => [...analysis.layers, ...scenario.layers],
    [analysis.layers, scenario.layers],
  );
  const { pick: pickScenario } = scenario;
  const { pick: pickAnalysis } = analysis;
  const pickExtra = useCallback(
    (info: Parameters<typeof pickAnalysis>[0]) => pickScenario(info) || pickAnalysis(info),
    [pickScenario, pickAnalysis],
  );
  const toggle = useCallback(
    (layer: keyof LayerVisibility) => setVisibility((v) => ({ ...v, [layer]: !v[layer] })),
    [],
  );
  const [activeTab, setActiveTab] = useState('');
  const [wantedTab, setWantedTab] = useState<{ key: string } | null>(null);
  // A facility clicked while the dock is folded opens it on the overview, where its card shows.
  const select = useCallback(
    (facility: FacilityFeature | null) => {
      setSelected(facility);
      if (facility !== null && activeTab === '') setWantedTab({ key: 'overview' });
    },
    [activeTab],
  );
  const card =
    selected === null ? null : (
      <FacilityDetails facility={selected} onClose={() => setSelected(null)} />
    );
  const tabs: DockTab[] = [
    {
      key: 'analysis',
      label: t('dock.tab.analysis'),
      icon: <BarChartOutlined />,
      content: (
        <>
          {activeTab === 'analysis' && card}
          {analysis.panel}
        </>
      ),
    },
    {
      key: 'scenario',
      label: t('dock.tab.scenario'),
      icon: <EditOutlined />,
      content: scenario.panel,
    },
    {
      key: 'overview',
      label: t('dock.tab.overview'),
      icon: <DashboardOutlined />,
      content: (
        <SidePanel city={city} graphs={graphs} card={activeTab === 'overview' ? card : null} />
      ),
    },
  ];
  return (
    <Layout className="workspace" hasSider>
      <Dock tabs={tabs} tab={wantedTab} onTab={setActiveTab} />
      <Layout.Content className="map-area">
        <MapView
          city={city}
          classes={classes}
          visibility={visibility}
          selected={selected}
          onSelect={select}
          baseMap={baseMap}
          extraLayers={extraLayers}
          outlines={analysis.outlines}
          extraTooltip={analysis.tooltip}
          onPickExtra={pickExtra}
          focus={analysis.focus}
          drag={scenario.drag}
          serviceRadiusM={serviceRadius(analysis.profile)}
        />
        <Legend
          classes={classes}
          presentTypes={presentTypes}
          illustrative={city.manifest.facilitiesIllustrative}
          hasUnits={city.units.features.length > 0}
          visibility={visibility}
          onToggle={toggle}
        >
          {analysis.legend}
        </Legend>
      </Layout.Content>
    </Layout>
  );
}

/** The service radius the profile's radius rule names (300 m when it has none). */
function serviceRadius(profile: StandardsProfile | null): number {
  const rule = profile?.rules.find((r) => r.kind === 'radius_coverage');
  return rule?.kind === 'radius_coverage' ? rule.radiusM : 300;
}
