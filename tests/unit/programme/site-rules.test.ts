import { describe, expect, it } from 'vitest';
import type { FacilityProperties } from '../../../analysis/city/types.ts';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { checkRule, checkSiteRules } from '../../../analysis/programme/site-rules.ts';
import type { SiteFinding, SiteProgramme } from '../../../analysis/programme/types.ts';
import { facility } from './register-fixture.ts';

type Case = {
  rule: string;
  facility: FacilityProperties;
  site?: Partial<SiteProgramme>;
  expect: Partial<SiteFinding>;
};

const record = (id: string, fields: Partial<SiteProgramme> = {}): SiteProgramme => ({
  id,
  status: 'planned',
  steps: {},
  upgraded: false,
  ...fields,
});

const point = (fields: Partial<FacilityProperties>) => facility('P', 'neighbourhood_point', fields);
const station = (fields: Partial<FacilityProperties>) => facility('S', 'care_post', fields);

// Hand-made sites: each rule of each shipped profile is met by at least one pass and one fail.
const shared: Case[] = [
  {
    rule: 'point-usable-area',
    facility: point({}),
    site: { usableAreaM2: 30 },
    expect: { pass: true, value: 30, shortfall: 0 },
  },
  {
    rule: 'point-usable-area',
    facility: point({}),
    site: { usableAreaM2: 29.5 },
    expect: { pass: false, value: 29.5, shortfall: 0.5, severity: 'error' },
  },
  {
    rule: 'point-usable-area',
    facility: point({ floorAreaM2: 25 }),
    expect: {
      pass: false,
      value: 25,
      shortfall: 5,
      note: 'usable area not given: floor area used (an upper bound)',
    },
  },
  {
    rule: 'point-capacity',
    facility: point({}),
    site: { capacityAtOnce: 10 },
    expect: { pass: true, value: 10 },
  },
  {
    rule: 'point-capacity',
    facility: point({}),
    site: { capacityAtOnce: 9, capacity: 300 },
    expect: { pass: false, value: 9, shortfall: 1 },
  },
  // 能同时容纳10人以上: people served (服务人数) never stand in for people held at one time.
  {
    rule: 'point-capacity',
    facility: point({}),
    site: { capacity: 300 },
    expect: { pass: null, severity: 'info', note: 'capacity at one time (同时容纳人数) not given' },
  },
  {
    rule: 'station-floor-area',
    facility: station({ floorAreaM2: 60 }),
    expect: { pass: true, value: 60 },
  },
  {
    rule: 'station-floor-area',
    facility: station({ floorAreaM2: 55 }),
    expect: { pass: false, value: 55, shortfall: 5 },
  },
  {
    rule: 'station-functions',
    facility: station({}),
    site: { functions: ['生活服务', '健康管理', '助浴'] },
    expect: { pass: true, value: '生活服务、健康管理' },
  },
  {
    rule: 'station-functions',
    facility: station({}),
    site: { functions: ['家庭支持', '助浴'] },
    expect: { pass: false, shortfall: 1 },
  },
  {
    rule: 'station-functions',
    facility: station({}),
    expect: { pass: null, note: 'the register lists no functions' },
  },
];

const cases: Record<string, Case[]> = {
  'haining-2024': [
    ...shared,
    { rule: 'point-floor', facility: point({ floorLevel: 2 }), expect: { pass: true, value: 2 } },
    {
      rule: 'point-floor',
      facility: point({ floorLevel: 3 }),
      expect: { pass: false, shortfall: 1, note: 'lift not recorded: taken as no lift' },
    },
    {
      rule: 'point-floor',
      facility: point({ floorLevel: 4, hasLift: true }),
      expect: { pass: true },
    },
    { rule: 'station-floor', facility: station({ floorLevel: 1 }), expect: { pass: true } },
    // 养老驿站…设置在建筑1-2层: no lift exception, unlike the point rule above.
    {
      rule: 'station-floor',
      facility: station({ floorLevel: 3, hasLift: true }),
      expect: { pass: false, shortfall: 1 },
    },
  ],
  generic: [
    ...shared,
    {
      rule: 'floor-lift',
      facility: facility('D', 'day_care', { floorLevel: 3, hasLift: false }),
      expect: { pass: false, shortfall: 1 },
    },
    {
      rule: 'floor-lift',
      facility: facility('D', 'day_care', { floorLevel: 5, hasLift: true }),
      expect: { pass: true },
    },
    {
      rule: 'community-floor-area',
      facility: facility('D', 'community_station', { floorAreaM2: 200 }),
      expect: { pass: true },
    },
    {
      rule: 'community-floor-area',
      facility: facility('D', 'embedded_institution', { floorAreaM2: 199 }),
      expect: { pass: false, shortfall: 1 },
    },
    {
      rule: 'street-center-floor-area',
      facility: facility('Z', 'street_center', { floorAreaM2: 1000 }),
      expect: { pass: true },
    },
    {
      rule: 'street-center-floor-area',
      facility: facility('Z', 'street_center', { floorAreaM2: 800 }),
      expect: { pass: false, shortfall: 200 },
    },
  ],
};

describe.each(Object.entries(cases))('site rules of %s', (name, list) => {
  const profile = programmeProfileFor(name);

  it.each(list.map((c, index) => [index, c.rule, c] as const))('case %i: %s', (_, ruleId, c) => {
    const rule = profile.siteRules.find((r) => r.id === ruleId);
    if (rule === undefined) throw new Error(`no rule ${ruleId}`);
    const found = checkRule(rule, c.facility, record(c.facility.id, c.site));
    expect(found).toMatchObject({ rule: ruleId, siteId: c.facility.id, ...c.expect });
    expect(found.citation.document).not.toBe('');
  });

  it('hits every rule with a passing and a failing case', () => {
    for (const rule of profile.siteRules) {
      const outcomes = list.filter((c) => c.rule === rule.id).map((c) => c.expect.pass);
      expect(outcomes, rule.id).toContain(true);
      expect(outcomes, rule.id).toContain(false);
    }
  });
});

describe('checkSiteRules over a register', () => {
  it('applies rules by the role mapping and only to the listed sites', () => {
    const profile = programmeProfileFor('haining-2024');
    const facilities = [
      point({ id: 'P', floorLevel: 3 }),
      facility('Z', 'street_center', { floorAreaM2: 10 }),
      station({ id: 'S', floorAreaM2: 59 }),
    ];
    const findings = checkSiteRules(
      { facilities, sites: [record('P', { capacityAtOnce: 12 })] },
      profile,
    );
    // Haining has no street-center rule; the point gets floor, area, capacity; the station (驿站,
    // a neighbourhood point too) gets the point rules and its own three.
    expect(findings.map((f) => `${f.rule}:${f.siteId}:${f.pass}`)).toEqual([
      'point-floor:P:false',
      'point-usable-area:P:true',
      'point-capacity:P:true',
      'point-floor:S:true',
      'point-usable-area:S:true',
      'point-capacity:S:null',
      'station-floor:S:true',
      'station-floor-area:S:false',
      'station-functions:S:null',
    ]);
    expect(checkSiteRules({ facilities, sites: [] }, profile, { siteIds: ['S'] })).toHaveLength(6);
  });

  it('applies the station rules to a point recognised as a Jiaxing station, and only to it', () => {
    const profile = programmeProfileFor('haining-2024');
    const facilities = [
      point({ id: 'J', floorLevel: 3, hasLift: true, floorAreaM2: 40 }),
      point({ id: 'Q', floorLevel: 3, hasLift: true, floorAreaM2: 40 }),
    ];
    const sites = [record('J', { designations: ['jiaxing_station'] }), record('Q')];
    const result = checkSiteRules({ facilities, sites }, profile)
      .filter((f) => f.rule.startsWith('station-floor') || f.rule === 'point-floor')
      .map((f) => `${f.rule}:${f.siteId}:${f.pass}`);
    // Floor 3 with a lift: fine for a point, not for a station; 40 m² < 60 m² for a station.
    expect(result).toEqual([
      'point-floor:J:true',
      'station-floor:J:false',
      'station-floor-area:J:false',
      'point-floor:Q:true',
    ]);
  });
});
