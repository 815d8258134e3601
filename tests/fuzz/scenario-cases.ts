/**
 * Scenario files for the demo city: broken JSON, wrong format or version, another city, an
 * unknown profile, sites far away or implausible, unknown kinds and sites, overlong links, deep
 * nesting, and seeded mutations of a valid file (any outcome but a crash).
 */
import { type CorpusFile, utf8 } from './truth.ts';

/** The demo city (data/nanjing-xinjiekou) by the name its manifest gives. */
export const SCENARIO_CITY = '南京新街口';

const site = (id: string, lon: number, lat: number, extra: Record<string, unknown> = {}) => ({
  kind: 'add-site',
  id,
  name: `新站点${id}`,
  type: 'day_care',
  lon,
  lat,
  floorAreaM2: 300,
  beds: 10,
  floorLevel: 1,
  ...extra,
});

const scenario = (modifications: unknown[], baseline = {}) => ({
  format: 'carecircle-scenario',
  version: 2,
  name: '方案',
  baseline: { city: SCENARIO_CITY, profile: 'huaihua-2020', ...baseline },
  modifications,
});

const link = (to: [number, number]) => ({
  kind: 'add-link',
  id: 'L1',
  linkType: 'passage',
  from: [118.78, 32.04],
  to,
  networks: ['walk'],
});

export function scenarioCases(random: () => number): CorpusFile[] {
  const file = (
    name: string,
    note: string,
    value: unknown,
    expect: CorpusFile['expect'],
  ): CorpusFile => ({
    name,
    family: 'scenario',
    note,
    bytes: typeof value === 'string' ? utf8(value) : utf8(JSON.stringify(value)),
    expect,
  });
  const valid = scenario([site('N1', 118.78, 32.04), link([118.7803, 32.0403])]);
  const validText = JSON.stringify(valid, null, 2);
  const depth = 100_000;
  const nested = JSON.stringify(scenario(['NESTED'])).replace(
    '"NESTED"',
    `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );
  const cases: CorpusFile[] = [
    file('scenario-valid.json', 'a site and a passage', valid, { scenario: 'valid' }),
    file('scenario-cut.json', 'cut in the middle', validText.slice(0, 120), {
      error: ['E_BAD_JSON'],
    }),
    file('scenario-empty.json', 'an empty file', '', { error: ['E_BAD_JSON'] }),
    file('scenario-array.json', 'a JSON array', '[]', { error: ['E_SCENARIO_FORMAT'] }),
    file(
      'scenario-format.json',
      'another format',
      { ...valid, format: 'x' },
      { error: ['E_SCENARIO_FORMAT'] },
    ),
    file(
      'scenario-version.json',
      'version 99',
      { ...valid, version: 99 },
      { error: ['E_SCENARIO_VERSION'] },
    ),
    file(
      'scenario-no-baseline.json',
      'no baseline',
      { ...valid, baseline: undefined },
      { error: ['E_SCENARIO_FIELD'] },
    ),
    file('scenario-other-city.json', 'for 上海静安', scenario([], { city: '上海静安' }), {
      error: ['E_OTHER_CITY'],
    }),
    file('scenario-profile.json', 'an unknown profile', scenario([], { profile: 'xx-2030' }), {
      error: ['E_UNKNOWN_PROFILE'],
    }),
    file('scenario-beijing.json', 'a site in Beijing', scenario([site('B1', 116.4, 39.9)]), {
      error: ['E_OUTSIDE_AREA'],
    }),
    file('scenario-null-island.json', 'a site at (0, 0)', scenario([site('Z1', 0, 0)]), {
      error: ['E_OUTSIDE_AREA'],
    }),
    file('scenario-sydney.json', 'a site in Sydney', scenario([site('S1', 151.2, -33.87)]), {
      error: ['E_OUTSIDE_AREA'],
    }),
    file('scenario-swapped.json', 'lon and lat swapped', scenario([site('W1', 32.04, 118.78)]), {
      error: ['E_BAD_COORD'],
    }),
    file(
      'scenario-text-coord.json',
      'a longitude as text',
      scenario([site('T1', 0, 32.04, { lon: '118.78' })]),
      { error: ['E_BAD_COORD'] },
    ),
    file(
      'scenario-huge-area.json',
      'an area of 1e308 m²',
      scenario([site('H1', 118.78, 32.04, { floorAreaM2: 1e308 })]),
      { error: ['E_OUT_OF_RANGE'] },
    ),
    file(
      'scenario-negative.json',
      'negative beds',
      scenario([site('M1', 118.78, 32.04, { beds: -3 })]),
      { error: ['E_NEGATIVE_VALUE'] },
    ),
    file('scenario-kind.json', 'an unknown kind', scenario([{ kind: 'teleport-site', id: 'F1' }]), {
      error: ['E_UNKNOWN_MODIFICATION'],
    }),
    file(
      'scenario-unknown-site.json',
      'closes a site that does not exist',
      scenario([{ kind: 'close-site', id: 'NOPE' }]),
      { error: ['E_UNKNOWN_SITE'] },
    ),
    file('scenario-long-link.json', 'a 3 km passage', scenario([link([118.81, 32.04])]), {
      error: ['E_LINK_TOO_LONG', 'E_OUTSIDE_AREA'],
    }),
    file('scenario-nested.json', '100,000 nested arrays as a modification', nested, {
      error: ['E_SCENARIO_FIELD'],
    }),
    file(
      'scenario-proto.json',
      'a __proto__ key',
      '{"__proto__":{"polluted":1},"format":"carecircle-scenario"}',
      { error: ['E_SCENARIO_VERSION', 'E_SCENARIO_FIELD'] },
    ),
  ];
  // Seeded mutations: one field of the valid file replaced by a value of another type.
  const junk = [null, 0, -1, 1e308, '', '北京', [], {}, true, Number.NaN];
  const paths: ((s: ReturnType<typeof scenario>, v: unknown) => void)[] = [
    (s, v) => Object.assign(s.modifications[0] as object, { lon: v }),
    (s, v) => Object.assign(s.modifications[0] as object, { type: v }),
    (s, v) => Object.assign(s.modifications[1] as object, { to: v }),
    (s, v) => Object.assign(s.modifications[1] as object, { networks: v }),
    (s, v) => Object.assign(s.baseline, { city: v }),
    (s, v) => Object.assign(s, { modifications: v }),
  ];
  for (let k = 0; k < 24; k++) {
    const mutated = scenario([site('N1', 118.78, 32.04), link([118.7803, 32.0403])]);
    const value = junk[Math.floor(random() * junk.length)];
    paths[Math.floor(random() * paths.length)](mutated, value);
    cases.push(
      file(`scenario-mutation-${k}.json`, 'one field mutated', mutated, { scenario: 'any' }),
    );
  }
  return cases;
}
