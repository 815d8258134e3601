import { escapeXml } from './svg-kit.ts';
import type { Block, ReportModel, ReportTable, TableCell } from './types.ts';

/**
 * The report as one self-contained, print-ready HTML page (A4, print stylesheet, inline SVG
 * figures, Chinese fonts by name). The CLI prints it to PDF with Chromium; the web app prints it
 * from a frame of its own (web/src/report/). Pure string building, no DOM here.
 */
const esc = escapeXml;

/** Page box with running header (data warning) and footer (city · profile · page / pages). */
function pageCss(model: ReportModel): string {
  const box = `font-family: 'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif; font-size: 7.5pt;`;
  const top =
    model.banner === null
      ? ''
      : `@top-center { content: ${cssString(model.banner)}; color: #b00020; ${box} }`;
  return `@page { size: A4; margin: 20mm 18mm 18mm 18mm; ${top}
  @bottom-center { content: ${cssString(`${model.footer} · `)} counter(page) " / " counter(pages); color: #555; ${box} } }`;
}

function cssString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', ' ')}"`;
}

const CSS = `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Noto Serif CJK SC','Noto Serif SC','Source Han Serif SC','SimSun',serif;
  font-size: 10.5pt; line-height: 1.6; color: #1a1a1a; margin: 0; }
h1, h2, h3, .key .value, th, .banner, figcaption, .title-lines th {
  font-family: 'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif; }
.title-page { height: 245mm; display: flex; flex-direction: column; justify-content: center;
  break-after: page; text-align: center; }
.title-page h1 { font-size: 26pt; margin: 0 0 6mm; letter-spacing: 0.08em; }
.title-page .subtitle { font-size: 14pt; margin-bottom: 18mm; }
.title-lines { margin: 0 auto; border-collapse: collapse; font-size: 11.5pt; text-align: left; }
.title-lines th { padding: 2.5mm 6mm 2.5mm 0; font-weight: bold; white-space: nowrap; vertical-align: top; }
.title-lines td { padding: 2.5mm 0; border-bottom: 0.6pt solid #888; min-width: 90mm; }
section { break-before: page; }
section.flow { break-before: auto; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #1a1a1a; padding-bottom: 1.5mm; margin: 0 0 4mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 3.5mm 0 1mm; break-after: avoid; }
.contents { break-after: page; }
.contents h2 { text-align: center; border: none; letter-spacing: 0.3em; }
.contents ol { list-style: none; padding: 0; margin: 8mm 10mm; font-size: 12pt; }
.contents li { margin: 3mm 0; }
.contents li a { color: inherit; text-decoration: none; }
.contents li.fig { font-size: 10.5pt; margin: 1.5mm 0 1.5mm 8mm; }
p.quote { font-family: 'Noto Serif CJK SC','FangSong','STFangsong',serif; background: #f5f5f2;
  border-left: 2.5pt solid #8a8a8a; padding: 1.5mm 3mm; font-size: 10pt; }
p { margin: 1.5mm 0; text-align: justify; }
p.muted { color: #555; font-size: 9.5pt; }
p.pass { color: #1b5e20; font-weight: bold; }
p.fail { color: #b00020; font-weight: bold; }
p.warning { border: 1pt solid #b00020; color: #b00020; padding: 2mm 3mm; background: #fff5f5; }
ul { margin: 1.5mm 0 1.5mm 5mm; padding-left: 4mm; }
li { margin: 0.8mm 0; }
.key { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2.5mm; margin: 3mm 0 4mm; }
.key > div { border: 0.8pt solid #666; padding: 2mm 3mm; break-inside: avoid; }
.key .label { font-size: 8.5pt; color: #444; }
.key .value { font-size: 14pt; font-weight: bold; }
table.data { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; line-height: 1.35; }
table.data caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 1.5mm;
  font-family: 'Noto Sans CJK SC',sans-serif; font-size: 10pt; }
table.data th, table.data td { border: 0.6pt solid #444; padding: 1.2mm 1.8mm; vertical-align: top; }
table.data th { background: #e8ecf1; font-weight: bold; text-align: center; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr { break-inside: avoid; }
td.pass { color: #1b5e20; font-weight: bold; }
td.fail { color: #b00020; font-weight: bold; }
td.muted { color: #777; }
td.strong { font-weight: bold; }
table.data.fixed { table-layout: fixed; }
table.data.fixed td { overflow-wrap: anywhere; }
table.data.fixed td.num { white-space: normal; }
table.data { break-inside: auto; }
table.data thead { display: table-header-group; }
figure { margin: 3mm 0 5mm; break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; max-height: 205mm; }
figcaption { font-size: 9.5pt; margin-top: 1.5mm; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 10mm; background: #fff; } }
`;

function cell(c: TableCell, numeric: boolean, tag: 'td' | 'th' = 'td'): string {
  const text = typeof c === 'string' ? c : c.text;
  const classes = [numeric ? 'num' : '', typeof c === 'string' ? '' : c.tone].filter(
    (x) => x !== '',
  );
  const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  return `<${tag}${cls}>${esc(text)}</${tag}>`;
}

function table(t: ReportTable): string {
  const numeric = t.numeric ?? [];
  const caption = t.caption === undefined ? '' : `<caption>${esc(t.caption)}</caption>`;
  const cols =
    t.widths === undefined
      ? ''
      : `<colgroup>${t.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
  const head = `<thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows
    .map((r) => `<tr>${r.map((c, i) => cell(c, numeric[i] === true)).join('')}</tr>`)
    .join('');
  // Given widths are kept (fixed layout); without them columns size to their content.
  const cls = t.widths === undefined ? 'data' : 'data fixed';
  return `<table class="${cls}">${caption}${cols}${head}<tbody>${rows}</tbody></table>`;
}

function block(b: Block, model: ReportModel): string {
  switch (b.kind) {
    case 'heading':
      return (b.level ?? 2) === 3 ? `<h4>${esc(b.text)}</h4>` : `<h3>${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${esc(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'keyFigures':
      return `<div class="key">${b.items
        .map(
          (i) =>
            `<div><div class="label">${esc(i.label)}</div><div class="value">${esc(i.value)}</div></div>`,
        )
        .join('')}</div>`;
    case 'table':
      return table(b.table);
    case 'figure': {
      const figure = model.figures[b.figure];
      if (figure === undefined) return '';
      return `<figure id="${figure.id}">${figure.svg}<figcaption>${esc(figure.caption)}</figcaption></figure>`;
    }
  }
}

/** Sections that follow on the same page as the previous one (short ones). */
const FLOWING = new Set(['implementation']);

/** 目录: chapters and figures; the page numbers are those of the PDF, so none are printed here. */
function contents(model: ReportModel): string {
  const items = model.sections.map((s) => {
    const figures = s.blocks
      .filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure')
      .map((b) => model.figures[b.figure])
      .filter((f) => f !== undefined)
      .map((f) => `<li class="fig"><a href="#${f.id}">${esc(f.caption)}</a></li>`)
      .join('');
    return `<li><a href="#${s.id}">${esc(s.title)}</a></li>${figures}`;
  });
  return `<div class="contents"><h2>${esc(model.contentsTitle)}</h2><ol>${items.join('')}</ol></div>`;
}

export function renderHtml(model: ReportModel): string {
  const lines = model.titleLines
    .map((l) => `<tr><th>${esc(l.label)}</th><td>${esc(l.value)}</td></tr>`)
    .join('');
  const sections = model.sections
    .map(
      (s) =>
        `<section id="${s.id}"${FLOWING.has(s.id) ? ' class="flow"' : ''}><h2>${esc(s.title)}</h2>${s.blocks
          .map((b) => block(b, model))
          .join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${model.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><title>${esc(model.title)} · ${esc(model.footer)}</title><style>${pageCss(model)}${CSS}</style></head>
<body>
<div class="title-page"><h1>${esc(model.title)}</h1><div class="subtitle">${esc(model.subtitle)}</div>
<table class="title-lines">${lines}</table></div>
${contents(model)}
${sections}
</body></html>
`;
}
