import { useCallback, useMemo, useState } from 'react';
import { useTasks } from './app/tasks.ts';
import { useCity } from './app/use-city.ts';
import { useGraphs } from './app/use-graphs.ts';
import { type CityData, DEFAULT_CITY } from './data/city-data.ts';
import { cityUrl } from './data/load-city.ts';
import { useI18n } from './i18n/I18nProvider.tsx';
import type { FacilityFeature, LayerVisibility } from './map/deck-layers.ts';
import { elderClasses } from './map/elder-classes.ts';
import { Legend } from './map/Legend.tsx';
import { MapView } from './map/MapView.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { TaskProgress } from './panels/TaskProgress.tsx';
import { TopBar } from './panels/TopBar.tsx';

/** ?city=<folder> opens another city folder served next to the app. */
const cityFolder = new URLSearchParams(window.location.search).get('city') ?? DEFAULT_CITY;

export function App() {
  const tasks = useTasks();
  const baseUrl = cityUrl(cityFolder);
  const state = useCity(baseUrl, tasks);
  const city = state.status === 'ready' ? state.city : null;
  const graphs = useGraphs(baseUrl, city?.manifest ?? null, tasks);
  const illustrative = city?.manifest.facilitiesIllustrative === true;

  return (
    <div className="app">
      <TopBar cityName={city?.manifest.name} illustrative={illustrative} />
      {city === null ? <Placeholder state={state} /> : <Workspace city={city} graphs={graphs} />}
      <TaskProgress tasks={tasks.tasks} />
    </div>
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

function Workspace({ city, graphs }: { city: CityData; graphs: ReturnType<typeof useGraphs> }) {
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
  const toggle = useCallback(
    (layer: keyof LayerVisibility) => setVisibility((v) => ({ ...v, [layer]: !v[layer] })),
    [],
  );
  return (
    <div className="workspace">
      <SidePanel city={city} graphs={graphs} selected={selected} onSelect={setSelected} />
      <main className="map-area">
        <MapView
          city={city}
          classes={classes}
          visibility={visibility}
          selected={selected}
          onSelect={setSelected}
        />
        <Legend
          classes={classes}
          presentTypes={presentTypes}
          illustrative={city.manifest.facilitiesIllustrative}
          hasUnits={city.units.features.length > 0}
          visibility={visibility}
          onToggle={toggle}
        />
      </main>
    </div>
  );
}
