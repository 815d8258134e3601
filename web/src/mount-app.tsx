import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
// After App's imports (maplibre's and deck.gl's CSS), as before: the app's rules win.
import './styles.css';

/** Renders the app into #root (its own chunk: main.tsx starts the worker before loading it). */
export function mountApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
