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

/**
 * A unit's flags in effect, as the analysis reads them (db/schema.ts, unit_flags): the user's,
 * else the unit file's, else its parent's (the user's or the file's), else urban and not new.
 * Undefined when the collection has no unit of that id.
 */
export function flagsInEffect(
  units: UnitCollection,
  flags: UnitFlagMap,
  unitId: string,
): Required<UnitFlags> | undefined {
  const byId = (id: string | undefined) =>
    id === undefined ? undefined : units.features.find((f) => f.properties.id === id)?.properties;
  const unit = byId(unitId);
  if (unit === undefined) return undefined;
  const parent = byId(unit.parentId);
  const own = flags[unitId];
  const above = parent === undefined ? undefined : flags[parent.id];
  return {
    areaType: own?.areaType ?? unit.areaType ?? above?.areaType ?? parent?.areaType ?? 'urban',
    newResidential:
      own?.newResidential ??
      unit.newResidential ??
      above?.newResidential ??
      parent?.newResidential ??
      false,
  };
}

/**
 * The flags after the user sets one unit's `change`: a value the unit has anyway without the
 * user's own (from its file or its parent) is not kept, so the map holds only real changes.
 */
export function setUnitFlags(
  units: UnitCollection,
  flags: UnitFlagMap,
  unitId: string,
  change: UnitFlags,
): Record<string, UnitFlags> {
  const next: Record<string, UnitFlags> = { ...flags };
  const merged: UnitFlags = { ...flags[unitId], ...change };
  for (const field of ['areaType', 'newResidential'] as const) {
    const { [field]: _, ...without } = merged;
    const otherwise = flagsInEffect(units, { ...flags, [unitId]: without }, unitId);
    if (merged[field] === undefined || otherwise?.[field] === merged[field]) delete merged[field];
  }
  if (Object.keys(merged).length === 0) delete next[unitId];
  else next[unitId] = merged;
  return next;
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

/** Ids of the units the user flagged (in the collection's order; unknown ids left out). */
export function flaggedUnitIds(units: UnitCollection, flags: UnitFlagMap): string[] {
  return units.features.map((f) => f.properties.id).filter((id) => flags[id] !== undefined);
}
