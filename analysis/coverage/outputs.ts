import { csvField } from '../io/csv/spreadsheet-safe.ts';
import type { AnalysisResult } from './analyse-city.ts';
import type { Finding } from './types.ts';

/** The CSV files of `analyse --out` as text: UTF-8, comma-separated, RFC 4180 quoting, formula-safe. */
export interface AnalysisFiles {
  'summary.json': string;
  'units.csv': string;
  'findings.csv': string;
  'cells.csv': string;
}

type Cell = string | number | boolean | null;

function csvValue(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  // Names come from the user's files: a cell like =HYPERLINK(…) must not run in a spreadsheet.
  return csvField(String(value));
}

/** Fixed precision so that outputs are stable across engines and runs. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

function csv(header: string[], rows: Cell[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvValue).join(',')).join('\n')}\n`;
}

export function analysisFiles(result: AnalysisResult): AnalysisFiles {
  const thresholds = result.summary.thresholds;
  const units = csv(
    [
      'unit_id',
      'name',
      'level',
      'parent_id',
      'residents',
      'elders60',
      'households',
      ...thresholds.map((t) => `elders60_within_${t}min`),
      'radius300_straight_share',
      'radius300_network_share',
      'facilities',
      'floor_area_m2',
      'm2_per_resident',
      'm2_per_100_households',
      'sfca_access',
      'findings_failed',
    ],
    result.units.map((u) => [
      u.unitId,
      u.name,
      u.level,
      u.parentId,
      u.residents,
      u.elders60,
      u.households,
      ...u.elders60Within,
      u.radius300StraightShare,
      u.radius300NetworkShare,
      u.facilities,
      u.floorAreaM2,
      u.m2PerResident,
      u.m2Per100Households,
      u.sfcaAccess,
      u.findingsFailed,
    ]),
  );
  const cells = csv(
    ['h3', 'residents', 'elders60', 'unit_id', 'street_id', 'minutes_nearest', 'sfca_access'],
    result.cells.map((c) => [
      c.h3,
      c.residents,
      c.elders60,
      c.unitId,
      c.streetId,
      c.minutesNearest,
      c.sfcaAccess,
    ]),
  );
  return {
    'summary.json': `${JSON.stringify(result.summary, null, 2)}\n`,
    'units.csv': units,
    'findings.csv': findingsCsv(result.summary.findings),
    'cells.csv': cells,
  };
}

export function findingsCsv(findings: Finding[]): string {
  return csv(
    [
      'rule',
      'kind',
      'scope',
      'unit_id',
      'site_id',
      'status',
      'status_reason',
      'binding',
      'pass',
      'value',
      'value_unit',
      'required',
      'shortfall',
      'shortfall_unit',
      'severity',
      'citation',
      'document',
      'locator',
      'quote',
      'basis',
      'verified',
      'note',
    ],
    findings.map((f) => [
      f.rule,
      f.kind,
      f.scope,
      f.unitId,
      f.siteId,
      f.status,
      f.statusReason?.en ?? null,
      f.binding,
      f.status === 'not_evaluable' ? null : f.pass,
      f.value,
      f.valueUnit,
      f.required,
      f.shortfall,
      f.shortfallUnit,
      f.severity,
      f.citation,
      f.document,
      f.locator,
      f.quote,
      f.basis,
      f.verified,
      f.note,
    ]),
  );
}
