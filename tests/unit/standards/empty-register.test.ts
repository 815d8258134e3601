import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import { REASONS } from '../../../analysis/standards/rules/reasons.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity, miniReach } from '../../fixtures/coverage/mini-city.ts';

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

describe('an empty register is no data, never a shortfall', () => {
  it.each(BUILT_IN_PROFILE_IDS)(
    '%s: every city finding is not evaluable, for want of a register',
    async (id) => {
      const city = { ...miniCity(), facilities: [] };
      const result = await analyseCity(city, runner, {
        profile: builtInProfile(id),
        reach: miniReach,
      });
      const cityRows = result.summary.findings.filter((f) => f.scope === 'city');
      expect(cityRows.length).toBeGreaterThan(0);
      for (const f of cityRows) {
        expect(f, f.rule).toMatchObject({ status: 'not_evaluable', pass: false });
        expect(f.statusReason, f.rule).toEqual(REASONS.no_register);
      }
    },
  );

  it('the same city with its register evaluates the rules again (the fact is read per run)', async () => {
    const profile = builtInProfile('huaihua-2020');
    await analyseCity({ ...miniCity(), facilities: [] }, runner, { profile, reach: miniReach });
    const result = await analyseCity(miniCity(), runner, { profile, reach: miniReach });
    const urban = result.summary.findings.find(
      (f) => f.rule === 'hh-urban-15min' && f.scope === 'city',
    );
    expect(urban).toMatchObject({ status: 'fail', statusReason: null });
  });
});
