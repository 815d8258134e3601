import type { RadiusShare, ScopeArea } from './metrics.ts';
import type { SfcaScope } from './sfca.ts';
import type { CityInput, CoverageRow, Finding, UnitRow } from './types.ts';

interface UnitParts {
  coverage: CoverageRow[];
  radius: RadiusShare[];
  areas: ScopeArea[];
  sfca: SfcaScope[];
  findings: Finding[];
}

/** One row per street and community unit (units.csv), in the order of units.geojson. */
export function buildUnitRows(input: CityInput, parts: UnitParts, thresholds: number[]): UnitRow[] {
  const keyOf = (scope: string, unitId: string | null) => `${scope}|${unitId ?? ''}`;
  const areas = new Map(parts.areas.map((a) => [keyOf(a.scope, a.unitId), a]));
  const radius = new Map(parts.radius.map((r) => [keyOf(r.scope, r.unitId), r]));
  const sfca = new Map(parts.sfca.map((s) => [keyOf(s.scope, s.unitId), s]));
  const within = new Map<string, number[]>();
  for (const c of parts.coverage) {
    if (c.profile !== 'walk-elderly' || c.kind !== 'all') continue;
    const k = keyOf(c.scope, c.unitId);
    const list = within.get(k) ?? thresholds.map(() => 0);
    list[thresholds.indexOf(c.minutes)] = c.elders60Covered;
    within.set(k, list);
  }
  const failed = new Map<string, number>();
  for (const f of parts.findings) {
    if (f.status === 'fail' && f.unitId !== null && f.scope !== 'site') {
      failed.set(f.unitId, (failed.get(f.unitId) ?? 0) + 1);
    }
  }
  return input.units.map((unit): UnitRow => {
    const k = keyOf(unit.level, unit.id);
    const a = areas.get(k);
    const r = radius.get(k);
    const residents = a?.residents ?? 0;
    const households = a?.households ?? 0;
    const floorArea = a?.floorAreaM2 ?? 0;
    const elders = r?.elders60 ?? 0;
    return {
      unitId: unit.id,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId ?? null,
      residents,
      elders60: a?.elders60 ?? 0,
      households,
      elders60Within: within.get(k) ?? thresholds.map(() => 0),
      radius300StraightShare: elders > 0 ? (r?.straightCovered ?? 0) / elders : null,
      radius300NetworkShare: elders > 0 ? (r?.networkCovered ?? 0) / elders : null,
      facilities: a?.facilities ?? 0,
      floorAreaM2: floorArea,
      m2PerResident: residents > 0 ? floorArea / residents : null,
      m2Per100Households: households > 0 ? (floorArea / households) * 100 : null,
      sfcaAccess: sfca.get(k)?.access ?? null,
      findingsFailed: failed.get(unit.id) ?? 0,
    };
  });
}
