import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The app lives in web/; city folders under data/ are served as static files
// (e.g. /nanjing-xinjiekou/city.json), so the app needs no server of its own.
// Raw inputs (data/raw/) are for rebuilding the demo, not for the app: keep them out of dist/.
const dropRawData = {
  name: 'carecircle-drop-raw-data',
  closeBundle() {
    rmSync(here('./dist/raw'), { recursive: true, force: true });
  },
};

export default defineConfig({
  root: here('./web'),
  publicDir: here('./data'),
  plugins: [react(), dropRawData],
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
  preview: { port: 5173 },
});
