import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CITY_CACHE, CITY_FILE_PATTERN } from './web/src/pwa/cache-names.ts';
import { appIcons, THEME } from './web/src/pwa/icon-plugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The app lives in web/; city folders under data/ are served as static files
// (e.g. /nanjing-xinjiekou/city.json), so the app needs no server of its own.
// Raw inputs (data/raw/) are for rebuilding the demo, not for the app: keep them out of the
// build, whichever --outDir it goes to.
function dropRawData(): Plugin {
  let outDir = here('./dist');
  return {
    name: 'carecircle-drop-raw-data',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      rmSync(join(outDir, 'raw'), { recursive: true, force: true });
    },
  };
}

// Installable offline app: Workbox precaches the app shell and duckdb-wasm (34 MB: hence the
// size limit), and keeps every opened city folder in a runtime cache. A new version waits for
// the user (registerType 'prompt', registered by web/src/pwa/register.ts).
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: '养老服务圈规划',
    short_name: '养老服务圈',
    description: 'CareCircle 居家社区养老服务设施覆盖分析',
    lang: 'zh-CN',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#f5f6f8',
    theme_color: THEME,
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: 'icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  },
  workbox: {
    globPatterns: ['index.html', 'assets/**/*.{js,mjs,css,wasm}', 'icons/*.png'],
    maximumFileSizeToCacheInBytes: 64 * 2 ** 20,
    navigateFallback: 'index.html',
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        urlPattern: CITY_FILE_PATTERN,
        // Network first: a rebuilt city is read whole from the server when it is there (no mix of
        // old and new files); the cache answers only when the server cannot.
        handler: 'NetworkFirst',
        options: { cacheName: CITY_CACHE, cacheableResponse: { statuses: [200] } },
      },
    ],
  },
});

export default defineConfig({
  root: here('./web'),
  publicDir: here('./data'),
  plugins: [react(), appIcons(), pwa, dropRawData()],
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
  preview: { port: 5173 },
});
