import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findingsCsv } from '../../../analysis/coverage/outputs.ts';
import type { Finding } from '../../../analysis/coverage/types.ts';

describe('analysis CSV files are safe to open in a spreadsheet', () => {
  it('neutralises a site id that would run as a formula, and keeps numbers as numbers', () => {
    const finding = {
      rule: 'r1',
      kind: 'site_area',
      scope: 'site',
      unitId: null,
      siteId: '=HYPERLINK("http://example.invalid","点击")',
      status: 'fail',
      binding: true,
      pass: false,
      value: -5,
      valueUnit: 'm2',
      required: 200,
      shortfall: 205,
      shortfallUnit: 'm2',
      severity: 'high',
      citation: '+cmd|/C calc',
      document: 'd',
      locator: 'l',
      quote: 'q',
      basis: 'text',
      verified: true,
      note: '@SUM(1,2)',
    } as unknown as Finding;
    const [header, row] = Papa.parse<string[]>(findingsCsv([finding]).trim()).data;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('site_id')).toBe('\'=HYPERLINK("http://example.invalid","点击")');
    expect(cell('citation')).toBe("'+cmd|/C calc");
    expect(cell('note')).toBe("'@SUM(1,2)");
    expect(cell('value')).toBe('-5');
  });
});
