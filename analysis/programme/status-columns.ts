import { InputError } from '../errors.ts';
import { isSiteStatus, STATUS_LABELS } from './status.ts';
import { SITE_STATUSES, type SiteProgramme, type SiteStatus } from './types.ts';

/**
 * The status columns of a register (CSV/XLSX), in Chinese or English. Reading keeps every other
 * column as text, so that a register read and written back loses nothing. File formats are in
 * status-csv.ts and status-xlsx.ts; this module maps cells ↔ records.
 */
export type ColumnLanguage = 'zh' | 'en';

const STEP_HEADERS: Record<SiteStatus, [string, string]> = {
  proposed: ['提出年度', '提出日期'],
  planned: ['列入年度', '列入日期'],
  reviewed: ['评审年度', '评审日期'],
  under_construction: ['开工年度', '开工日期'],
  built: ['建成年度', '建成日期'],
  accepted: ['验收年度', '验收日期'],
};

/** Column key → [Chinese header, English header], in output order. */
export const STATUS_COLUMNS: ReadonlyArray<readonly [string, string, string]> = [
  ['id', '编号', 'id'],
  ['status', '状态', 'status'],
  ...SITE_STATUSES.flatMap((s): [string, string, string][] => [
    [`${s}_year`, STEP_HEADERS[s][0], `${s}_year`],
    [`${s}_date`, STEP_HEADERS[s][1], `${s}_date`],
  ]),
  ['upgraded', '增效提质', 'upgraded'],
  ['capacity', '服务人数', 'capacity'],
  ['capacity_at_once', '同时容纳人数', 'capacity_at_once'],
  ['usable_area_m2', '使用面积', 'usable_area_m2'],
  ['functions', '服务功能', 'functions'],
  ['cost_yuan', '投资额', 'cost_yuan'],
  ['designations', '认定', 'designations'],
  ['unit_id', '所属单元', 'unit_id'],
  ['note', '备注', 'note'],
];

export interface StatusRow {
  id: string;
  /** Undefined when the row has no status: a baseline facility. */
  record?: SiteProgramme;
  /** Columns that are not status columns, verbatim. */
  extra: Record<string, string>;
}

export interface StatusTable {
  language: ColumnLanguage;
  /** Headers of the other columns, in file order. */
  extraColumns: string[];
  rows: StatusRow[];
}

export interface CellProblem {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  value: string;
  message: string;
}

const BY_HEADER = new Map<string, string>();
for (const [key, zh, en] of STATUS_COLUMNS) {
  BY_HEADER.set(zh, key);
  BY_HEADER.set(en.toLowerCase(), key);
}
const STATUS_BY_LABEL = new Map<string, SiteStatus>();
for (const status of SITE_STATUSES) {
  STATUS_BY_LABEL.set(STATUS_LABELS[status].zh, status);
  STATUS_BY_LABEL.set(STATUS_LABELS[status].en, status);
}
const TRUE_WORDS = ['是', 'true', 'yes', 'y', '1'];
const FALSE_WORDS = ['否', 'false', 'no', 'n', '0', ''];
const LIST_SPLIT = /[、;；,，|]/;
/** Columns a baseline facility (no status) may fill. */
const BASELINE_KEYS = [
  'capacity',
  'capacity_at_once',
  'usable_area_m2',
  'functions',
  'designations',
  'unit_id',
  'note',
];
/** Columns that need a status. */
const PROGRESS_KEYS = [...SITE_STATUSES.flatMap((s) => [`${s}_year`, `${s}_date`]), 'cost_yuan'];

/** Parses a header row and data rows (all cells as text); collects every bad cell. */
export function parseStatusTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { table: StatusTable; problems: CellProblem[] } {
  const keys = header.map(
    (name) => BY_HEADER.get(name.trim()) ?? BY_HEADER.get(name.trim().toLowerCase()),
  );
  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    const key = keys[index] ?? `extra:${name}`;
    if (seen.has(key)) {
      throw new InputError('E_DUPLICATE_COLUMN', `column "${name}" appears twice`, {
        row: 1,
        column: name,
      });
    }
    seen.add(key);
  }
  if (!keys.includes('id')) {
    throw new InputError('E_NO_ID_COLUMN', 'the register has no id column (编号 or id)', {
      row: 1,
    });
  }
  const zhHits = header.filter((name) =>
    STATUS_COLUMNS.some(([, zh]) => zh === name.trim()),
  ).length;
  const language: ColumnLanguage = zhHits > 0 ? 'zh' : 'en';
  const extraColumns = header.filter((_, index) => keys[index] === undefined);
  const problems: CellProblem[] = [];
  const table: StatusTable = { language, extraColumns, rows: [] };
  for (const [index, cells] of rows.entries()) {
    const values: Record<string, string> = {};
    const extra: Record<string, string> = {};
    header.forEach((name, column) => {
      const key = keys[column];
      const cell = cells[column] ?? '';
      if (key === undefined) extra[name] = cell;
      else values[key] = cell.trim();
    });
    if (cells.every((cell) => cell.trim() === '')) continue;
    const headerOf = (key: string) => header[keys.indexOf(key)] ?? key;
    const report = (key: string, message: string) =>
      problems.push({ row: index + 2, column: headerOf(key), value: values[key] ?? '', message });
    const row = rowFromValues(values, report);
    if (row !== undefined) table.rows.push({ ...row, extra });
  }
  return { table, problems };
}

/** Reads one row given as column key → text (also used for GeoJSON facility properties). */
export function rowFromValues(
  values: Readonly<Record<string, string | undefined>>,
  report: (key: string, message: string) => void,
): Omit<StatusRow, 'extra'> | undefined {
  const text = (key: string) => values[key]?.trim() ?? '';
  const id = text('id');
  if (id === '') {
    report('id', 'id is empty');
    return undefined;
  }
  const statusText = text('status');
  let status: SiteStatus | undefined;
  if (statusText === '') {
    // No status: a baseline facility. Its attributes (capacity, functions, …) are kept, since the
    // site rules need them; progress data without a status is a mistake.
    const progressData = PROGRESS_KEYS.filter((key) => text(key) !== '');
    if (TRUE_WORDS.includes(text('upgraded').toLowerCase())) progressData.push('upgraded');
    if (progressData.length > 0) {
      report('status', `the status is empty but ${progressData.join(', ')} is filled`);
      return { id };
    }
    if (!BASELINE_KEYS.some((key) => text(key) !== '')) return { id };
    status = 'accepted';
  } else {
    status = STATUS_BY_LABEL.get(statusText) ?? (isSiteStatus(statusText) ? statusText : undefined);
  }
  if (status === undefined) {
    report(
      'status',
      `unknown status; use one of ${SITE_STATUSES.map((s) => STATUS_LABELS[s].zh).join('/')} or ${SITE_STATUSES.join('/')}`,
    );
    return { id };
  }
  const number = (key: string, integer: boolean): number | undefined => {
    const raw = text(key);
    if (raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
      report(key, integer ? 'expected a whole number' : 'expected a number ≥ 0');
      return undefined;
    }
    return value;
  };
  const record: SiteProgramme = { id, status, steps: {}, upgraded: false };
  if (statusText === '') record.baseline = true;
  for (const step of SITE_STATUSES) {
    const year = number(`${step}_year`, true);
    const date = text(`${step}_date`);
    if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      report(`${step}_date`, 'expected a date YYYY-MM-DD');
    if (year !== undefined || date !== '') {
      record.steps[step] = {
        ...(year === undefined ? {} : { year }),
        ...(date === '' ? {} : { date }),
      };
    }
  }
  const upgraded = text('upgraded').toLowerCase();
  if (TRUE_WORDS.includes(upgraded)) record.upgraded = true;
  else if (!FALSE_WORDS.includes(upgraded)) report('upgraded', 'expected 是/否 or true/false');
  const optional = {
    capacity: number('capacity', true),
    capacityAtOnce: number('capacity_at_once', true),
    usableAreaM2: number('usable_area_m2', false),
    functions: list(text('functions')),
    costYuan: number('cost_yuan', false),
    designations: list(text('designations')),
    unitId: text('unit_id') || undefined,
    note: text('note') || undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(record, { [key]: value });
  }
  return { id, record };
}

function list(text: string): string[] | undefined {
  if (text === '') return undefined;
  return text
    .split(LIST_SPLIT)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Throws one InputError listing every bad cell. */
export function throwIfProblems(problems: readonly CellProblem[], file?: string): void {
  if (problems.length === 0) return;
  const lines = problems.map(
    (p) => `row ${p.row}, column ${p.column} ("${p.value}"): ${p.message}`,
  );
  throw new InputError(
    'E_BAD_STATUS_COLUMNS',
    `${problems.length} bad cell(s):\n  ${lines.join('\n  ')}`,
    { file, row: problems[0].row, column: problems[0].column },
  );
}
