import type { AnalysisSummary } from '../../analysis/coverage/summary.ts';

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/** The short table `analyse` prints: population, coverage, 300 m, findings. */
export function printSummaryTable(
  summary: AnalysisSummary,
  unreachable: Record<string, string[]>,
  unavailable: readonly string[] = [],
): void {
  const p = summary.population;
  console.log(`${summary.city} · ${summary.profile.name} (${summary.profile.id})`);
  console.log(
    `常住人口 residents ${p.residents}, 60岁以上 elders60 ${p.elders60}, 设施 facilities ${summary.facilities.count}`,
  );
  console.log('\n覆盖 coverage of elders60 (citywide)');
  const profiles = [...new Set(summary.coverage.map((c) => c.profile))];
  console.log(
    ['profile'.padEnd(14), ...summary.thresholds.map((t) => `${t} min`.padStart(10))].join(''),
  );
  for (const profile of profiles) {
    const rows = summary.coverage.filter((c) => c.profile === profile);
    console.log(
      [profile.padEnd(14), ...rows.map((r) => pct(r.elders60Share).padStart(10))].join(''),
    );
  }
  const r = summary.radius300;
  console.log(
    `\n300 m: straight line ${pct(r.straightLine.elders60Share)}, network ${pct(r.network.elders60Share)}; detour-limited facilities: ${r.detourLimited.length}`,
  );
  const s = summary.findingsSummary;
  console.log(
    `findings: ${s.passed} pass, ${s.failed} fail, ${s.notEvaluable} not evaluable (${summary.skippedRules.length} rule(s) skipped)`,
  );
  const failedRules = new Map<string, number>();
  for (const f of summary.findings)
    if (f.status === 'fail') failedRules.set(f.rule, (failedRules.get(f.rule) ?? 0) + 1);
  for (const [rule, count] of failedRules) console.log(`  ✗ ${rule}: ${count} failing`);
  for (const [profile, list] of Object.entries(unreachable)) {
    if (list.length > 0)
      console.log(
        `warning: ${list.length} facilities off the ${profile} network: ${list.join(', ')}`,
      );
  }
  if (unavailable.length > 0)
    console.log(`warning: the city has no road network for ${unavailable.join(', ')}`);
}
