import { STATUS_LABELS } from './status.ts';
import {
  type ColumnLanguage,
  STATUS_COLUMNS,
  type StatusRow,
  type StatusTable,
} from './status-columns.ts';
import { SITE_STATUSES, type SiteProgramme } from './types.ts';

/** Writing a status table back to cells, and moving records in and out of it. */

/** The header and rows to write: status columns in `language`, then the other columns. */
export function statusTableCells(
  table: StatusTable,
  options: { language?: ColumnLanguage } = {},
): string[][] {
  const language = options.language ?? table.language;
  const header = [
    ...STATUS_COLUMNS.map(([, zh, en]) => (language === 'zh' ? zh : en)),
    ...table.extraColumns,
  ];
  const body = table.rows.map((row) => [
    ...STATUS_COLUMNS.map(([key]) => cellOf(row, key, language)),
    ...table.extraColumns.map((name) => row.extra[name] ?? ''),
  ]);
  return [header, ...body];
}

function cellOf(row: StatusRow, key: string, language: ColumnLanguage): string {
  const record = row.record;
  if (key === 'id') return row.id;
  if (record === undefined) return '';
  const step = SITE_STATUSES.find((s) => key === `${s}_year` || key === `${s}_date`);
  if (step !== undefined) {
    const value = key.endsWith('_year') ? record.steps[step]?.year : record.steps[step]?.date;
    return value === undefined ? '' : String(value);
  }
  const join = (items: string[] | undefined) => (items ?? []).join(language === 'zh' ? '、' : ';');
  const fields: Record<string, string> = {
    status: record.baseline
      ? ''
      : language === 'zh'
        ? STATUS_LABELS[record.status].zh
        : record.status,
    upgraded: record.baseline
      ? ''
      : language === 'zh'
        ? record.upgraded
          ? '是'
          : '否'
        : String(record.upgraded),
    capacity: record.capacity?.toString() ?? '',
    capacity_at_once: record.capacityAtOnce?.toString() ?? '',
    usable_area_m2: record.usableAreaM2?.toString() ?? '',
    functions: join(record.functions),
    cost_yuan: record.costYuan?.toString() ?? '',
    designations: join(record.designations),
    unit_id: record.unitId ?? '',
    note: record.note ?? '',
  };
  return fields[key] ?? '';
}

/** Records of a table (rows with a status), for the programme functions. */
export function recordsOf(table: StatusTable): SiteProgramme[] {
  return table.rows.flatMap((row) => (row.record === undefined ? [] : [row.record]));
}

/** Puts edited records back into a table: rows updated by id, new ids appended. */
export function withRecords(table: StatusTable, records: readonly SiteProgramme[]): StatusTable {
  const byId = new Map(records.map((record) => [record.id, record]));
  const rows = table.rows.map((row) => {
    const record = byId.get(row.id);
    byId.delete(row.id);
    return record === undefined ? row : { ...row, record };
  });
  for (const record of byId.values()) rows.push({ id: record.id, record, extra: {} });
  return { ...table, rows };
}
