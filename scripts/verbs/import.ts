import { once } from 'node:events';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FacilityType } from '../../analysis/city/types.ts';
import { InputError } from '../../analysis/errors.ts';
import type { FileWarning } from '../../analysis/io/import/empty-columns.ts';
import { FACILITY_FIELDS, POPULATION_FIELDS } from '../../analysis/io/import/guess-columns.ts';
import {
  importFacilitiesStreamed,
  type StreamedFacilityImport,
} from '../../analysis/io/import/import-facilities-streamed.ts';
import {
  CRS_LIST,
  type Crs,
  DEFAULT_STUDY_AREA_MARGIN_M,
  type DistanceToRoads,
  type FacilityImportReport,
  facilityTypeOf,
  importFacilities,
  importPopulation,
  type PopulationImportReport,
  parseCrs,
  rejectedRowsCsvLines,
  roadDistanceIndex,
  roadLinesFromGeoJson,
  type StudyArea,
  type StudyAreaOutcome,
  studyAreaOf,
  warnedRowsCsvLines,
} from '../../analysis/io/import/index.ts';
import { reasonText } from '../../analysis/io/import/reasons.ts';
import type { FacilityFeature } from '../../analysis/io/import/validate-facilities.ts';
import type { Rejection } from '../../analysis/io/table/types.ts';
import type { ReportRegisterInfo } from '../../analysis/report/types.ts';
import { parseOptions, requireOption, type Verb } from '../verb.ts';

const help = `Usage: npx carecircle import --facilities FILE --out DIR [options]
       npx carecircle import --population FILE --out DIR [options]

Imports a facility register (CSV in UTF-8 or GBK/GB18030, XLSX, GeoJSON, zipped Shapefile),
checks every row, converts coordinates to WGS-84 and writes:
  DIR/facilities.geojson   accepted facilities (WGS-84 Points, FacilityProperties + source_lon/lat, crs, extra)
  DIR/rejected.csv         rejected rows with their original columns + reject_reason (UTF-8 BOM, opens in Excel)
  DIR/warnings.csv         accepted rows with a warning (a value left unknown, a last line without line break…)
  DIR/register.json        where the register came from (file, rows accepted/rejected, CRS,
                           rows outside the study area), shown in the report's data sources
With --population (per H3 cell or per point: 常住人口, 60/65/80岁以上, 户数):
  DIR/population-import.json      accepted rows {source_row, h3 | lon/lat, counts…, extra}
  DIR/population-rejected.csv     rejected rows, as rejected.csv

Options:
  --facilities FILE       the facility register to import
  --population FILE       a population table to import (at least one of the two is required)
  --out DIR               output folder (required)
  --crs auto|wgs84|gcj02|bd09
                          coordinate system of the file (default auto: outside China → WGS-84,
                          CRS names in headers/file name, or closeness to the --city roads;
                          fails when it cannot tell)
  --city DIR              a city folder: its roads.geojson is the reference for --crs auto, and
                          its extent (city.json bbox, the road network's) plus ${DEFAULT_STUDY_AREA_MARGIN_M} m is the
                          study area: facilities outside it are rejected (E_OUTSIDE_STUDY_AREA)
  --keep-outside          keep facilities outside the study area (each listed with a warning)
  --sheet NAME            sheet of a workbook / layer of a zipped Shapefile (default: the first)
  --header-row N          row holding the column names (default: detected)
  --map FIELD=COLUMN      override the guessed column of a field (repeatable); FIELD is one of
                          ${FACILITY_FIELDS.join(', ')}; COLUMN empty to unmap
  --type TYPE             facility type for every row when the file has no type column
  --allow-outside-china   accept coordinates outside China (default: rejected)
  --help                  this text

A delimited-text register is checked in batches of rows and written as it goes (memory holds one
batch, the file's bytes and the ids seen, not the register); other formats are read whole.

Exit status: 0 when the import ran (even with rejected rows), 1 on an input error.`;

export const verb: Verb = {
  summary: 'import a facility register (CSV/XLSX/GeoJSON/Shapefile) into WGS-84 GeoJSON',
  help,
  async run(argv) {
    const opts = parseOptions(argv, {
      facilities: { type: 'string' },
      population: { type: 'string' },
      out: { type: 'string' },
      crs: { type: 'string', default: 'auto' },
      city: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      map: { type: 'string', multiple: true },
      type: { type: 'string' },
      'allow-outside-china': { type: 'boolean', default: false },
      'keep-outside': { type: 'boolean', default: false },
    });
    const out = requireOption(opts.out, 'out');
    if (opts.facilities === undefined && opts.population === undefined) {
      throw new InputError(
        'E_MISSING_OPTION',
        'missing required option --facilities or --population',
      );
    }
    const crs: Crs | 'auto' | undefined = opts.crs === 'auto' ? 'auto' : parseCrs(opts.crs ?? '');
    if (crs === undefined)
      throw new InputError('E_BAD_OPTION', `--crs must be auto, ${CRS_LIST.join(', ')}`);
    const common = {
      crs,
      ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }),
      // No sheet picker here: a register split over sheets waits for --sheet.
      severalSheets: 'error' as const,
      ...(opts['header-row'] === undefined
        ? {}
        : { headerRow: parseHeaderRow(opts['header-row']) }),
      allowOutsideChina: opts['allow-outside-china'] ?? false,
      ...(await cityRoads(opts.city)),
    };
    await mkdir(out, { recursive: true });
    if (opts.facilities !== undefined) {
      const file = opts.facilities;
      const studyArea = await cityStudyArea(opts.city);
      const options = {
        ...common,
        fileName: basename(file),
        mapping: parseMapOptions(opts.map ?? [], FACILITY_FIELDS),
        ...(opts.type === undefined ? {} : { defaultType: parseType(opts.type) }),
        ...(studyArea === undefined
          ? {}
          : { studyArea, keepOutsideStudyArea: opts['keep-outside'] ?? false }),
      };
      const written = ['facilities.geojson', 'rejected.csv', 'register.json', 'warnings.csv'].map(
        (f) => join(out, f),
      );
      const bytes = await readInput(file);
      // Delimited text is validated in batches and written as it goes; other formats at once.
      const streamed = importFacilitiesStreamed(bytes, options);
      const report =
        streamed === undefined
          ? await writeWhole(await importFacilities(bytes, options), written)
          : await writeBatches(streamed, written);
      await writeFile(
        written[2],
        `${JSON.stringify(registerInfo(basename(file), report), null, 2)}\n`,
      );
      console.log(summary(file, report, written));
    }
    if (opts.population !== undefined) {
      const file = opts.population;
      const report = await importPopulation(await readInput(file), {
        ...common,
        fileName: basename(file),
        mapping: parseMapOptions(opts.map ?? [], POPULATION_FIELDS),
      });
      const rows = report.rows.map((r) => JSON.stringify(r));
      await writeFile(join(out, 'population-import.json'), batched(jsonRows(rows)));
      await writeFile(
        join(out, 'population-rejected.csv'),
        batched(rejectedRowsCsvLines(report.table, report.rejections)),
      );
      console.log(
        summary(file, report, [
          join(out, 'population-import.json'),
          join(out, 'population-rejected.csv'),
        ]),
      );
    }
    return 0;
  },
};

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new InputError('E_NO_FILE', `cannot read ${file}: ${(error as Error).message}`, { file });
  }
}

function parseMapOptions<F extends string>(
  values: string[],
  fields: F[],
): Partial<Record<F, string | null>> {
  const known = [...FACILITY_FIELDS, ...POPULATION_FIELDS] as string[];
  const mapping: Partial<Record<F, string | null>> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const field = value.slice(0, eq);
    if (eq < 1 || !known.includes(field)) {
      throw new InputError(
        'E_BAD_OPTION',
        `--map ${value}: expected FIELD=COLUMN, FIELD one of ${FACILITY_FIELDS.join(', ')} (population: ${POPULATION_FIELDS.join(', ')})`,
      );
    }
    // With both files given, a field only the other file has is simply not for this one.
    if (!(fields as string[]).includes(field)) continue;
    const column = value.slice(eq + 1);
    mapping[field as F] = column === '' ? null : column;
  }
  return mapping;
}

function parseHeaderRow(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError('E_BAD_OPTION', `--header-row ${text}: expected a row number ≥ 1`);
  return n;
}

function parseType(text: string): FacilityType {
  const type = facilityTypeOf(text);
  if (type === undefined)
    throw new InputError('E_BAD_OPTION', `--type ${text}: not a known facility type`);
  return type;
}

/** The city's roads as the CRS reference, when the folder has them. */
async function cityRoads(dir: string | undefined): Promise<{ distanceToRoadsM?: DistanceToRoads }> {
  if (dir === undefined) return {};
  const path = join(dir, 'roads.geojson');
  if (!existsSync(path)) {
    console.warn(`carecircle import: ${path} not found; CRS detection without a road reference`);
    return {};
  }
  const index = roadDistanceIndex(roadLinesFromGeoJson(JSON.parse(await readFile(path, 'utf8'))));
  return index === undefined ? {} : { distanceToRoadsM: index };
}

/** The city's study area (its road network's extent plus a margin), when --city is given. */
async function cityStudyArea(dir: string | undefined): Promise<StudyArea | undefined> {
  if (dir === undefined) return undefined;
  const path = join(dir, 'city.json');
  if (!existsSync(path)) {
    throw new InputError('E_NO_FILE', `${path} not found: --city must be a city folder`, {
      file: path,
    });
  }
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { bbox?: unknown };
  const bbox = manifest.bbox;
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    throw new InputError('E_BAD_CITY', `${path} has no bbox [west, south, east, north]`, {
      file: path,
      column: 'bbox',
    });
  }
  return studyAreaOf(bbox as [number, number, number, number]);
}

/** Writes a report held whole (XLSX, GeoJSON, Shapefile), streamed in batches. */
async function writeWhole(
  report: FacilityImportReport,
  written: string[],
): Promise<FacilityImportReport> {
  // Streamed in batches: a register of millions of rows is never one string.
  await writeFile(written[0], batched(featureCollectionChunks(report.collection.features)));
  await writeFile(written[1], batched(rejectedRowsCsvLines(report.table, report.rejections)));
  await writeFile(
    written[3],
    batched(warnedRowsCsvLines(report.table, report.warnings, report.fileWarnings)),
  );
  return report;
}

/** Problems kept for the summary; the files hold all of them. */
const SUMMARY_PROBLEMS = 11;

/**
 * Validates and writes batch by batch: features, rejected and warned rows go to their files as
 * each batch is checked, so memory holds one batch, not the register. The report returned keeps
 * the counts and the first few problems (for the summary and register.json).
 */
async function writeBatches(
  streamed: StreamedFacilityImport,
  written: string[],
): Promise<FacilityImportReport & { totals: Totals }> {
  const files = [written[0], written[1], written[3]].map((f) => createWriteStream(f));
  const write = async (stream: WriteStream, chunks: Iterable<string>) => {
    for (const chunk of batched(chunks)) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
  };
  const counts = { rows: 0, accepted: 0, rejected: 0, emptyRows: 0 };
  const rejections: Rejection[] = [];
  const warnings: Rejection[] = [];
  let rejectionCount = 0;
  let warningCount = 0;
  let studyArea: StudyAreaOutcome | undefined;
  let fileWarnings: FileWarning[] | undefined;
  let first = true;
  await write(files[0], ['{"type":"FeatureCollection","features":[\n']);
  for (const batch of streamed.batches()) {
    await write(
      files[0],
      featureLines(batch.collection.features, first && batch.counts.accepted > 0),
    );
    if (batch.counts.accepted > 0) first = false;
    const skipHeader = counts.rows > 0 || counts.emptyRows > 0;
    await write(
      files[1],
      withoutFirst(rejectedRowsCsvLines(batch.table, batch.rejections), skipHeader),
    );
    // Every batch knows the file-level notes (from the first pass): written once, at the top.
    await write(
      files[2],
      withoutFirst(
        warnedRowsCsvLines(batch.table, batch.warnings, fileWarnings ? [] : batch.fileWarnings),
        skipHeader,
      ),
    );
    fileWarnings ??= batch.fileWarnings;
    for (const key of ['rows', 'accepted', 'rejected', 'emptyRows'] as const)
      counts[key] += batch.counts[key];
    rejectionCount += batch.rejections.length;
    warningCount += batch.warnings.length;
    rejections.push(...batch.rejections.slice(0, SUMMARY_PROBLEMS - rejections.length));
    warnings.push(...batch.warnings.slice(0, SUMMARY_PROBLEMS - warnings.length));
    if (batch.studyArea !== undefined) {
      studyArea =
        studyArea === undefined
          ? batch.studyArea
          : {
              ...studyArea,
              outside: studyArea.outside + batch.studyArea.outside,
              outsidePoints: [...studyArea.outsidePoints, ...batch.studyArea.outsidePoints],
            };
    }
  }
  await write(files[0], ['\n]}\n']);
  await Promise.all(files.map((f) => new Promise((resolve) => f.end(resolve))));
  return {
    ...streamed,
    collection: { type: 'FeatureCollection', features: [] },
    rejections,
    rejectedRows: [],
    warnings,
    fileWarnings: fileWarnings ?? [],
    counts,
    ...(studyArea === undefined ? {} : { studyArea }),
    totals: { rejections: rejectionCount, warnings: warningCount },
  };
}

function* withoutFirst(lines: Iterable<string>, skip: boolean): Generator<string> {
  let firstLine = true;
  for (const line of lines) {
    if (!(firstLine && skip)) yield line;
    firstLine = false;
  }
}

/** Provenance of the imported register, for the report (ReportRegisterInfo). */
function registerInfo(fileName: string, report: FacilityImportReport): ReportRegisterInfo {
  return {
    fileName,
    accepted: report.counts.accepted,
    rejected: report.counts.rejected,
    crsFrom: report.crs,
    outsideStudyArea:
      report.studyArea === undefined || report.studyArea.kept ? 0 : report.studyArea.outside,
  };
}

/** One feature per line: diffable, and still valid GeoJSON. */
function* featureCollectionChunks(features: FacilityFeature[]): Generator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  yield* featureLines(features, true);
  yield '\n]}\n';
}

function* featureLines(features: FacilityFeature[], first: boolean): Generator<string> {
  let lead = !first;
  for (const f of features) {
    yield `${lead ? ',\n' : ''}${JSON.stringify(f)}`;
    lead = true;
  }
}

function* jsonRows(rows: Iterable<string>): Generator<string> {
  yield '{"rows":[\n';
  let first = true;
  for (const row of rows) {
    yield `${first ? '' : ',\n'}${row}`;
    first = false;
  }
  yield '\n]}\n';
}

/** Joins small chunks into about a megabyte each, so that writing takes few system calls. */
function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    buffer.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length > 0) yield buffer.join('');
}

interface Totals {
  rejections: number;
  warnings: number;
}

function studyAreaLine(outcome: StudyAreaOutcome | undefined): string[] {
  if (outcome === undefined) return ['  study area: not checked (give --city to check it)'];
  const where = `outside the study area (road network extent + ${outcome.marginM} m)`;
  if (outcome.outside === 0)
    return [`  study area: every accepted row lies inside (+${outcome.marginM} m)`];
  return outcome.kept
    ? [`  study area: ${outcome.outside} rows ${where}, kept as asked (--keep-outside)`]
    : [
        `  study area: ${outcome.outside} rows ${where} set aside (E_OUTSIDE_STUDY_AREA, in rejected.csv); --keep-outside keeps them`,
      ];
}

function summary(
  file: string,
  report: (FacilityImportReport | PopulationImportReport) & { totals?: Totals },
  written: string[],
): string {
  const rejectionCount = report.totals?.rejections ?? report.rejections.length;
  const warningCount =
    report.totals?.warnings ?? ('warnings' in report ? report.warnings.length : 0);
  const { table, counts, crsChoice } = report;
  const s = crsChoice.suggestion;
  const why = crsChoice.forced ? 'forced by --crs' : (s?.en ?? 'H3 cells are WGS-84');
  const scores = (
    Object.entries(s?.scores ?? {}) as [Crs, { medianRoadDistanceM: number | null }][]
  )
    .filter(([, v]) => v.medianRoadDistanceM !== null)
    .map(([crs, v]) => `${crs} ${v.medianRoadDistanceM} m`)
    .join(', ');
  const mapping = Object.entries(report.mapping)
    .map(([field, column]) => `${field}←${column}`)
    .join(', ');
  const lines = [
    `import ${file}: ${table.format}${table.sheet === undefined ? '' : ` (${table.sheet})`}, encoding ${table.encoding} (${table.encodingEvidence})`,
    `  columns: ${mapping}${report.guess.unmapped.length > 0 ? `; kept as extra: ${report.guess.unmapped.join(', ')}` : ''}`,
    `  CRS: ${report.crs} — ${why}${scores === '' ? '' : ` [median distance to roads: ${scores}]`}`,
    `  rows: ${counts.rows}, accepted ${counts.accepted}, rejected ${counts.rejected}, empty rows skipped ${counts.emptyRows}`,
    ...('studyArea' in report ? studyAreaLine(report.studyArea) : []),
    ...table.warnings.map((w) => `  note: ${w}`),
    ...('fileWarnings' in report ? report.fileWarnings : []).map(
      (w) => `  warning: column ${w.column ?? '(none)'}: ${reasonText(w.reason)}`,
    ),
    ...('warnings' in report ? report.warnings : [])
      .slice(0, 10)
      .map(
        (w) =>
          `  warning: row ${w.row}, column ${w.column}, value "${w.value}": ${reasonText(w.reason)}`,
      ),
    ...(warningCount > 10 ? [`  … ${warningCount - 10} more warnings in warnings.csv`] : []),
    ...report.rejections
      .slice(0, 10)
      .map(
        (r) => `  row ${r.row}, column ${r.column}, value "${r.value}": ${reasonText(r.reason)}`,
      ),
    ...(rejectionCount > 10 ? [`  … ${rejectionCount - 10} more problems in rejected.csv`] : []),
    `  wrote ${written.join(' and ')}`,
  ];
  return lines.join('\n');
}
