import type { Rejection } from '../table/types.ts';
import { reasons, warnings as rowWarnings } from './reasons.ts';

/**
 * How far beyond the road network's extent a site may lie and still belong to the city: about
 * one kilometre, so that a site on the far side of a boundary road is kept while a register that
 * mixes two cities (tens or hundreds of km apart) is split.
 */
export const DEFAULT_STUDY_AREA_MARGIN_M = 1000;

/** A city's extent (city.json bbox: the road network's) grown by a margin. */
export interface StudyArea {
  /** [west, south, east, north] in WGS-84 degrees. */
  bbox: readonly [number, number, number, number];
  marginM: number;
}

/** What the study-area check did to an import, for the summary, the wizard and the report. */
export interface StudyAreaOutcome {
  marginM: number;
  /** Rows whose point lies outside the study area (rejected, or kept when the user chose so). */
  outside: number;
  kept: boolean;
  /** The study area and the WGS-84 points outside it, for a preview map. */
  bbox: readonly [number, number, number, number];
  outsidePoints: [number, number][];
}

const METRES_PER_DEGREE = 111_320;

export function studyAreaOf(
  bbox: readonly [number, number, number, number],
  marginM = DEFAULT_STUDY_AREA_MARGIN_M,
): StudyArea {
  return { bbox, marginM };
}

/** True when the WGS-84 point lies within the study area's bbox grown by its margin. */
export function inStudyArea(area: StudyArea, lon: number, lat: number): boolean {
  const [w, s, e, n] = area.bbox;
  const dLat = area.marginM / METRES_PER_DEGREE;
  const midLat = ((s + n) / 2) * (Math.PI / 180);
  const dLon = area.marginM / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(midLat)));
  return lon >= w - dLon && lon <= e + dLon && lat >= s - dLat && lat <= n + dLat;
}

/** One located row as the check needs it: its source row and its WGS-84 point. */
export interface LocatedRow {
  row: number;
  lon: number;
  lat: number;
}

/**
 * Splits located rows into those inside the study area and those outside. Outside rows become
 * E_OUTSIDE_STUDY_AREA rejections, or, when the user keeps them explicitly, W_..._KEPT warnings
 * on accepted rows; either way each is listed, so the user sees what was set aside and why.
 */
export function checkStudyArea<T extends LocatedRow>(
  rows: readonly T[],
  area: StudyArea,
  options: { keepOutside: boolean; column: string; sourceValue: (row: T) => string },
): { inside: T[]; rejections: Rejection[]; warnings: Rejection[]; outcome: StudyAreaOutcome } {
  const inside: T[] = [];
  const rejections: Rejection[] = [];
  const warnings: Rejection[] = [];
  for (const row of rows) {
    if (inStudyArea(area, row.lon, row.lat)) {
      inside.push(row);
      continue;
    }
    const note = { row: row.row, column: options.column, value: options.sourceValue(row) };
    if (options.keepOutside) {
      inside.push(row);
      warnings.push({ ...note, reason: rowWarnings.keptOutside(area.marginM) });
    } else rejections.push({ ...note, reason: reasons.outsideStudyArea(area.marginM) });
  }
  const outsidePoints = rows
    .filter((row) => !inStudyArea(area, row.lon, row.lat))
    .map((row): [number, number] => [row.lon, row.lat]);
  return {
    inside,
    rejections,
    warnings,
    outcome: {
      marginM: area.marginM,
      outside: outsidePoints.length,
      kept: options.keepOutside,
      bbox: area.bbox,
      outsidePoints,
    },
  };
}
