import { cellsToMultiPolygon } from 'h3-js';
import type { AnalysisResult } from '../coverage/analyse-city.ts';
import { diffFacilities } from '../siting/scenario-diff.ts';
import type { SiteFacility } from '../siting/scenario-types.ts';
import type { ReportInput } from './types.ts';

/**
 * GeoJSON exports of the report: service circles (union of the H3 cells reached within each
 * walking threshold, holes kept, plus 300 m straight-line discs per facility) and sites
 * (register with scenario status, recommended sites). WGS-84, 7 decimals.
 */
interface Feature {
  type: 'Feature';
  properties: Record<string, string | number | boolean | null>;
  geometry:
    | { type: 'Point'; coordinates: number[] }
    | { type: 'LineString'; coordinates: number[][] }
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
const roundRing = (ring: number[][]) => ring.map(([lon, lat]) => [r7(lon), r7(lat)]);

function thresholdCircles(result: AnalysisResult, scenario: string): Feature[] {
  const byMinutes = new Map(
    result.summary.coverage.filter((c) => c.profile === 'walk-elderly').map((c) => [c.minutes, c]),
  );
  return result.summary.thresholds.map((minutes) => {
    const cells = result.cells
      .filter((c) => c.minutesNearest !== null && c.minutesNearest <= minutes)
      .map((c) => c.h3);
    const polygons = cells.length === 0 ? [] : cellsToMultiPolygon(cells, true);
    const row = byMinutes.get(minutes);
    return {
      type: 'Feature',
      properties: {
        kind: 'walk-circle',
        scenario,
        travel: 'walk-elderly',
        minutes,
        cells: cells.length,
        elders60Covered: row?.elders60Covered ?? null,
        elders60Share:
          row?.elders60Share === null || row === undefined
            ? null
            : Number(row.elders60Share.toFixed(6)),
      },
      geometry: { type: 'MultiPolygon', coordinates: polygons.map((p) => p.map(roundRing)) },
    };
  });
}

/** A 64-gon of `radiusM` metres around a point (local equirectangular; fine for 300 m). */
function disc(lon: number, lat: number, radiusM: number): number[][] {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ring: number[][] = [];
  for (let k = 0; k <= 64; k++) {
    const a = ((k % 64) / 64) * 2 * Math.PI;
    ring.push([
      r7(lon + (radiusM * Math.cos(a)) / kx),
      r7(lat + (radiusM * Math.sin(a)) / 111_320),
    ]);
  }
  return ring;
}

export function circlesGeoJson(input: ReportInput): FeatureCollection {
  const radius = input.baseline.summary.radius300.radiusM;
  const discs = (facilities: readonly SiteFacility[], scenario: string): Feature[] =>
    facilities.map((f) => ({
      type: 'Feature',
      properties: {
        kind: 'radius-disc',
        scenario,
        facilityId: f.id,
        name: f.name,
        type: f.type,
        radiusM: radius,
      },
      geometry: { type: 'Polygon', coordinates: [disc(f.lon, f.lat, radius)] },
    }));
  const features = [
    ...thresholdCircles(input.baseline, 'baseline'),
    ...discs(input.facilities, 'baseline'),
  ];
  if (input.scenario !== undefined) {
    features.push(
      ...thresholdCircles(input.scenario.result, 'scenario'),
      ...discs(input.scenario.facilities, 'scenario'),
    );
  }
  return { type: 'FeatureCollection', features };
}

function siteFeature(f: SiteFacility, status: string): Feature {
  return {
    type: 'Feature',
    properties: {
      id: f.id,
      name: f.name,
      type: f.type,
      floorAreaM2: f.floorAreaM2,
      beds: f.beds,
      floorLevel: f.floorLevel,
      illustrative: f.illustrative,
      status,
    },
    geometry: { type: 'Point', coordinates: [r7(f.lon), r7(f.lat)] },
  };
}

/**
 * Every site once: baseline sites as existing (or closed/moved/changed by the scenario), the
 * scenario's added sites, then the optimiser's recommended sites.
 */
export function sitesGeoJson(input: ReportInput): FeatureCollection {
  const features: Feature[] = [];
  const scenario = input.scenario;
  if (scenario === undefined) {
    for (const f of input.facilities) features.push(siteFeature(f, 'existing'));
  } else {
    const diff = diffFacilities(input.facilities, scenario.facilities);
    const status = new Map<string, string>();
    for (const id of diff.removed) status.set(id, 'closed');
    for (const id of diff.moved) status.set(id, 'moved');
    for (const id of diff.changed) status.set(id, 'changed');
    const after = new Map(scenario.facilities.map((f) => [f.id, f]));
    for (const f of input.facilities)
      features.push(siteFeature(after.get(f.id) ?? f, status.get(f.id) ?? 'existing'));
    const added = new Set(diff.added);
    for (const f of scenario.facilities)
      if (added.has(f.id)) features.push(siteFeature(f, 'added'));
  }
  // The scenario's street-network edits, one LineString per line of each.
  for (const e of scenario?.networkEdits ?? []) {
    for (const line of e.lines) {
      features.push({
        type: 'Feature',
        properties: {
          id: e.id,
          status: e.kind === 'add-link' ? 'link-added' : 'road-closed',
          networks: e.networks.join(','),
          lengthM: Math.round(e.lengthM * 10) / 10,
          costYuan: e.costYuan ?? null,
          thresholds: e.thresholds.join(','),
          newlyCoveredElders: e.gains.join(','),
        },
        geometry: { type: 'LineString', coordinates: line.map(([lon, lat]) => [r7(lon), r7(lat)]) },
      });
    }
  }
  for (const s of input.recommended?.sites ?? []) {
    features.push({
      type: 'Feature',
      properties: {
        id: s.id,
        name: s.name ?? s.id,
        floorAreaM2: s.floorAreaM2 ?? null,
        unitId: s.unitId ?? null,
        status: 'recommended',
      },
      geometry: { type: 'Point', coordinates: [r7(s.lon), r7(s.lat)] },
    });
  }
  return { type: 'FeatureCollection', features };
}
