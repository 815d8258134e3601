import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import { describeNetworkModification } from '../../../analysis/siting/scenario-network.ts';
import {
  type AddLink,
  appendModification,
  emptyScenario,
  SCENARIO_VERSION,
  undoLastModification,
} from '../../../analysis/siting/scenario-types.ts';
import { parseScenario, validateScenario } from '../../../analysis/siting/scenario-validate.ts';
import { facility } from './helpers.ts';

const sites = [facility('F1', 118.78, 32.04)];
const base = { format: 'carecircle-scenario', baseline: { city: 'x', profile: 'huaihua-2020' } };
const gate: AddLink = {
  kind: 'add-link',
  id: 'L1',
  linkType: 'gate',
  from: [118.78, 32.04],
  to: [118.7804, 32.0402],
  networks: ['walk'],
};

describe('street-network modifications in the scenario schema', () => {
  it('writes version 2 only when network edits need it; version 1 files still load', () => {
    const empty = emptyScenario({ city: 'x', profile: 'p' });
    expect(empty.version).toBe(1);
    const withGate = appendModification(empty, gate);
    expect(withGate.version).toBe(SCENARIO_VERSION);
    expect(SCENARIO_VERSION).toBe(2);
    expect(validateScenario(withGate, sites)).toEqual([]);
    expect(undoLastModification(withGate).version).toBe(1);
    const v1 = { ...base, version: 1, modifications: [{ kind: 'close-site', id: 'F1' }] };
    expect(validateScenario(v1, sites)).toEqual([]);
    expect(parseScenario(v1, sites).modifications).toHaveLength(1);
  });

  it('a version 1 file with a network edit is refused at that modification', () => {
    const v1 = { ...base, version: 1, modifications: [gate] };
    const found = validateScenario(v1, sites).map((p) => `${p.code} ${p.path}`);
    expect(found).toEqual(['E_SCENARIO_VERSION modifications[0].kind']);
  });

  it('accepts valid add-link, close-link and set-barrier edits', () => {
    const json = {
      ...base,
      version: 2,
      modifications: [
        { ...gate, detourFactor: 1.3, costYuan: 50_000, name: '北门' },
        { kind: 'close-link', id: 'C1', networks: ['drive'], at: [118.781, 32.041] },
        {
          kind: 'close-link',
          id: 'C2',
          networks: ['walk', 'ebike'],
          from: [118.781, 32.041],
          to: [118.782, 32.041],
        },
        {
          kind: 'set-barrier',
          networks: ['walk'],
          barriers: 'ignore',
          privateAccess: 'honour',
        },
      ],
    };
    expect(validateScenario(json, sites)).toEqual([]);
  });

  it('reports every problem with a stable code and JSON path', () => {
    const json = {
      ...base,
      version: 2,
      modifications: [
        { ...gate, linkType: 'tunnel', networks: ['walk', 'boat'], detourFactor: 0.5 },
        { ...gate, from: [118.78], to: [200, 32], costYuan: -1 },
        { ...gate, id: 'L2', to: gate.from },
        { ...gate, id: 'L3', linkType: 'footbridge', networks: ['drive'] },
        { kind: 'close-link', id: 'L2', networks: ['walk'], at: [118.78, 32.04] },
        { kind: 'close-link', id: 'C1', networks: [], at: [118.78, 32.04], from: [118.78, 32.04] },
        {
          kind: 'set-barrier',
          networks: ['walk', 'walk'],
          barriers: 'maybe',
          privateAccess: 'ignore',
        },
        { ...gate, id: 'L9', to: [118.8, 32.04] },
      ],
    };
    const found = validateScenario(json, sites, { bbox: [118.7, 32.0, 118.79, 32.1] }).map(
      (p) => `${p.code} ${p.path}`,
    );
    expect(found).toEqual([
      'E_BAD_NETWORK modifications[0].networks[1]',
      'E_UNKNOWN_LINK_KIND modifications[0].linkType',
      'E_OUT_OF_RANGE modifications[0].detourFactor',
      'E_DUPLICATE_LINK modifications[1].id',
      'E_BAD_COORD modifications[1].from',
      'E_BAD_COORD modifications[1].to',
      'E_NEGATIVE_VALUE modifications[1].costYuan',
      'E_DEGENERATE_LINK modifications[2].to',
      'E_LINK_NETWORK modifications[3].networks',
      'E_DUPLICATE_LINK modifications[4].id',
      'E_SCENARIO_FIELD modifications[5].networks',
      'E_SCENARIO_FIELD modifications[5]',
      'E_BAD_NETWORK modifications[6].networks[1]',
      'E_SCENARIO_FIELD modifications[6].barriers',
      'E_OUTSIDE_AREA modifications[7].to',
      'E_LINK_TOO_LONG modifications[7].to',
    ]);
  });

  it('leaves the register alone and describes edits without internal ids in Chinese', () => {
    const scenario = { modifications: [gate] };
    expect(applyScenario(sites, scenario)).toEqual(sites);
    const zh = describeNetworkModification({ ...gate, name: '北门' }, 'zh');
    expect(zh).toMatch(/^新增开门「北门」（约 \d+ 米，步行）$/);
    expect(zh).not.toContain('L1');
    expect(describeNetworkModification(gate, 'en')).toMatch(/^add gate \(about \d+ m, walking\)$/);
  });
});
