import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCity } from '../../../analysis/coverage/analyse-city.ts';
import type { Finding } from '../../../analysis/standards/finding.ts';
import { packFindings, unpackFindings } from '../../../analysis/standards/finding-pack.ts';
import { BUILT_IN_PROFILE_IDS, builtInProfile } from '../../../analysis/standards/profiles.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { miniCity, miniReach } from '../../fixtures/coverage/mini-city.ts';

let runner: NodeRunner;
beforeAll(async () => {
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

async function findingsOf(id: string): Promise<Finding[]> {
  const profile = builtInProfile(id);
  return (await analyseCity(miniCity(), runner, { profile, reach: miniReach })).summary.findings;
}

describe('findings packed for the page', () => {
  it.each(BUILT_IN_PROFILE_IDS)('%s: unpacked, the findings are the same, in order', async (id) => {
    const findings = await findingsOf(id);
    const packed = packFindings(findings);
    expect(unpackFindings(structuredClone(packed))).toEqual(findings);
    expect(packed.rules.length).toBe(new Set(findings.map((f) => f.rule)).size);
  });

  it('a rule is stated once however many findings it has', async () => {
    const findings = await findingsOf('huaihua-2020');
    // Distinct objects, as the engine makes them (a clone keeps one copy of a repeated object).
    const many = Array.from({ length: 50 }, () => structuredClone(findings)).flat();
    expect(serialize(packFindings(many)).byteLength).toBeLessThan(serialize(many).byteLength / 2);
  });

  it('a finding whose citation differs from its rule’s keeps its own', async () => {
    const [first, ...rest] = await findingsOf('huaihua-2020');
    const odd = { ...first, quote: `${first.quote}…` };
    const unpacked = unpackFindings(packFindings([first, odd, ...rest]));
    expect(unpacked[0].quote).toBe(first.quote);
    expect(unpacked[1].quote).toBe(odd.quote);
  });
});
