import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readCensusShares } from '../../analysis/city/census.ts';
import { buildCity, type CityInputs, type CityOptions } from '../../analysis/city/write-city.ts';
import { InputError } from '../../analysis/errors.ts';
import { readOsm } from '../../analysis/io/osm/read-osm.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `carecircle build-city — build a city folder from an OpenStreetMap extract

Usage:
  npx carecircle build-city --osm FILE.osm.pbf|FILE.osm --out DIR [options]

Options:
  --osm FILE                  OSM extract (PBF or XML, optionally gzipped XML)      (required)
  --out DIR                   city folder to write (replaced atomically)            (required)
  --name NAME                 display name (default: the folder name)
  --census FILE               census CSV (area, adcode, total_pop_2020, age60plus[_pct], age65plus[_pct])
  --census-area NAME_OR_CODE  row of the census CSV to use, e.g. 320102 or 玄武区(南京)
  --facilities FILE           facility register: CSV (osm_building_id or lon/lat, name, type,
                              floor_area_m2, beds, floor_level, has_lift, illustrative) or GeoJSON points
  --population FILE           population instead of the building model: CSV with h3 (or lon,lat),
                              residents [, elders60, elders65, elders80, households]
  --units FILE.geojson        real planning units (Polygons with id, name, level street|community)
                              instead of the derived ones
  --floor-area-per-person M2  housing floor area per resident (default 36.52, 2020 census)
  --household-size N          persons per household (default 2.62, 2020 census)
  --share80 PCT               share of residents aged 80+ in % (default 2.54, 2020 national bulletin)
  --default-levels N          storeys of residential buildings without building:levels (default 6)
  --help                      show this help

The folder holds road graphs (walk, ebike, drive), roads/basemap/buildings/units GeoJSON, modelled
population per H3 res-10 cell, METHOD.md (assumptions) and PROVENANCE.md (sources, licences).
`;

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : `cannot read (${code})`;
    throw new InputError('E_NO_FILE', `${what}: ${problem}`, { file });
  }
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError('E_BAD_OPTION', `--${name} must be a positive number, got "${value}"`);
  return n;
}

/** Writes all files into a temporary sibling folder, then swaps it in: never a half-written city. */
async function writeAtomically(
  out: string,
  files: { path: string; bytes: Uint8Array | string }[],
): Promise<void> {
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  await mkdir(dirname(target), { recursive: true });
  await rm(temp, { recursive: true, force: true });
  try {
    await mkdir(temp);
    for (const file of files) await writeFile(join(temp, file.path), file.bytes);
    if (existsSync(target)) await rename(target, old);
    await rename(temp, target);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

export const verb: Verb = {
  summary: 'build a city folder (road graphs, buildings, population, units) from an OSM extract',
  help,
  async run(argv) {
    const o = parseOptions(argv, {
      osm: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      census: { type: 'string' },
      'census-area': { type: 'string' },
      facilities: { type: 'string' },
      population: { type: 'string' },
      units: { type: 'string' },
      'floor-area-per-person': { type: 'string' },
      'household-size': { type: 'string' },
      share80: { type: 'string' },
      'default-levels': { type: 'string' },
    });
    const osmFile = requireOption(o.osm, 'osm');
    const out = requireOption(o.out, 'out');
    if (o.census !== undefined && o['census-area'] === undefined) {
      throw new InputError(
        'E_MISSING_OPTION',
        '--census needs --census-area (adcode or area name)',
      );
    }
    if (o.census === undefined && o['census-area'] !== undefined) {
      throw new InputError('E_MISSING_OPTION', '--census-area needs --census FILE');
    }
    // Read every input before the (slow) build, so that a typo fails at once.
    const osmBytes = await readInput(osmFile, 'OSM extract');
    const optionalText = async (file: string | undefined, what: string) =>
      file === undefined
        ? undefined
        : { file, text: new TextDecoder().decode(await readInput(file, what)) };
    const censusText = await optionalText(o.census, 'census table');
    const facilities = await optionalText(o.facilities, 'facility register');
    const population = await optionalText(o.population, 'population table');
    const units = await optionalText(o.units, 'unit polygons');
    const census =
      censusText === undefined
        ? undefined
        : {
            ...readCensusShares(censusText.text, o['census-area'] as string, censusText.file),
            file: censusText.file,
          };
    const share80 = positiveNumber(o.share80, 'share80');
    const options: CityOptions = {
      assumptions: {
        ...(o['floor-area-per-person']
          ? {
              perCapitaFloorAreaM2: positiveNumber(
                o['floor-area-per-person'],
                'floor-area-per-person',
              ),
            }
          : {}),
        ...(o['household-size']
          ? { householdSize: positiveNumber(o['household-size'], 'household-size') }
          : {}),
        ...(share80 === undefined ? {} : { share80: share80 / 100 }),
      },
      defaultResidentialLevels: positiveNumber(o['default-levels'], 'default-levels'),
    };
    const osm = readOsm(osmBytes, osmFile);
    // The output folder is left out of the recorded command so that a rebuild elsewhere is identical.
    const recorded = argv.map((arg, i) =>
      argv[i - 1] === '--out'
        ? '<this folder>'
        : arg.startsWith('--out=')
          ? '--out=<this folder>'
          : arg,
    );
    const inputs: CityInputs = {
      osm,
      osmFile,
      name: o.name ?? basename(resolve(out)),
      census,
      facilities,
      population,
      units,
      command: ['npx carecircle build-city', ...recorded].join(' '),
    };
    const city = buildCity(inputs, options);
    await writeAtomically(out, city.files);
    const m = city.manifest;
    const p = m.population?.totals;
    console.log(
      `${out}: ${m.counts.roads} roads, ${m.counts.buildings} buildings (${m.counts.residentialBuildings} residential), ` +
        `${m.counts.populationCells} cells, ${m.counts.units} units, ${m.counts.facilities} facilities` +
        (p
          ? `; ${p.residents} residents, ${p.elders60} aged 60+, ${p.elders65} aged 65+, ${p.elders80} aged 80+`
          : ''),
    );
    for (const warning of m.warnings) console.warn(`warning: ${warning}`);
    return 0;
  },
};
