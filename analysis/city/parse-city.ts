import Papa from 'papaparse';
import { InputError, type InputLocation } from '../errors.ts';
import { FACILITY_TYPES, UNIT_LEVELS } from '../vocabulary.ts';
import type { CityInput, FacilityInput, UnitGeometry, UnitInput } from './input.ts';
import type { CityManifest, FacilityType, PopulationCellRow, UnitLevel } from './types.ts';

/** The texts of a city folder; read from disk by scripts/ or fetched by the web app. */
export interface CityTexts {
  manifest: string;
  population: string;
  units: string;
  /** Absent when the city folder has no facility register. */
  facilities?: string;
}

const NUMBER_COLUMNS = ['residents', 'elders60', 'elders65', 'elders80', 'households'] as const;
const MAX_LISTED = 20;

class Problems {
  readonly list: { message: string; at: InputLocation }[] = [];
  add(message: string, at: InputLocation): void {
    this.list.push({ message, at });
  }
  /** Throws one InputError listing every problem (the first's location is the error's). */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const lines = this.list.slice(0, MAX_LISTED).map((p) => {
      const where = [
        p.at.file,
        p.at.row !== undefined ? `row ${p.at.row}` : '',
        p.at.column ? `column ${p.at.column}` : '',
      ]
        .filter((s) => s !== '' && s !== undefined)
        .join(', ');
      return `  ${where}: ${p.message}`;
    });
    if (this.list.length > MAX_LISTED) lines.push(`  … and ${this.list.length - MAX_LISTED} more`);
    throw new InputError(
      'E_BAD_CITY_DATA',
      `${this.list.length} problem(s) in the city folder:\n${lines.join('\n')}`,
      this.list[0].at,
    );
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not valid JSON: ${(error as Error).message}`, { file });
  }
}

/** Parses and checks a whole city folder, reporting every bad row at once. */
export function parseCityInput(texts: CityTexts): CityInput {
  const manifest = parseJson(texts.manifest, 'city.json') as Partial<CityManifest>;
  const problems = new Problems();
  const resolution = manifest.h3Resolution;
  if (typeof resolution !== 'number' || !Number.isInteger(resolution)) {
    problems.add('h3Resolution must be an integer', { file: 'city.json', column: 'h3Resolution' });
  }
  const cells = parsePopulation(texts.population, problems);
  const units = parseUnits(texts.units, problems);
  const facilities =
    texts.facilities === undefined ? [] : parseFacilities(texts.facilities, problems);
  problems.throwIfAny();
  return {
    name: String(manifest.name ?? 'city'),
    h3Resolution: resolution as number,
    cells,
    units,
    facilities,
  };
}

function parsePopulation(text: string, problems: Problems): PopulationCellRow[] {
  const file = 'population.csv';
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  for (const column of ['h3', ...NUMBER_COLUMNS, 'unit_id', 'street_id']) {
    if (!fields.includes(column)) problems.add('missing column', { file, column });
  }
  if (problems.list.length > 0) return [];
  return parsed.data.map((raw, i) => {
    const row = i + 2; // header is row 1
    if (!/^[0-9a-f]{15}$/.test(raw.h3 ?? ''))
      problems.add(`not an H3 index: "${raw.h3}"`, { file, row, column: 'h3' });
    const numbers = NUMBER_COLUMNS.map((column) => {
      const value = Number(raw[column]);
      if (raw[column] === '' || !Number.isFinite(value) || value < 0) {
        problems.add(`must be a number ≥ 0, got "${raw[column]}"`, { file, row, column });
        return 0;
      }
      return value;
    });
    const [residents, elders60, elders65, elders80, households] = numbers;
    return {
      h3: raw.h3,
      residents,
      elders60,
      elders65,
      elders80,
      households,
      unit_id: raw.unit_id ?? '',
      street_id: raw.street_id ?? '',
    };
  });
}

interface FeatureLike {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

function features(text: string, file: string, problems: Problems): FeatureLike[] {
  const data = parseJson(text, file) as { features?: unknown };
  if (!Array.isArray(data.features)) {
    problems.add('not a GeoJSON FeatureCollection', { file });
    return [];
  }
  return data.features as FeatureLike[];
}

function parseUnits(text: string, problems: Problems): UnitInput[] {
  const file = 'units.geojson';
  return features(text, file, problems).map((f, i) => {
    const p = f.properties ?? {};
    const level = p.level as UnitLevel;
    if (typeof p.id !== 'string' || p.id === '')
      problems.add('missing id', { file, row: i + 1, column: 'id' });
    if (!(UNIT_LEVELS as readonly string[]).includes(level))
      problems.add(`level must be one of ${UNIT_LEVELS.join(', ')}, got "${String(p.level)}"`, {
        file,
        row: i + 1,
        column: 'level',
      });
    const type = f.geometry?.type;
    const geometry =
      type === 'Polygon' || type === 'MultiPolygon' ? (f.geometry as UnitGeometry) : undefined;
    return {
      id: String(p.id),
      name: String(p.name ?? p.id),
      level,
      parentId: typeof p.parentId === 'string' ? p.parentId : undefined,
      derived: p.derived === true,
      ...(p.areaType === 'rural' || p.areaType === 'urban' ? { areaType: p.areaType } : {}),
      ...(typeof p.newResidential === 'boolean' ? { newResidential: p.newResidential } : {}),
      geometry,
    };
  });
}

function parseFacilities(text: string, problems: Problems): FacilityInput[] {
  const file = 'facilities.geojson';
  return features(text, file, problems).map((f, i) => {
    const row = i + 1;
    const p = f.properties ?? {};
    const coords = f.geometry?.type === 'Point' ? (f.geometry.coordinates as number[]) : [];
    const [lon, lat] = coords;
    if (
      !(Number.isFinite(lon) && Math.abs(lon) <= 180 && Number.isFinite(lat) && Math.abs(lat) <= 90)
    ) {
      problems.add('geometry must be a Point with valid lon/lat', {
        file,
        row,
        column: 'geometry',
      });
    }
    if (typeof p.id !== 'string' || p.id === '')
      problems.add('missing id', { file, row, column: 'id' });
    if (!FACILITY_TYPES.includes(p.type as FacilityType)) {
      problems.add(`type must be one of ${FACILITY_TYPES.join(', ')}, got "${String(p.type)}"`, {
        file,
        row,
        column: 'type',
      });
    }
    // Null or absent: the register does not record it (unknown, never read as 0 or floor 1).
    const num = (column: string, valid: (v: number) => boolean, expected: string) => {
      const value = p[column];
      if (value === null || value === undefined) return null;
      if (typeof value !== 'number' || !Number.isFinite(value) || !valid(value)) {
        problems.add(`must be ${expected} or null (not recorded), got ${JSON.stringify(value)}`, {
          file,
          row,
          column,
        });
        return null;
      }
      return value;
    };
    const nonNegative = (v: number) => v >= 0;
    // Basements are negative floors; there is no floor 0.
    const storey = (v: number) => Number.isInteger(v) && v !== 0;
    return {
      id: String(p.id),
      name: String(p.name ?? p.id),
      type: p.type as FacilityType,
      floorAreaM2: num('floorAreaM2', nonNegative, 'a number ≥ 0'),
      beds: num('beds', nonNegative, 'a number ≥ 0'),
      floorLevel: num('floorLevel', storey, 'a whole floor number other than 0'),
      hasLift: p.hasLift === true,
      illustrative: p.illustrative === true,
      lon,
      lat,
      landAreaM2: typeof p.landAreaM2 === 'number' ? p.landAreaM2 : undefined,
      ...(typeof p.socialOperation === 'boolean' ? { socialOperation: p.socialOperation } : {}),
      ...(typeof p.medicalIntegration === 'boolean'
        ? { medicalIntegration: p.medicalIntegration }
        : {}),
    };
  });
}
