import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../../analysis/errors.ts';
import type { SitingCandidate } from '../../analysis/siting/optimise-types.ts';

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

function readFeatures(file: string): Feature[] {
  if (!existsSync(file)) throw new InputError('E_MISSING_FILE', 'file not found', { file });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not valid JSON: ${(error as Error).message}`, { file });
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new InputError('E_BAD_GEOJSON', 'expected a FeatureCollection', { file });
  }
  return features as Feature[];
}

/**
 * User candidates: GeoJSON Points with properties {id, name?, floorAreaM2?}. Every bad feature
 * is reported at once with its row (feature index, 1-based).
 */
export function readCandidateFile(file: string): SitingCandidate[] {
  const problems: string[] = [];
  const out: SitingCandidate[] = [];
  readFeatures(file).forEach((feature, k) => {
    const row = k + 1;
    const p = feature.properties ?? {};
    const coords =
      feature.geometry?.type === 'Point' ? (feature.geometry.coordinates as number[]) : null;
    const id = p.id === undefined || p.id === null ? '' : String(p.id);
    if (id === '') problems.push(`row ${row}: property id is missing`);
    if (!coords || !Number.isFinite(coords[0]) || !Number.isFinite(coords[1])) {
      problems.push(`row ${row}: geometry must be a Point with finite coordinates`);
      return;
    }
    const area = p.floorAreaM2;
    if (area !== undefined && (typeof area !== 'number' || !(area >= 0))) {
      problems.push(`row ${row}: floorAreaM2 must be a number ≥ 0`);
    }
    out.push({
      id,
      lon: coords[0],
      lat: coords[1],
      ...(typeof area === 'number' ? { floorAreaM2: area } : {}),
      ...(typeof p.name === 'string' ? { name: p.name } : {}),
      source: 'file',
    });
  });
  if (problems.length > 0) {
    throw new InputError('E_BAD_CANDIDATES', `bad candidates:\n  ${problems.join('\n  ')}`, {
      file,
    });
  }
  return out;
}
