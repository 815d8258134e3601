import type { MessageKey } from '../i18n/catalogue.ts';

/** Catalogue keys for the encodings and evidence strings the table readers report. */
const ENCODING_KEYS: Record<string, MessageKey> = {
  'utf-8': 'import.encoding.utf8',
  'utf-8-bom': 'import.encoding.utf8bom',
  gb18030: 'import.encoding.gbk',
  gbk: 'import.encoding.gbk',
  'utf-16le': 'import.encoding.utf16',
  'utf-16be': 'import.encoding.utf16',
  binary: 'import.encoding.binary',
};

const EVIDENCE_KEYS: [RegExp, MessageKey][] = [
  [/BOM/, 'import.evidence.bom'],
  [/^ASCII only$/, 'import.evidence.ascii'],
  [/^valid UTF-8$/, 'import.evidence.utf8'],
  [/not valid UTF-8; valid GBK/, 'import.evidence.gbk'],
  [/^\.cpg says/, 'import.evidence.cpg'],
  [/code page 936/, 'import.evidence.dbf936'],
  [/XLSX stores Unicode/, 'import.evidence.xlsx'],
];

/** The catalogue key naming an encoding, or undefined to show the reader's own label. */
export function encodingKey(encoding: string): MessageKey | undefined {
  return ENCODING_KEYS[encoding.toLowerCase()];
}

/** The catalogue key explaining how the encoding was decided, or undefined to show it verbatim. */
export function evidenceKey(evidence: string): MessageKey | undefined {
  return EVIDENCE_KEYS.find(([pattern]) => pattern.test(evidence))?.[1];
}
