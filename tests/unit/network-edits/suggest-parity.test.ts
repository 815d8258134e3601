import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { verb } from '../../../scripts/verbs/suggest-links.ts';
import { createScenarioApi } from '../../../web/src/worker/scenario-api.ts';

/**
 * The app's 建议连通 and `carecircle suggest-links` on the demo: the worker's answer equals the
 * verb's JSON (same function, same inputs), and adding the top suggestion raises the live
 * 5-minute figure by exactly its gain.
 */
const CITY = 'data/nanjing-xinjiekou';
const OPTIONS = { minutes: 5, maxLengthM: 60, count: 3 };

type Api = ReturnType<typeof createScenarioApi>;
let api: Api;
let cli: { links: unknown[]; coveredBefore: number; coveredAfter: number; scenario: unknown };

function unwrap<T>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'suggest-')), 'links.json');
  const argv = ['--city', CITY, '--minutes', '5', '--max-length', '60', '--count', '3'];
  expect(await verb.run([...argv, '--out', out])).toBe(0);
  cli = JSON.parse(readFileSync(out, 'utf8'));
  const files = readdirSync(CITY).map((name) => ({
    path: name,
    bytes: new Uint8Array(readFileSync(join(CITY, name))),
  }));
  api = createScenarioApi({ graph: () => undefined, url: () => undefined });
  unwrap(
    await api.scenarioOpen({
      city: { kind: 'memory', files, overrides: {} },
      profile: builtInProfile('huaihua-2020'),
    }),
  );
}, 120_000);

describe('suggested links: worker = CLI', () => {
  it('lists the same links with the same gains', async () => {
    const result = unwrap(await api.scenarioSuggestLinks({ modifications: [] }, OPTIONS));
    expect(cli.links.length).toBeGreaterThan(0);
    expect(result.links).toEqual(cli.links);
    expect(result.coveredBefore).toBe(cli.coveredBefore);
    expect(result.coveredAfter).toBe(cli.coveredAfter);
  });

  it('adding the top suggestion raises the live 5-minute figure by its gain', async () => {
    const result = unwrap(await api.scenarioSuggestLinks({ modifications: [] }, OPTIONS));
    const top = result.modifications[0];
    const before = unwrap(await api.scenarioEvaluate({ modifications: [] })).covered[0];
    const after = unwrap(await api.scenarioEvaluate({ modifications: [top] })).covered[0];
    expect(after - before).toBeCloseTo(result.links[0].gainElders, 6);
    const gains = unwrap(await api.scenarioEditGains({ modifications: [top] }));
    expect(gains[0].gains[0]).toBeCloseTo(result.links[0].gainElders, 6);
  });

  it('describes the link: its length and a place in words', async () => {
    const result = unwrap(await api.scenarioSuggestLinks({ modifications: [] }, OPTIONS));
    const views = unwrap(
      await api.scenarioNetworkEdits({ modifications: [result.modifications[0]] }, 'zh'),
    );
    expect(views).toHaveLength(1);
    expect(views[0].lengthM).toBeCloseTo(result.links[0].lengthM, 0);
    expect(views[0].place).toMatch(/[路街巷道]/);
  });
});
