import type { AreaType } from '../vocabulary.ts';
import type { UnitProperties } from './types.ts';

/** What the user set in the app for one unit, over what the unit file says. */
export interface UnitFlags {
  areaType?: AreaType;
  newResidential?: boolean;
}

/** The user's flags by unit id. */
export type UnitFlagMap = Readonly<Record<string, UnitFlags>>;

/** A unit collection as the page and the city folder hold it; the geometry is carried as is. */
export interface UnitCollection<G = unknown> {
  type: 'FeatureCollection';
  features: readonly { type: 'Feature'; geometry: G; properties: UnitProperties }[];
}

/** A unit's flags in effect: the user's, else the unit file's, else urban and not new. */
export function effectiveFlags(
  properties: Pick<UnitProperties, 'areaType' | 'newResidential'>,
  flags: UnitFlags | undefined,
): Required<UnitFlags> {
  return {
    areaType: flags?.areaType ?? properties.areaType ?? 'urban',
    newResidential: flags?.newResidential ?? properties.newResidential ?? false,
  };
}

/**
 * The units with the user's flags applied, as a new collection (the input is never changed).
 * Flags of ids the collection lacks are ignored: a unit file replaced since they were set.
 */
export function flagUnits<G>(units: UnitCollection<G>, flags: UnitFlagMap): UnitCollection<G> {
  return {
    type: 'FeatureCollection',
    features: units.features.map((feature) => {
      const own = flags[feature.properties.id];
      if (own === undefined) return feature;
      const properties: UnitProperties = { ...feature.properties };
      if (own.areaType !== undefined) properties.areaType = own.areaType;
      if (own.newResidential !== undefined) properties.newResidential = own.newResidential;
      return { ...feature, properties };
    }),
  };
}

/** units.geojson text of the flagged units, as openCity takes it in `overrides.units`. */
export function flaggedUnitsText(units: UnitCollection, flags: UnitFlagMap): string {
  return JSON.stringify(flagUnits(units, flags));
}

/** Ids of the units whose flags differ from what the unit file says (the note's count). */
export function changedUnits(units: UnitCollection, flags: UnitFlagMap): string[] {
  return units.features
    .filter((f) => {
      const own = flags[f.properties.id];
      if (own === undefined) return false;
      const before = effectiveFlags(f.properties, undefined);
      const after = effectiveFlags(f.properties, own);
      return before.areaType !== after.areaType || before.newResidential !== after.newResidential;
    })
    .map((f) => f.properties.id);
}
