import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { publishTestState } from './map/test-hook.ts';
import './styles.css';

publishTestState({
  ready: false,
  counts: { facilities: 0, populationCells: 0, roads: 0, buildings: 0 },
  layers: [],
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
