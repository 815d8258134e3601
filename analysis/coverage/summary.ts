import type { Evaluation, SkippedRule } from '../standards/evaluate.ts';
import type { ProfileSettings, StandardsProfile, TravelProfile } from '../standards/types.ts';
import type { RadiusShare, ScopeArea } from './metrics.ts';
import type { SfcaFacility, SfcaScope } from './sfca.ts';
import type { CityInput, Cluster, CoverageRow, DetourFacility, Finding } from './types.ts';

/** summary.json (schema documented in ./README.md). */
export interface AnalysisSummary {
  schemaVersion: 1;
  city: string;
  profile: { id: string; name: string; settings: ProfileSettings };
  population: {
    residents: number;
    elders60: number;
    elders65: number;
    elders80: number;
    households: number;
    householdsDerived: boolean;
    householdSize: number;
  };
  facilities: { count: number; floorAreaM2: number; byType: Record<string, number> };
  thresholds: number[];
  coverage: CoverageSummaryRow[];
  coverageByKind: (CoverageSummaryRow & { kind: string })[];
  radius300: {
    /**
     * Which facility types the figures count: every type of the register ('all'). A profile's
     * radius rule counts only its own types (its finding names them), so the two may differ.
     */
    facilityTypes: 'all';
    radiusM: number;
    networkMinutes: number;
    straightLine: { elders60Covered: number; elders60Share: number | null };
    network: { elders60Covered: number; elders60Share: number | null };
    detourLimit: number;
    detourLimited: DetourFacility[];
  };
  area: {
    floorAreaM2: number;
    m2PerResident: number | null;
    m2Per100Households: number | null;
    householdsNote: string;
  };
  sfca: {
    supply: 'floorArea' | 'beds';
    demand: 'elders60';
    catchmentMinutes: number;
    cityAccess: number | null;
    facilities: SfcaFacility[];
  };
  clusters: { minutes: number; total: number; top: Cluster[] };
  findings: Finding[];
  findingsSummary: FindingsSummary;
  skippedRules: SkippedRule[];
}

/**
 * Findings counted by status; the three add up to `total`. `evaluated` = passed + failed.
 * `benchmarks`: findings that do not bind (标杆对照), included in the counts above.
 */
export interface FindingsSummary {
  total: number;
  evaluated: number;
  passed: number;
  failed: number;
  notEvaluable: number;
  benchmarks: number;
}

export function countFindings(findings: readonly Finding[]): FindingsSummary {
  const passed = findings.filter((f) => f.status === 'pass').length;
  const failed = findings.filter((f) => f.status === 'fail').length;
  return {
    total: findings.length,
    evaluated: passed + failed,
    passed,
    failed,
    notEvaluable: findings.filter((f) => f.status === 'not_evaluable').length,
    benchmarks: findings.filter((f) => !f.binding).length,
  };
}

export interface CoverageSummaryRow {
  /** Facility types counted: every type of the register. */
  facilityTypes: 'all';
  profile: TravelProfile;
  minutes: number;
  elders60Covered: number;
  elders60Share: number | null;
  residentsCovered: number;
  residentsShare: number | null;
}

export interface SummaryParts {
  input: CityInput;
  profile: StandardsProfile;
  coverage: CoverageRow[];
  radius: RadiusShare[];
  radiusM: number;
  radiusMinutes: number;
  detour: DetourFacility[];
  detourLimit: number;
  areas: ScopeArea[];
  householdsDerived: boolean;
  sfca: SfcaScope[];
  sfcaSites: SfcaFacility[];
  clusters: { clusters: Cluster[]; total: number };
  evaluation: Evaluation;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function buildSummary(p: SummaryParts): AnalysisSummary {
  const settings = p.profile.settings;
  const sum = (f: (c: CityInput['cells'][number]) => number) =>
    p.input.cells.reduce((s, c) => s + f(c), 0);
  const city = p.areas.find((a) => a.scope === 'city');
  const radius = p.radius.find((r) => r.scope === 'city');
  const byType: Record<string, number> = {};
  for (const f of p.input.facilities) byType[f.type] = (byType[f.type] ?? 0) + 1;
  const cityCoverage = p.coverage.filter((c) => c.scope === 'city');
  const toRow = (c: CoverageRow): CoverageSummaryRow => ({
    facilityTypes: 'all',
    profile: c.profile,
    minutes: c.minutes,
    elders60Covered: c.elders60Covered,
    elders60Share: c.elders60Share,
    residentsCovered: c.residentsCovered,
    residentsShare: c.residentsShare,
  });
  const residents = city?.residents ?? 0;
  const households = city?.households ?? 0;
  const floorArea = city?.floorAreaM2 ?? 0;
  const findings = p.evaluation.findings;
  return {
    schemaVersion: 1,
    city: p.input.name,
    profile: { id: p.profile.id, name: p.profile.name.zh, settings },
    population: {
      residents,
      elders60: city?.elders60 ?? 0,
      elders65: sum((c) => c.elders65),
      elders80: sum((c) => c.elders80),
      households,
      householdsDerived: p.householdsDerived,
      householdSize: settings.householdSize,
    },
    facilities: { count: p.input.facilities.length, floorAreaM2: floorArea, byType },
    thresholds: settings.thresholdsMinutes,
    coverage: cityCoverage.filter((c) => c.kind === 'all').map(toRow),
    coverageByKind: cityCoverage
      .filter((c) => c.kind !== 'all')
      .map((c) => ({ ...toRow(c), kind: c.kind })),
    radius300: {
      facilityTypes: 'all',
      radiusM: p.radiusM,
      networkMinutes: p.radiusMinutes,
      straightLine: {
        elders60Covered: radius?.straightCovered ?? 0,
        elders60Share: share(radius?.straightCovered ?? 0, radius?.elders60 ?? 0),
      },
      network: {
        elders60Covered: radius?.networkCovered ?? 0,
        elders60Share: share(radius?.networkCovered ?? 0, radius?.elders60 ?? 0),
      },
      detourLimit: p.detourLimit,
      detourLimited: p.detour,
    },
    area: {
      floorAreaM2: floorArea,
      m2PerResident: share(floorArea, residents),
      m2Per100Households: households > 0 ? (floorArea / households) * 100 : null,
      householdsNote: p.householdsDerived
        ? `households derived: residents / ${settings.householdSize} (2020 census national mean)`
        : 'households from population.csv',
    },
    sfca: {
      supply: settings.sfca.supply,
      demand: 'elders60',
      catchmentMinutes: settings.sfca.catchmentMinutes,
      cityAccess: p.sfca.find((s) => s.scope === 'city')?.access ?? null,
      facilities: p.sfcaSites,
    },
    clusters: {
      minutes: settings.clusterMinutes,
      total: p.clusters.total,
      top: p.clusters.clusters,
    },
    findings,
    findingsSummary: countFindings(findings),
    skippedRules: p.evaluation.skipped,
  };
}
