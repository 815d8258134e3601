import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { FacilityProperties, UnitProperties } from '../../analysis/city/types.ts';
import { InputError } from '../../analysis/errors.ts';
import { decodeText } from '../../analysis/io/table/decode-text.ts';
import { programmeProfileFor } from '../../analysis/programme/builtin.ts';
import { parseProgrammeProfile } from '../../analysis/programme/profile.ts';
import {
  parseStatusTable,
  type StatusTable,
  throwIfProblems,
} from '../../analysis/programme/status-columns.ts';
import { readStatusCsv } from '../../analysis/programme/status-csv.ts';
import { recordsOf } from '../../analysis/programme/status-table.ts';
import { readStatusXlsx } from '../../analysis/programme/status-xlsx.ts';
import type { ProgrammeProfile, SiteProgramme } from '../../analysis/programme/types.ts';

/** Node-side loading for the `progress` verb: city folder, programme profile, status register. */

interface PointFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: number[] } | null;
}

export async function readBytes(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'E_NO_FILE',
      `${what}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`,
      {
        file,
      },
    );
  }
}

async function readJson(file: string, what: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(file, what));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('E_BAD_JSON', `${what}: ${(error as Error).message}`, { file });
  }
}

export async function readFacilities(city: string): Promise<PointFeature[]> {
  const file = join(city, 'facilities.geojson');
  const data = (await readJson(file, 'facility register')) as { features?: PointFeature[] };
  if (!Array.isArray(data.features)) {
    throw new InputError('E_BAD_GEOJSON', 'expected a FeatureCollection', { file });
  }
  const problems: string[] = [];
  data.features.forEach((feature, index) => {
    const props = feature.properties ?? {};
    if (typeof props.id !== 'string' || props.id === '') problems.push(`feature ${index}: no id`);
    if (typeof props.type !== 'string') problems.push(`feature ${index}: no type`);
  });
  if (problems.length > 0) {
    throw new InputError('E_BAD_FACILITIES', problems.join('; '), { file });
  }
  return data.features;
}

/** A built-in profile name (haining-2024, …; others fall back to generic) or a .json file. */
export async function loadProgrammeProfile(
  name: string,
): Promise<{ profile: ProgrammeProfile; source: string; note?: string }> {
  if (name.endsWith('.json')) {
    const data = await readJson(name, 'programme profile');
    return { profile: parseProgrammeProfile(data, name), source: name };
  }
  const profile = programmeProfileFor(name);
  const source = `analysis/programme/profiles/${profile.id}.programme.json`;
  if (profile.id === name) return { profile, source };
  return { profile, source, note: `no programme rules for "${name}": using the generic profile` };
}

/**
 * The programme records: from --register (CSV or XLSX), else from the status columns of the
 * facility properties. Rows without a status are baseline facilities.
 */
export async function loadRecords(
  facilities: PointFeature[],
  register: string | undefined,
): Promise<{ records: SiteProgramme[]; table: StatusTable; source: string }> {
  let result: Awaited<ReturnType<typeof readStatusXlsx>>;
  let source: string;
  if (register === undefined) {
    source = 'facilities.geojson properties';
    const header = [...new Set(facilities.flatMap((f) => Object.keys(f.properties ?? {})))];
    const rows = facilities.map((f) => header.map((key) => propertyText(f.properties?.[key])));
    result = parseStatusTable(header, rows);
  } else {
    source = register;
    const bytes = await readBytes(register, 'status register');
    const kind = extname(register).toLowerCase();
    if (kind === '.xlsx') result = await readStatusXlsx(bytes, { file: register });
    else if (kind === '.csv' || kind === '.txt')
      result = readStatusCsv(decodeText(bytes, register).text, { file: register });
    else
      throw new InputError('E_BAD_FORMAT', 'the register must be .csv or .xlsx', {
        file: register,
      });
  }
  throwIfProblems(result.problems, source);
  return { records: recordsOf(result.table), table: result.table, source };
}

function propertyText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

export function facilityOf(feature: PointFeature): FacilityProperties {
  return feature.properties as unknown as FacilityProperties;
}

/** Facility id → community unit id (street unit when the city has no community units). */
export async function unitIdsOf(
  city: string,
  facilities: PointFeature[],
): Promise<Map<string, string>> {
  const file = join(city, 'units.geojson');
  const ids = new Map<string, string>();
  if (!existsSync(file)) return ids;
  const data = (await readJson(file, 'units')) as {
    features: { properties: UnitProperties; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[];
  };
  const community = data.features.filter((unit) => unit.properties.level === 'community');
  const units = community.length > 0 ? community : data.features;
  for (const facility of facilities) {
    if (facility.geometry?.type !== 'Point') continue;
    const point = facility.geometry.coordinates;
    const unit = units.find((candidate) => booleanPointInPolygon(point, candidate.geometry));
    if (unit !== undefined) ids.set(String(facility.properties.id), unit.properties.id);
  }
  return ids;
}
