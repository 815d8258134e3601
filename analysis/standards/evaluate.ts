import type { Finding } from '../coverage/types.ts';
import { type SqlRunner, sqlString } from '../db/sql-runner.ts';
import { areaPerHouseholdsSql, areaPerResidentSql } from './rules/area.ts';
import type { RuleContext } from './rules/context.ts';
import { countPerUnitSql } from './rules/count-per-unit.ts';
import { coverageShareSql, radiusCoverageSql } from './rules/coverage-share.ts';
import { siteAreaSql, siteFloorLevelSql } from './rules/site-rules.ts';
import type { Citation, Rule, RuleKind, Scope, StandardsProfile } from './types.ts';

interface KindSpec {
  sql: (rule: never, context: RuleContext) => string;
  /** Units of value and shortfall, by the finding's scope. */
  units: (rule: never, scope: Scope) => [string, string];
}

const populationUnit = (p: string) => (p === 'residents' ? 'residents' : p);

/** The closed set of rule kinds: one evaluator each (./rules/), one row here. */
const KINDS: Record<RuleKind, KindSpec> = {
  coverage_share: {
    sql: coverageShareSql,
    units: (r: Extract<Rule, { kind: 'coverage_share' }>) => [
      'share',
      populationUnit(r.population),
    ],
  },
  radius_coverage: {
    sql: radiusCoverageSql,
    units: (r: Extract<Rule, { kind: 'radius_coverage' }>) => [
      'share',
      populationUnit(r.population),
    ],
  },
  area_per_resident: {
    sql: areaPerResidentSql,
    units: (r: Extract<Rule, { kind: 'area_per_resident' }>) => [
      r.perResidents === 1 ? 'm2/resident' : `m2/${r.perResidents} residents`,
      'm2',
    ],
  },
  area_per_households: {
    sql: areaPerHouseholdsSql,
    units: () => ['m2/100 households', 'm2'],
  },
  count_per_unit: {
    sql: countPerUnitSql,
    units: (_r: Rule, scope: Scope) => [scope === 'city' ? 'units' : 'sites', 'sites'],
  },
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
  reason: string;
}

export interface Evaluation {
  findings: Finding[];
  skipped: SkippedRule[];
}

export function formatCitation(c: Citation): string {
  return `${c.document}${c.clause ? ` ${c.clause}` : ''}：“${c.text}”`;
}

/** Which rules run: disabled ones and those for the other area type are listed as skipped. */
export function selectRules(profile: StandardsProfile): { run: Rule[]; skipped: SkippedRule[] } {
  const run: Rule[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of profile.rules) {
    const appliesTo = rule.appliesTo ?? 'all';
    if (rule.enabled === false) skipped.push({ rule: rule.id, reason: 'disabled in the profile' });
    else if (appliesTo !== 'all' && appliesTo !== profile.settings.areaType) {
      skipped.push({
        rule: rule.id,
        reason: `applies to ${appliesTo} areas; settings.areaType is ${profile.settings.areaType}`,
      });
    } else run.push(rule);
  }
  return { run, skipped };
}

interface FindingRow {
  rule_id: string;
  scope: Scope;
  unit_id: string | null;
  site_id: string | null;
  pass: boolean;
  value: number | null;
  required: number;
  shortfall: number;
  note: string | null;
}

/** Evaluates every applicable rule into the findings table, then reads them back in order. */
export async function evaluateProfile(
  runner: SqlRunner,
  profile: StandardsProfile,
  context: RuleContext,
): Promise<Evaluation> {
  const { run, skipped } = selectRules(profile);
  await runner.exec('DELETE FROM findings');
  // One statement for all rules: per-statement overhead dominates on duckdb-wasm.
  const selects = run.map(
    (rule) =>
      `SELECT ${sqlString(rule.id)} AS rule_id, ${sqlString(rule.kind)} AS kind, * FROM (${KINDS[rule.kind].sql(rule as never, context)})`,
  );
  if (selects.length > 0)
    await runner.exec(`INSERT INTO findings ${selects.join('\nUNION ALL\n')}`);
  const rows = await runner.query<FindingRow>(
    `SELECT rule_id, scope, unit_id, site_id, pass, value, required, shortfall, note FROM findings
     ORDER BY rule_id, CASE scope WHEN 'city' THEN 0 WHEN 'street' THEN 1 WHEN 'community' THEN 2 ELSE 3 END,
       unit_id, site_id`,
  );
  const byId = new Map(run.map((r) => [r.id, r]));
  const order = new Map(profile.rules.map((r, i) => [r.id, i]));
  rows.sort((a, b) => (order.get(a.rule_id) ?? 0) - (order.get(b.rule_id) ?? 0));
  const findings = rows.map((row): Finding => {
    const rule = byId.get(row.rule_id) as Rule;
    const [valueUnit, shortfallUnit] = KINDS[rule.kind].units(rule as never, row.scope);
    const notes = [row.note, rule.note].filter((n): n is string => n !== null && n !== undefined);
    return {
      rule: rule.id,
      kind: rule.kind,
      title: rule.title.zh,
      scope: row.scope,
      unitId: row.unit_id === '' ? null : row.unit_id,
      siteId: row.site_id,
      pass: row.pass,
      value: row.value,
      required: row.required,
      shortfall: row.shortfall,
      valueUnit,
      shortfallUnit,
      severity: rule.severity,
      citation: formatCitation(rule.citation),
      verified: rule.citation.verified,
      note: notes.length > 0 ? notes.join('; ') : null,
    };
  });
  return { findings, skipped };
}
