/**
 * Runs one corpus file through the importer (or the OSM reader and the city build) and holds
 * the result against the truth: no crash, every row accounted for, no silent change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenedCity, openCity } from '../../analysis/city/open-city.ts';
import { buildCity } from '../../analysis/city/write-city.ts';
import { InputError } from '../../analysis/errors.ts';
import type { FacilityField } from '../../analysis/io/import/column-synonyms.ts';
import {
  type FacilityImportReport,
  importFacilities,
} from '../../analysis/io/import/import-facilities.ts';
import type { FacilityFeature } from '../../analysis/io/import/validate-facilities.ts';
import { readOsm } from '../../analysis/io/osm/read-osm.ts';
import type { Rejection } from '../../analysis/io/table/types.ts';
import type { Scenario } from '../../analysis/siting/scenario-types.ts';
import { readScenarioFile, scenarioChecksFor } from '../../scripts/analyse/scenario-file.ts';
import { folderSource } from '../../scripts/city/folder-source.ts';
import { importScenarioText } from '../../web/src/scenario/scenario-store.ts';
import { SCENARIO_CITY } from './scenario-cases.ts';
import type { CorpusFile, MeantFacility } from './truth.ts';

export interface Outcome {
  file: string;
  family: CorpusFile['family'];
  /** The whole file refused with a clear error (its code). */
  error?: string;
  accepted: number;
  rejected: number;
  /** Accepted rows carrying a warning. */
  warned: number;
  empty: number;
  /** Everything that breaks a promise: a crash, a lost row, a silent change. */
  failures: string[];
}

/** Metres per degree, close enough to compare positions at city scale. */
const M_PER_DEG = 111_320;
const TOLERANCE_M = 1;

export async function checkFile(file: CorpusFile): Promise<Outcome> {
  const outcome: Outcome = {
    file: file.name,
    family: file.family,
    accepted: 0,
    rejected: 0,
    warned: 0,
    empty: 0,
    failures: [],
  };
  const fail = (message: string) => outcome.failures.push(`${file.name}: ${message}`);
  let report: FacilityImportReport | undefined;
  try {
    if (file.family === 'osm') {
      const osm = readOsm(file.bytes, file.name);
      // The whole build, as build-city and the browser run it (its extent check comes first).
      buildCity({ osm, osmFile: file.name, name: file.name, command: 'fuzz' });
      if ('osm' in file.expect) {
        const names = new Set([...osm.nodeTags.values()].map((t) => t.name));
        for (const name of file.expect.osm.names)
          if (!names.has(name)) fail(`node name "${name.slice(0, 20)}" not read as written`);
      }
    } else if (file.family === 'scenario') {
      outcome.accepted = await readScenario(file, fail);
    } else {
      report = await importFacilities(file.bytes, { fileName: file.name, ...file.options });
    }
  } catch (error) {
    if (!(error instanceof InputError)) {
      fail(`crash: ${(error as Error).name}: ${(error as Error).message.slice(0, 200)}`);
      return outcome;
    }
    outcome.error = error.code;
    if (!/^E_[A-Z0-9_]+$/.test(error.code)) fail(`unstable error code ${error.code}`);
    if (error.location.file !== file.name) fail(`error ${error.code} does not name the file`);
    const anyCode = 'scenario' in file.expect && file.expect.scenario === 'any';
    if (!anyCode && !('error' in file.expect && file.expect.error.includes(error.code)))
      fail(`unexpected ${error.code}: ${error.message.slice(0, 200)}`);
    return outcome;
  }
  if ('error' in file.expect) {
    fail(`accepted, expected ${file.expect.error.join('/')}`);
    return outcome;
  }
  if (report !== undefined && 'rows' in file.expect) compareRows(file, report, outcome, fail);
  if (
    file.mustNote !== undefined &&
    !report?.table.warnings.some((w) => w.includes(file.mustNote ?? ''))
  )
    fail(`no note "${file.mustNote}" among the table's warnings`);
  return outcome;
}

function compareRows(
  file: CorpusFile,
  report: FacilityImportReport,
  outcome: Outcome,
  fail: (m: string) => void,
): void {
  if (!('rows' in file.expect)) return;
  const accepted = new Map<number, FacilityFeature>(
    report.collection.features.map((f) => [f.properties.source_row, f]),
  );
  const rejected = new Set(report.rejectedRows);
  const empty = new Set(report.table.emptyRows);
  const warnings = new Map<number, Rejection[]>();
  for (const w of report.warnings) warnings.set(w.row, [...(warnings.get(w.row) ?? []), w]);
  for (const r of report.rejections) {
    if (!/^E_[A-Z0-9_]+$/.test(r.reason.code) || r.column === '')
      fail(`row ${r.row}: rejection without a code or column`);
  }
  const truthRows = new Set(file.expect.rows.map((t) => t.row));
  for (const row of accepted.keys())
    if (!truthRows.has(row)) fail(`row ${row} accepted but the author wrote no such row`);
  outcome.accepted = accepted.size;
  outcome.rejected = rejected.size;
  outcome.empty = empty.size;
  outcome.warned = [...accepted.keys()].filter((r) => warnings.has(r)).length;
  for (const truth of file.expect.rows) {
    const feature = accepted.get(truth.row);
    if ('empty' in truth) {
      if (!empty.has(truth.row) && !rejected.has(truth.row))
        fail(`empty row ${truth.row} not counted as empty`);
      continue;
    }
    if (feature === undefined) {
      if (!rejected.has(truth.row))
        fail(`row ${truth.row} lost: neither accepted, rejected nor empty`);
      continue;
    }
    const excused = excusedFields(warnings.get(truth.row) ?? [], report);
    if ('unknowable' in truth) {
      if (excused.size === 0)
        fail(`row ${truth.row} (${truth.unknowable}) accepted without a warning`);
      continue;
    }
    for (const field of differences(truth.meant, feature)) {
      if (!excused.has(field) && !excused.has('*'))
        fail(`row ${truth.row}: ${field} differs from what the author meant, no warning`);
    }
  }
}

type Compared = 'id' | 'name' | 'type' | 'position' | 'floorAreaM2' | 'beds' | 'floorLevel';

function differences(meant: MeantFacility, f: FacilityFeature): Compared[] {
  const p = f.properties;
  const out: Compared[] = [];
  const unknown = new Set<string>(p.unknown ?? []);
  const value = (key: 'floorAreaM2' | 'beds' | 'floorLevel') => (unknown.has(key) ? null : p[key]);
  if (meant.id !== undefined && p.id.normalize('NFKC').trim() !== meant.id) out.push('id');
  if (p.name.trim() !== meant.name) out.push('name');
  if (p.type !== meant.type) out.push('type');
  const [lon, lat] = f.geometry.coordinates;
  const dx = (lon - meant.lon) * M_PER_DEG * Math.cos((meant.lat * Math.PI) / 180);
  const dy = (lat - meant.lat) * M_PER_DEG;
  if (!(Math.hypot(dx, dy) <= TOLERANCE_M)) out.push('position');
  for (const key of ['floorAreaM2', 'beds', 'floorLevel'] as const)
    if (value(key) !== meant[key]) out.push(key);
  return out;
}

const FIELD_OF: Partial<Record<FacilityField, Compared[]>> = {
  id: ['id'],
  name: ['name'],
  type: ['type'],
  lon: ['position'],
  lat: ['position'],
  lonlat: ['position'],
  floorArea: ['floorAreaM2'],
  beds: ['beds'],
  floorLevel: ['floorLevel'],
};

/** The fields a row's warnings speak for: a row-level warning covers all, a cell's its field. */
function excusedFields(warnings: Rejection[], report: FacilityImportReport): Set<Compared | '*'> {
  const out = new Set<Compared | '*'>();
  for (const w of warnings) {
    if (w.column === '(row)') out.add('*');
    if (w.column === 'geometry') out.add('position');
    for (const [field, column] of Object.entries(report.mapping)) {
      if (column === w.column) for (const c of FIELD_OF[field as FacilityField] ?? []) out.add(c);
    }
  }
  return out;
}

const DEMO_DIR = 'data/nanjing-xinjiekou';
let demo: Promise<OpenedCity> | undefined;

/**
 * A scenario file as the CLI reads it (from disk, checked for the demo city); the page's import
 * of the same text must come to the same first problem. Returns the modifications accepted.
 */
async function readScenario(file: CorpusFile, fail: (m: string) => void): Promise<number> {
  demo ??= openCity(folderSource(DEMO_DIR));
  const city = await demo;
  if (city.manifest.name !== SCENARIO_CITY) throw new Error(`demo city is ${city.manifest.name}`);
  const checks = scenarioChecksFor(city, DEMO_DIR, 'huaihua-2020');
  const page = importScenarioText(
    new TextDecoder().decode(file.bytes),
    city.input.facilities,
    checks,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'cc-fuzz-')), file.name);
  writeFileSync(path, file.bytes);
  let scenario: Scenario;
  try {
    scenario = readScenarioFile(path, city, DEMO_DIR, 'huaihua-2020');
  } catch (error) {
    const first = 'problems' in page ? page.problems[0]?.code : 'accepted';
    if (error instanceof InputError) {
      if (first !== error.code) fail(`the page says ${first}, the CLI ${error.code}`);
      // The CLI names the path it read; the corpus knows the file by its name.
      throw new InputError(error.code, error.message, { ...error.location, file: file.name });
    }
    throw error;
  }
  if ('problems' in page) fail(`the CLI accepts, the page says ${page.problems[0]?.code}`);
  return scenario.modifications.length;
}
