import { type SqlRunner, sqlString } from '../db/sql-runner.ts';
import type { FindingStatus } from '../vocabulary.ts';
import { documentLabel } from './documents.ts';
import type { Finding } from './finding.ts';
import type { Bilingual } from './quote-check.ts';
import { areaPerHouseholdsSql, areaPerResidentSql } from './rules/area.ts';
import { attributeShareSql } from './rules/attribute-share.ts';
import { cityFacts, type RuleContext } from './rules/context.ts';
import { countPerUnitSql, unitShareSql } from './rules/count-per-unit.ts';
import {
  coverageShareSql,
  hotspotCoverageSql,
  networkMinutes,
  radiusCoverageSql,
  round2,
} from './rules/coverage-share.ts';
import { NOTES, REASONS } from './rules/reasons.ts';
import { siteAreaSql, siteFloorLevelSql } from './rules/site-rules.ts';
import type { Citation, Rule, RuleKind, Scope, StandardsProfile } from './types.ts';

type Of<K extends RuleKind> = Extract<Rule, { kind: K }>;

interface KindSpec {
  sql: (rule: never, context: RuleContext) => string;
  /** Units of value and shortfall, by the finding's scope. */
  units: (rule: never, scope: Scope) => [string, string];
  /** A note every finding of the rule carries (how the figure was read). */
  note?: (rule: never, context: RuleContext) => Bilingual | null;
}

const populationUnit = (p: string) => (p === 'residents' ? 'residents' : p);
const shareUnits = (r: { population: string }): [string, string] => [
  'share',
  populationUnit(r.population),
];

/** The closed set of rule kinds: one evaluator each (./rules/), one row here. */
const KINDS: Record<RuleKind, KindSpec> = {
  coverage_share: { sql: coverageShareSql, units: shareUnits },
  radius_coverage: {
    sql: radiusCoverageSql,
    units: shareUnits,
    note: (r: Of<'radius_coverage'>, c: RuleContext) => {
      if (r.method !== 'network') return null;
      const m = round2(networkMinutes(r.radiusM, c.settings.walkingSpeedMps));
      const v = c.settings.walkingSpeedMps;
      return {
        zh: `路网距离≤${r.radiusM}米按老年人步行≤${m}分钟计（步速${v}米/秒）`,
        en: `network distance ≤ ${r.radiusM} m read as ≤ ${m} walk-elderly minutes at ${v} m/s`,
      };
    },
  },
  hotspot_coverage: {
    sql: hotspotCoverageSql,
    units: shareUnits,
    note: (r: Of<'hotspot_coverage'>) => ({
      zh: `需求集中区＝按${populationUnit(r.population)}排序居前${Math.round(r.topCellShare * 100)}%的有人口六边形`,
      en: `demand hot spots = the top ${Math.round(r.topCellShare * 100)} % of populated cells by ${r.population}`,
    }),
  },
  area_per_resident: {
    sql: areaPerResidentSql,
    units: (r: Of<'area_per_resident'>) => [
      r.perResidents === 1 ? 'm2/resident' : `m2/${r.perResidents} residents`,
      'm2',
    ],
    note: (_r: Rule, c: RuleContext) => {
      if (c.settings.perCapitaAreaBasis === 'floor')
        return { zh: '按建筑面积计', en: 'basis: floor area' };
      return c.landAreaInData
        ? { zh: '按用地面积计', en: 'basis: land area' }
        : {
            zh: '按用地面积计；名册无用地面积处以建筑面积代替',
            en: 'basis: land area; floor area used where the register has no land area',
          };
    },
  },
  area_per_households: {
    sql: areaPerHouseholdsSql,
    units: () => ['m2/100 households', 'm2'],
    note: (_r: Rule, c: RuleContext) => {
      const { householdsSource, householdSize } = c.settings;
      return householdsSource === 'auto' && c.householdsInData
        ? { zh: '户数取自人口数据', en: 'households from the data' }
        : {
            zh: `户数按常住人口÷${householdSize}推算`,
            en: `households derived: residents / ${householdSize}`,
          };
    },
  },
  count_per_unit: {
    sql: countPerUnitSql,
    units: (_r: Rule, scope: Scope) => [scope === 'city' ? 'units' : 'sites', 'sites'],
  },
  unit_share: {
    sql: unitShareSql,
    units: (_r: Rule, scope: Scope) => (scope === 'city' ? ['share', 'units'] : ['sites', 'sites']),
  },
  attribute_share: { sql: attributeShareSql, units: () => ['share', 'sites'] },
  site_area: {
    sql: siteAreaSql,
    units: (_r: Rule, scope: Scope) => (scope === 'site' ? ['m2', 'm2'] : ['sites', 'sites']),
  },
  site_floor_level: {
    sql: siteFloorLevelSql,
    units: (_r: Rule, scope: Scope) => (scope === 'site' ? ['floor', 'sites'] : ['sites', 'sites']),
  },
};

export interface SkippedRule {
  rule: string;
  /** In English (CLI and summary.json). */
  reason: string;
  /** The reason in both languages (the UI shows the active one). */
  reasonText: Bilingual;
}

export interface Evaluation {
  findings: Finding[];
  skipped: SkippedRule[];
}

export function formatCitation(c: Citation): string {
  return `${documentLabel(c.document)} ${c.locator}：“${c.quote}”`;
}

/** Which rules run: disabled ones are listed as skipped (area types are per unit, not here). */
export function selectRules(profile: StandardsProfile): { run: Rule[]; skipped: SkippedRule[] } {
  const run: Rule[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of profile.rules) {
    if (rule.enabled === false)
      skipped.push({
        rule: rule.id,
        reason: 'disabled in the profile',
        reasonText: { zh: '配置中已停用此条', en: 'disabled in the profile' },
      });
    else run.push(rule);
  }
  return { run, skipped };
}

interface FindingRow {
  rule_id: string;
  scope: Scope;
  unit_id: string | null;
  site_id: string | null;
  status: FindingStatus;
  reason: string | null;
  binding: boolean;
  value: number | null;
  required: number;
  shortfall: number;
  note: string | null;
  site_name: string | null;
  unit_name: string | null;
}

const SCOPE_ORDER = `CASE scope WHEN 'city' THEN 0 WHEN 'street' THEN 1 WHEN 'community' THEN 2 ELSE 3 END`;

/** Evaluates every applicable rule into the findings table, then reads them back in order. */
export async function evaluateProfile(
  runner: SqlRunner,
  profile: StandardsProfile,
  given: Omit<RuleContext, 'facts'>,
): Promise<Evaluation> {
  const { run, skipped } = selectRules(profile);
  const context: RuleContext = { ...given, facts: await cityFacts(runner) };
  await runner.exec('DELETE FROM findings');
  // One statement for all rules: per-statement overhead dominates on duckdb-wasm.
  const selects = run.map(
    (rule) =>
      `SELECT ${sqlString(rule.id)} AS rule_id, ${sqlString(rule.kind)} AS kind, * FROM (${KINDS[rule.kind].sql(rule as never, context)})`,
  );
  if (selects.length > 0)
    await runner.exec(`INSERT INTO findings ${selects.join('\nUNION ALL\n')}`);
  // Names travel with the findings so that no reader shows a unit or facility id.
  const rows = await runner.query<FindingRow>(
    `SELECT x.rule_id, x.scope, x.unit_id, x.site_id, x.status, x.reason, x.binding, x.value,
       x.required, x.shortfall, x.note, f.name AS site_name, u.name AS unit_name
     FROM findings x LEFT JOIN facilities f ON f.id = x.site_id LEFT JOIN units u ON u.id = x.unit_id
     ORDER BY x.rule_id, ${SCOPE_ORDER.replaceAll('scope', 'x.scope')}, x.unit_id, x.site_id`,
  );
  const byId = new Map(run.map((r) => [r.id, r]));
  const order = new Map(profile.rules.map((r, i) => [r.id, i]));
  rows.sort((a, b) => (order.get(a.rule_id) ?? 0) - (order.get(b.rule_id) ?? 0));
  const report = profile.source.documentKind === 'report';
  const findings = rows.map((row): Finding => {
    const rule = byId.get(row.rule_id) as Rule;
    const spec = KINDS[rule.kind];
    const [valueUnit, shortfallUnit] = spec.units(rule as never, row.scope);
    const notes = [
      row.note === null ? null : (NOTES[row.note] ?? { zh: row.note, en: row.note }),
      spec.note?.(rule as never, context) ?? null,
      rule.note ?? null,
    ].filter((n): n is Bilingual => n !== null);
    const evaluable = row.status !== 'not_evaluable';
    const c = rule.citation;
    return {
      rule: rule.id,
      kind: rule.kind,
      title: rule.title.zh,
      titles: rule.title,
      scope: row.scope,
      unitId: row.unit_id === '' ? null : row.unit_id,
      siteId: row.site_id,
      siteName: row.site_name,
      unitName: row.unit_name,
      status: row.status,
      statusReason:
        row.reason === null ? null : (REASONS[row.reason] ?? { zh: row.reason, en: row.reason }),
      // A report of results states what was achieved: its figures are benchmarks, not standards.
      binding: row.binding && !report,
      pass: row.status === 'pass',
      value: evaluable ? row.value : null,
      required: row.required,
      shortfall: evaluable ? row.shortfall : 0,
      valueUnit,
      shortfallUnit,
      severity: rule.severity,
      citation: formatCitation(c),
      document: c.document,
      quote: c.quote,
      locator: c.locator,
      basis: c.basis ?? 'text',
      interpretationReason: c.interpretationReason ?? null,
      verified: c.verified,
      notes,
      note: notes.length > 0 ? notes.map((n) => n.en).join('; ') : null,
    };
  });
  return { findings, skipped };
}
