import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The app lives in web/; city folders under data/ are served as static files
// (e.g. /nanjing-xinjiekou/city.json), so the app needs no server of its own.
export default defineConfig({
  root: here('./web'),
  publicDir: here('./data'),
  plugins: [react()],
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
  preview: { port: 5173 },
});
