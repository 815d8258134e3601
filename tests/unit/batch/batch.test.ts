import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { verb as analyseVerb } from '../../../scripts/verbs/analyse.ts';
import { verb } from '../../../scripts/verbs/batch.ts';

const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');
let work: string;

describe('batch verb', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'carecircle-batch-test-'));
    cpSync(DEMO, join(work, 'cities/demo-a'), { recursive: true });
    cpSync(DEMO, join(work, 'cities/demo-b'), { recursive: true });
    mkdirSync(join(work, 'cities/broken'));
    writeFileSync(join(work, 'cities/broken/city.json'), '{"formatVersion": 1,');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('analyses every good city to hive-partitioned Parquet, reports the broken one, rolls up', async () => {
    const out = join(work, 'out');
    const code = await verb.run([
      '--cities',
      join(work, 'cities'),
      '--profile',
      'huaihua-2020',
      '--out',
      out,
      '--jobs',
      '2',
    ]);
    expect(code).toBe(1); // one city failed
    const report = JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8'));
    const byCity = Object.fromEntries(report.outcomes.map((o: { city: string }) => [o.city, o]));
    expect(byCity.broken.ok).toBe(false);
    expect(byCity.broken.code).toBe('E_BAD_CITY');
    expect(byCity['demo-a'].ok).toBe(true);
    expect(byCity['demo-b'].ok).toBe(true);

    const manifest = JSON.parse(readFileSync(join(DEMO, 'city.json'), 'utf8'));
    const runner = await NodeRunner.open();
    try {
      const cells = await runner.query<{ city: string; n: number }>(
        `SELECT city, count(*)::INTEGER AS n FROM read_parquet('${out}/cells/*/*.parquet', hive_partitioning = true) GROUP BY city ORDER BY city`,
      );
      expect(cells).toEqual([
        { city: 'demo-a', n: manifest.counts.populationCells },
        { city: 'demo-b', n: manifest.counts.populationCells },
      ]);
      const rollup = await runner.query<Record<string, number | string>>(
        `SELECT * FROM read_parquet('${out}/rollup.parquet') WHERE level = 'street' ORDER BY city`,
      );
      expect(rollup.map((r) => r.city)).toEqual(['demo-a', 'demo-b']);
      for (const row of rollup) {
        // Streets partition the city: their elders add up to the city's modelled total.
        expect(row.elders60).toBeCloseTo(manifest.population.totals.elders60, 0);
        expect(Number(row.elders60_within_15min)).toBeLessThanOrEqual(Number(row.elders60));
        expect(Number(row.findings_pass) + Number(row.findings_fail)).toBeGreaterThan(0);
      }
      // Per-city findings equal the findings of that city's summary.json.
      const summary = JSON.parse(readFileSync(join(out, 'summary/demo-a.json'), 'utf8'));
      const [{ n }] = await runner.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet('${out}/findings/city=demo-a/*.parquet')`,
      );
      expect(n).toBe(summary.findings.length);

      // The city level holds the analyse verb's own city figures (walk-elderly, any facility).
      const single = join(work, 'analyse-demo');
      expect(
        await analyseVerb.run([
          '--city',
          join(work, 'cities/demo-a'),
          '--profile',
          'huaihua-2020',
          '--out',
          single,
          '--travel',
          'walk-elderly',
        ]),
      ).toBe(0);
      const analysed = JSON.parse(readFileSync(join(single, 'summary.json'), 'utf8'));
      const [city] = await runner.query<Record<string, number | string>>(
        `SELECT * FROM read_parquet('${out}/rollup.parquet') WHERE level = 'city' AND city = 'demo-a'`,
      );
      expect(city.elders60).toBe(analysed.population.elders60);
      const walk = analysed.coverage.filter(
        (c: { profile: string; facilityTypes: string }) =>
          c.profile === 'walk-elderly' && c.facilityTypes === 'all',
      );
      expect(walk.map((c: { minutes: number }) => c.minutes)).toEqual(analysed.thresholds);
      for (const c of walk as { minutes: number; elders60Covered: number }[]) {
        expect(c.elders60Covered).toBeGreaterThan(0);
        expect(city[`elders60_within_${c.minutes}min`]).toBe(c.elders60Covered);
      }
    } finally {
      runner.close();
    }
  }, 120_000);
});
