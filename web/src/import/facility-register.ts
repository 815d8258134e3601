import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FacilityProperties } from '../../../analysis/city/types.ts';
import type { Crs } from '../../../analysis/io/crs/convert.ts';
import type { FacilityFeature as ImportedFeature } from '../../../analysis/io/import/validate-facilities.ts';

export type RegisterMode = 'replace' | 'extend';

/** What the wizard applied: the accepted rows of one file, as validated (never edited here). */
export interface ImportedRegister {
  fileName: string;
  mode: RegisterMode;
  crs: Crs;
  features: ImportedFeature[];
  /** Rows of the file that were not imported, and how many of them lay outside the study area. */
  rejected: number;
  outsideStudyArea: number;
}

export interface RegisterView {
  collection: FeatureCollection<Point, FacilityProperties>;
  /** Ids present both in the baseline and in the import (extend mode): shown, never renamed. */
  clashingIds: string[];
}

/**
 * The register the map shows: the baseline alone, the import alone (replace) or both (extend).
 * The baseline collection is never mutated, so dropping the import brings it back unchanged.
 */
export function registerView(
  baseline: FeatureCollection<Point, FacilityProperties>,
  imported: ImportedRegister | null,
): RegisterView {
  if (imported === null) return { collection: baseline, clashingIds: [] };
  const features = imported.features as Feature<Point, FacilityProperties>[];
  if (imported.mode === 'replace') {
    return { collection: { type: 'FeatureCollection', features }, clashingIds: [] };
  }
  const baselineIds = new Set(baseline.features.map((f) => f.properties.id));
  const clashingIds = [
    ...new Set(features.map((f) => f.properties.id).filter((id) => baselineIds.has(id))),
  ];
  return {
    collection: { type: 'FeatureCollection', features: [...baseline.features, ...features] },
    clashingIds,
  };
}
