import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Font table entries: the Chinese names with their Latin alternates and the GB2312 charset, so
 * that Word, WPS and LibreOffice find SimSun / SimHei / FangSong (or substitute a CJK serif or
 * sans such as Noto Serif/Sans CJK SC) when the Chinese-named font is missing.
 */
const FONT_TABLE: { name: string; alt: string; family: 'roman' | 'swiss' | 'modern' }[] = [
  { name: '宋体', alt: 'SimSun', family: 'roman' },
  { name: '黑体', alt: 'SimHei', family: 'swiss' },
  { name: '仿宋', alt: 'FangSong', family: 'modern' },
];

/** Adds the Chinese fonts with their alternates to word/fontTable.xml. */
export function declareFonts(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const table = files['word/fontTable.xml'];
  if (table === undefined) return bytes;
  let xml = strFromU8(table);
  const entries = FONT_TABLE.filter((f) => !xml.includes(`w:name="${f.name}"`))
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  // docx writes an empty table as one self-closing element.
  xml = /<\/w:fonts>\s*$/.test(xml)
    ? xml.replace(/<\/w:fonts>\s*$/, `${entries}</w:fonts>`)
    : xml.replace(/\/>\s*$/, `>${entries}</w:fonts>`);
  files['word/fontTable.xml'] = strToU8(xml);
  return zipSync(files);
}
