import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { readOsm } from '../../analysis/io/osm/read-osm.ts';
import { type Bbox, makeMosaic } from './mosaic.ts';
import { writeOsmPbf } from './write-osm-pbf.ts';

/**
 * A county-sized test city from real streets: the demo extract tiled N × N (N = 8 ≈ 33 × 26 km,
 * ≈ 860 km²), its facility register repeated per tile, then `build-city` on the mosaic.
 *
 *   npx tsx scripts/county/make-mosaic.ts --n 8 --out bench-results/county-8
 *
 * writes DIR/source/mosaic.osm.pbf, DIR/source/facilities.csv and the city folder DIR/city/.
 * Generated on demand (benchmarks), never committed.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OSM = join(ROOT, 'data/raw/nanjing_xinjiekou_overpass_2021.osm.pbf');
const REGISTER = join(ROOT, 'data/raw/demo-facilities.csv');
const CENSUS = join(ROOT, 'data/raw/census2020_selected_districts.csv');
const DEMO_CITY = join(ROOT, 'data/nanjing-xinjiekou/city.json');

export interface CountyCity {
  osmFile: string;
  cityDir: string;
  nodes: number;
  connectors: number;
  buildSeconds: number;
}

/** Writes the mosaic OSM file and register (reused when present) and builds its city folder. */
export function makeCountyCity(
  n: number,
  outDir: string,
  options: { rebuild?: boolean } = {},
): CountyCity {
  const sourceDir = join(outDir, 'source');
  const cityDir = join(outDir, 'city');
  const osmFile = join(sourceDir, 'mosaic.osm.pbf');
  const register = join(sourceDir, 'facilities.csv');
  mkdirSync(sourceDir, { recursive: true });
  const bbox = JSON.parse(readFileSync(DEMO_CITY, 'utf8')).bbox as Bbox;
  const mosaic = makeMosaic(readOsm(readFileSync(OSM), OSM), bbox, n);
  writeFileSync(osmFile, writeOsmPbf(mosaic.osm));
  writeFileSync(register, mosaicRegister(n, mosaic.wayId));
  let buildSeconds = 0;
  if (options.rebuild !== false || !existsSync(join(cityDir, 'city.json'))) {
    const started = performance.now();
    const build = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/carecircle.mjs'),
        'build-city',
        ...['--osm', osmFile, '--out', cityDir, '--name', `示例县域拼接 ${n}×${n}`],
        ...['--census', CENSUS, '--census-area', '320102', '--facilities', register],
      ],
      { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' } },
    );
    if (build.status !== 0)
      throw new Error(`build-city failed on ${osmFile} (exit ${build.status})`);
    buildSeconds = (performance.now() - started) / 1000;
  }
  return {
    osmFile,
    cityDir,
    nodes: mosaic.osm.nodes.size,
    connectors: mosaic.connectors,
    buildSeconds,
  };
}

/** The demo register once per tile, buildings renumbered to the tile's way ids. */
function mosaicRegister(
  n: number,
  wayId: (tile: number, id: number) => number | undefined,
): string {
  const rows = Papa.parse<Record<string, string>>(readFileSync(REGISTER, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const out: Record<string, string>[] = [];
  for (let tile = 0; tile < n * n; tile++) {
    const label = `${Math.floor(tile / n) + 1}-${(tile % n) + 1}`;
    rows.forEach((row, i) => {
      const building = wayId(tile, Number(row.osm_building_id));
      if (building === undefined) return; // a building cut by the study-area edge
      out.push({
        ...row,
        id: `t${label}-${i + 1}`,
        osm_building_id: String(building),
        name: `${row.name}（片区${label}）`,
      });
    });
  }
  return Papa.unparse(out);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(value('n') ?? '8');
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error('--n must be an integer 1–16');
  const out = value('out') ?? join(ROOT, `bench-results/county-${n}`);
  const made = makeCountyCity(n, out);
  console.log(
    `mosaic ${n}×${n}: ${made.nodes} OSM nodes, ${made.connectors} edge connectors → ${made.cityDir} (build ${made.buildSeconds.toFixed(1)} s)`,
  );
}
