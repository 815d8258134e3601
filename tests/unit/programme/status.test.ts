import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { programmeProfileFor } from '../../../analysis/programme/builtin.ts';
import { joinRegister, proposedRecord, sitesOpenBy } from '../../../analysis/programme/register.ts';
import {
  advanceStatus,
  checkStatusHistory,
  programmeYear,
  statusAsOf,
} from '../../../analysis/programme/status.ts';
import type { SiteProgramme } from '../../../analysis/programme/types.ts';
import { acceptedIn, handMadeRegister } from './register-fixture.ts';

const proposed: SiteProgramme = {
  id: 'N1',
  status: 'proposed',
  steps: { proposed: { date: '2024-02-01' } },
  upgraded: false,
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (isInputError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('status transitions', () => {
  it('walks every step in order and keeps the input unchanged', () => {
    let site = proposed;
    const dates = ['2024-03-01', '2024-04-01', '2024-06-01', '2024-10-01', '2024-12-01'];
    for (const [index, to] of (
      ['planned', 'reviewed', 'under_construction', 'built', 'accepted'] as const
    ).entries()) {
      site = advanceStatus(site, to, { date: dates[index] });
    }
    expect(site.status).toBe('accepted');
    expect(site.steps.accepted).toEqual({ date: '2024-12-01', year: 2024 });
    expect(proposed.status).toBe('proposed');
    expect(proposed.steps.planned).toBeUndefined();
    expect(checkStatusHistory(site, { imported: false })).toEqual([]);
  });

  it('refuses to skip from proposed to accepted in an edit', () => {
    expect(codeOf(() => advanceStatus(proposed, 'accepted', { date: '2024-12-01' }))).toBe(
      'E_STATUS_SKIP',
    );
    expect(codeOf(() => advanceStatus(proposed, 'reviewed'))).toBe('E_STATUS_SKIP');
    expect(codeOf(() => advanceStatus(proposed, 'proposed'))).toBe('E_STATUS_SKIP');
  });

  it('refuses a step dated before the previous one', () => {
    expect(codeOf(() => advanceStatus(proposed, 'planned', { date: '2024-01-15' }))).toBe(
      'E_DATE_ORDER',
    );
    const planned = advanceStatus(proposed, 'planned', { year: 2025 });
    expect(codeOf(() => advanceStatus(planned, 'reviewed', { year: 2024 }))).toBe('E_DATE_ORDER');
  });

  it('accepts an imported skip with a warning, and rejects it when not imported', () => {
    const skipped: SiteProgramme = {
      id: 'N2',
      status: 'accepted',
      steps: { accepted: { year: 2025, date: '2025-11-30' } },
      upgraded: false,
    };
    const imported = checkStatusHistory(skipped, { imported: true });
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ code: 'W_SKIPPED_STEPS', severity: 'warning' });
    expect(imported[0].message).toContain(
      'without the steps planned, reviewed, under_construction, built',
    );
    expect(checkStatusHistory(skipped, { imported: false })[0].severity).toBe('error');
    // An edit from an imported skip continues normally (no new skip is made).
    const reg = handMadeRegister();
    const { warnings } = joinRegister(
      { facilities: reg.facilities, sites: [{ ...skipped, id: 'P1' }] },
      programmeProfileFor('haining-2024'),
    );
    expect(warnings.map((w) => w.code)).toEqual(['W_SKIPPED_STEPS']);
  });

  it('reports steps after the status, bad dates and year/date mismatches', () => {
    const bad: SiteProgramme = {
      id: 'N3',
      status: 'planned',
      steps: { planned: { year: 2024, date: '2025-01-02' }, reviewed: { year: 2024 } },
      upgraded: false,
    };
    const codes = checkStatusHistory(bad, { imported: true }).map((issue) => issue.code);
    expect(codes).toEqual(['E_YEAR_DATE_MISMATCH', 'E_STEP_AFTER_STATUS']);
    const badDate = { ...proposed, steps: { proposed: { date: '2024-02-30' } } };
    expect(checkStatusHistory(badDate, { imported: true }).map((i) => i.code)).toEqual([
      'E_BAD_DATE',
    ]);
  });

  it('joinRegister lists every problem at once', () => {
    const reg = handMadeRegister();
    const sites = [...reg.sites, { ...proposed, id: 'X9' }, { ...proposed, id: 'P5' }];
    try {
      joinRegister({ facilities: reg.facilities, sites }, programmeProfileFor('haining-2024'));
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('E_BAD_PROGRAMME_REGISTER');
      expect((error as Error).message).toContain('X9: no facility with this id');
      expect((error as Error).message).toContain('P5: listed twice');
    }
  });
});

describe('status as of a year', () => {
  it('takes the highest step reached by 31 December', () => {
    const site = acceptedIn('A', 2025);
    expect(statusAsOf(site, 2024)).toBeNull();
    expect(statusAsOf(site, 2025)).toBe('accepted');
    const spread: SiteProgramme = {
      id: 'B',
      status: 'built',
      steps: {
        planned: { year: 2024 },
        under_construction: { date: '2025-03-01' },
        built: { year: 2026 },
      },
      upgraded: false,
    };
    expect(statusAsOf(spread, 2023)).toBeNull();
    expect(statusAsOf(spread, 2024)).toBe('planned');
    expect(statusAsOf(spread, 2025)).toBe('under_construction');
    expect(statusAsOf(spread, 2026)).toBe('built');
    expect(programmeYear(spread)).toBe(2024);
  });

  it('treats an undated record as timeless', () => {
    const undated: SiteProgramme = { id: 'C', status: 'built', steps: {}, upgraded: false };
    expect(statusAsOf(undated, 1990)).toBe('built');
    expect(programmeYear(undated)).toBeUndefined();
  });
});

describe('sitesOpenBy', () => {
  const profile = programmeProfileFor('haining-2024');
  const ids = (year: number, minStatus?: 'built') =>
    sitesOpenBy(handMadeRegister(), profile, { year, minStatus }).map((f) => f.id);

  it('opens baseline facilities, upgrades and sites accepted by the year', () => {
    expect(ids(2024)).toEqual(['C1', 'C2', 'C3', 'C4', 'S1', 'P1', 'P2']);
    expect(ids(2025)).toEqual(['C1', 'C2', 'C3', 'C4', 'S1', 'P1', 'P2', 'P3']);
    expect(ids(2025, 'built')).toEqual(['C1', 'C2', 'C3', 'C4', 'S1', 'P1', 'P2', 'P3', 'P4']);
    expect(ids(2026)).not.toContain('P5');
  });
});

describe('sites added in a scenario', () => {
  it('are proposed, not baseline, and keep their extra fields', () => {
    const profile = programmeProfileFor('haining-2024');
    const base = handMadeRegister();
    const added = { ...base.facilities[5], id: 'NEW', lon: 118.78, lat: 32.04 };
    const facilities = [...base.facilities.map((f) => ({ ...f, lon: 0, lat: 0 })), added];
    const sites = [...base.sites, proposedRecord('NEW', { year: 2026 })];
    expect(
      sitesOpenBy({ facilities, sites }, profile, { year: 2026 }).map((f) => f.id),
    ).not.toContain('NEW');
    const accepted = { ...acceptedIn('NEW', 2026) };
    const open = sitesOpenBy({ facilities, sites: [...base.sites, accepted] }, profile, {
      year: 2026,
    });
    expect(open.find((f) => f.id === 'NEW')).toEqual(added);
    expect(proposedRecord('X')).toEqual({
      id: 'X',
      status: 'proposed',
      steps: {},
      upgraded: false,
    });
  });
});
