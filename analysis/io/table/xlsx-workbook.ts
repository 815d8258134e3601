import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { entryChunks, listZip, type ZipEntry } from './zip-entries.ts';

/**
 * The parts of an .xlsx workbook that every sheet needs, read whole (they are small next to the
 * sheets): the sheets in order with their parts, the shared strings, which cell styles are
 * dates, and the date system. Sheets themselves are read row by row (xlsx-sheet-rows.ts).
 * Element names are taken without their namespace prefix (some writers emit `x:row`).
 */
export interface XlsxWorkbook {
  bytes: Uint8Array;
  sheets: { name: string; entry: ZipEntry }[];
  /** Shared strings, rich text joined; phonetic runs (rPh) left out. */
  strings: string[];
  /** Per cell style index (`s`): whether its number format shows a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
}

export function openWorkbook(bytes: Uint8Array): XlsxWorkbook {
  const entries = new Map(listZip(bytes).map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string): string | undefined => {
    const entry = entries.get(name);
    if (entry === undefined) return undefined;
    const decoder = new TextDecoder('utf-8');
    let out = '';
    for (const chunk of entryChunks(bytes, entry)) out += decoder.decode(chunk, { stream: true });
    return out + decoder.decode();
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('no xl/workbook.xml');
  const targets = new Map<string, string>();
  walk(text('xl/_rels/workbook.xml.rels') ?? '', {
    open(tag) {
      if (local(tag.name) === 'Relationship')
        targets.set(tag.attributes.Id ?? '', tag.attributes.Target ?? '');
    },
  });
  const sheets: XlsxWorkbook['sheets'] = [];
  let date1904 = false;
  walk(workbookXml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'workbookPr') date1904 = truthy(tag.attributes.date1904);
      if (name !== 'sheet') return;
      const rid = Object.entries(tag.attributes).find(([k]) => local(k) === 'id')?.[1] ?? '';
      const target = targets.get(rid) ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const entry = entries.get(normalise(path));
      if (entry !== undefined) sheets.push({ name: tag.attributes.name ?? '', entry });
    },
  });
  return {
    bytes,
    sheets,
    strings: sharedStrings(text('xl/sharedStrings.xml') ?? ''),
    dateStyles: dateStyles(text('xl/styles.xml') ?? ''),
    date1904,
  };
}

interface Handlers {
  open?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Parses a part; a part the workbook lacks (no shared strings, say) is read as empty. */
function walk(xml: string, handlers: Handlers): void {
  if (xml === '') return;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw new Error(`malformed workbook XML (${error.message})`);
  });
  if (handlers.open !== undefined) parser.on('opentag', handlers.open);
  if (handlers.text !== undefined) parser.on('text', handlers.text);
  const close = handlers.close;
  if (close !== undefined) parser.on('closetag', (tag) => close(local(tag.name)));
  parser.write(xml).close();
}

export const local = (name: string): string => name.slice(name.indexOf(':') + 1);

const truthy = (value: string | undefined) => value === '1' || value === 'true';

/** "xl/worksheets/../x.xml" → "xl/x.xml" */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  walk(xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/**
 * Built-in number formats that show dates or times: the international ones (14–22, 45–47) and
 * the East Asian ones Excel writes for Chinese dates such as 2024年3月 (27–36, 50–58).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format is a date when, outside quoted text and [brackets], it has date letters. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  walk(xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt')
        custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}
