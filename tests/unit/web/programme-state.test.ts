import { describe, expect, it } from 'vitest';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { readStatusCsv, writeStatusCsv } from '../../../analysis/programme/status-csv.ts';
import { recordsOf } from '../../../analysis/programme/status-table.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import {
  advanceSite,
  closuresBy,
  EMPTY_PROGRAMME,
  type ProgrammeState,
  scenarioRegister,
  statusTableOf,
} from '../../../web/src/programme/programme-state.ts';

const site = (id: string, type: SiteFacility['type'] = 'neighbourhood_point'): SiteFacility => ({
  id,
  name: `站点${id}`,
  type,
  lon: 118.78,
  lat: 32.04,
  floorAreaM2: 60,
  beds: 0,
  floorLevel: 1,
  illustrative: false,
});
const baselineIds = new Set(['F1']);
const facilities = [site('F1', 'day_care'), site('S1')];
const profile = programmeProfileFor('haining-2024');

function walk(state: ProgrammeState, id: string, years: number[]): ProgrammeState {
  let s = state;
  for (const year of years)
    s = advanceSite(s, scenarioRegister(facilities, baselineIds, s.records), id, { year });
  return s;
}

describe('programme state', () => {
  it('gives a site added in a scenario a proposed record, baseline sites none', () => {
    const register = scenarioRegister(facilities, baselineIds, []);
    expect(register.sites.map((s) => [s.id, s.status])).toEqual([['S1', 'proposed']]);
  });

  it('advances one step at a time up to accepted, then stops', () => {
    const s = walk(EMPTY_PROGRAMME, 'S1', [2024, 2024, 2025, 2025, 2025]);
    expect(s.records.find((r) => r.id === 'S1')?.status).toBe('accepted');
    expect(s.records.find((r) => r.id === 'S1')?.steps.accepted).toEqual({ year: 2025 });
    expect(walk(s, 'S1', [2026])).toEqual(s);
  });

  it('refuses a step dated before the previous one', () => {
    const s = walk(EMPTY_PROGRAMME, 'S1', [2025]);
    expect(() => walk(s, 'S1', [2024])).toThrow(/E_DATE_ORDER|before|back/i);
  });

  it('closes the sites not accepted by the year ("coverage if accepted by Y were open")', () => {
    const accepted2025 = walk(EMPTY_PROGRAMME, 'S1', [2024, 2024, 2025, 2025, 2025]);
    const register = scenarioRegister(facilities, baselineIds, accepted2025.records);
    expect(closuresBy(register, profile, 2024)).toEqual([{ kind: 'close-site', id: 'S1' }]);
    expect(closuresBy(register, profile, 2025)).toEqual([]);
  });

  it('round-trips the status columns through CSV', () => {
    const s = walk(EMPTY_PROGRAMME, 'S1', [2024, 2024, 2025]);
    const register = scenarioRegister(facilities, baselineIds, s.records);
    const read = readStatusCsv(writeStatusCsv(statusTableOf(register)));
    expect(read.problems).toEqual([]);
    expect(recordsOf(read.table)).toEqual(register.sites);
  });
});
