/**
 * CSV written for people opens in a spreadsheet, which runs a cell starting with = + - @ (or a
 * tab or carriage return, which some strip first) as a formula: a facility named
 * =HYPERLINK("http://…") becomes a link, +cmd|… a command. Such cells get a leading apostrophe,
 * the spreadsheet's own "this is text" mark (OWASP "CSV injection"). A plain number such as -5
 * or +3.5 is left alone: it is a value, not a formula, and stays a number when read back.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting after neutralising: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV for Excel: UTF-8 BOM, CRLF, every cell neutralised and quoted as needed. */
export function spreadsheetCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  const lines = rows.map((row) =>
    row.map((cell) => csvField(cell === null || cell === undefined ? '' : String(cell))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
