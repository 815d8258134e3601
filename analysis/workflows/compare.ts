import type { AnalysisSummary } from '../coverage/summary.ts';
import type { Finding } from '../coverage/types.ts';
import type { Scenario } from '../siting/scenario-types.ts';
import { analyseScenario, BASELINE, type ScenarioContext } from './analyse-scenario.ts';
import { type ScenarioBudget, scenarioBudget } from './scenario-budget.ts';

/**
 * What the compare view shows per column (baseline or a scenario): the walk-elderly coverage per
 * threshold, the 300 m radius shares, floor area per resident, findings and the budget of the
 * scenario's new sites. Pure, so it is tested in Node.
 */
export interface CompareColumn {
  name: string;
  /** The standards profile this column was evaluated against (id and document name). */
  profileId: string;
  profileName: { zh: string; en: string };
  /** The travel profile its coverage figures are measured with. */
  travel: string;
  thresholds: number[];
  /** walk-elderly share of elders 60+ per threshold (null when no elders). */
  coverageShare: (number | null)[];
  coveredElders: number[];
  radius300Straight: number | null;
  radius300Network: number | null;
  m2PerResident: number | null;
  findingsPassed: number;
  findingsFailed: number;
  findings: FindingState[];
  budget: ScenarioBudget | null;
}

export interface FindingState {
  key: string;
  rule: string;
  title: string;
  unitId: string | null;
  siteId: string | null;
  pass: boolean;
  citation: string;
}

export interface FindingFlip {
  key: string;
  rule: string;
  title: string;
  unitId: string | null;
  siteId: string | null;
  citation: string;
  /** Baseline result and scenario result; null when the finding does not exist on that side. */
  before: boolean | null;
  after: boolean | null;
}

/** A finding is the same check when rule, scope, unit and site match. */
export function findingKey(f: Pick<Finding, 'rule' | 'scope' | 'unitId' | 'siteId'>): string {
  return `${f.rule}|${f.scope}|${f.unitId ?? ''}|${f.siteId ?? ''}`;
}

export function columnFromSummary(
  name: string,
  summary: AnalysisSummary,
  budget: CompareColumn['budget'] = null,
  travel = 'walk-elderly',
  profile: { id: string; name: { zh: string; en: string } } = { id: '', name: { zh: '', en: '' } },
): CompareColumn {
  // The scenario's travel profile (walk-elderly unless it sets another).
  const walk = summary.thresholds.map((m) =>
    summary.coverage.find((c) => c.profile === travel && c.minutes === m),
  );
  return {
    name,
    profileId: profile.id,
    profileName: profile.name,
    travel,
    thresholds: [...summary.thresholds],
    coverageShare: walk.map((c) => c?.elders60Share ?? null),
    coveredElders: walk.map((c) => c?.elders60Covered ?? 0),
    radius300Straight: summary.radius300.straightLine.elders60Share,
    radius300Network: summary.radius300.network.elders60Share,
    m2PerResident: summary.area.m2PerResident,
    findingsPassed: summary.findingsSummary.passed,
    findingsFailed: summary.findingsSummary.failed,
    findings: summary.findings.map((f) => ({
      key: findingKey(f),
      rule: f.rule,
      title: f.title,
      unitId: f.unitId,
      siteId: f.siteId,
      pass: f.pass,
      citation: f.citation,
    })),
    budget,
  };
}

/** Findings whose result differs between the baseline and a scenario (pass→fail, fail→pass, new, gone). */
export function findingFlips(baseline: CompareColumn, scenario: CompareColumn): FindingFlip[] {
  const before = new Map(baseline.findings.map((f) => [f.key, f]));
  const after = new Map(scenario.findings.map((f) => [f.key, f]));
  const flips: FindingFlip[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    if (b !== undefined && a !== undefined && b.pass === a.pass) continue;
    const f = (a ?? b) as FindingState;
    flips.push({
      key,
      rule: f.rule,
      title: f.title,
      unitId: f.unitId,
      siteId: f.siteId,
      citation: f.citation,
      before: b?.pass ?? null,
      after: a?.pass ?? null,
    });
  }
  return flips.sort((x, y) => x.key.localeCompare(y.key));
}

/**
 * Full analyses (SQL, findings) of the baseline and each scenario, one column each, with the
 * budget of each scenario's new sites under its own profile's programme.
 */
export async function compareScenarios(
  context: ScenarioContext,
  scenarios: readonly Scenario[],
  options: { year: number; baselineName?: string },
): Promise<CompareColumn[]> {
  const runs: { name: string; scenario: Scenario | null }[] = [
    { name: options.baselineName ?? 'baseline', scenario: null },
    ...scenarios.map((s, i) => ({ name: s.name ?? `#${i + 1}`, scenario: s })),
  ];
  const columns: CompareColumn[] = [];
  for (const run of runs) {
    const analysis = await analyseScenario(context, run.scenario ?? BASELINE, { skipCells: true });
    const budget =
      run.scenario === null
        ? null
        : scenarioBudget(run.scenario, analysis.facilities, analysis.profile.id, options.year);
    columns.push(
      columnFromSummary(
        run.name,
        analysis.result.summary,
        budget,
        analysis.travel,
        analysis.profile,
      ),
    );
  }
  return columns;
}
