import type { Block, ReportModel } from '../../../analysis/report/types.ts';

/** Text of SVG <text> elements (labels, legends, axes), entities decoded. */
export function svgText(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&'),
  );
}

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [b.text];
    case 'bullets':
      return b.items;
    case 'keyFigures':
      return b.items.flatMap((i) => [i.label, i.value]);
    case 'table':
      return [
        b.table.caption ?? '',
        ...b.table.header,
        ...b.table.rows.flat().map((c) => (typeof c === 'string' ? c : c.text)),
      ];
    case 'figure':
      return [];
  }
}

/**
 * Every string a reader of the model's documents sees: cover, chapters, figures (captions and
 * SVG labels) and spreadsheet cells. `skipIdTable`: the heading of the id appendix, left out.
 */
export function modelText(model: ReportModel, options: { skipIdTable?: string }): string {
  const out = [model.title, model.subtitle, model.footer, model.banner ?? '', model.contentsTitle];
  out.push(...model.titleLines.flatMap((l) => [l.label, l.value]));
  for (const section of model.sections) {
    out.push(section.title);
    let skipping = false;
    for (const b of section.blocks) {
      if (b.kind === 'heading' && (b.level ?? 2) === 2) skipping = b.text === options.skipIdTable;
      if (!skipping) out.push(...blockText(b));
    }
  }
  for (const figure of Object.values(model.figures))
    out.push(figure.caption, ...svgText(figure.svg));
  for (const sheet of model.sheets) {
    out.push(sheet.name, ...sheet.header);
    for (const row of sheet.rows) {
      row.forEach((v, i) => {
        if (typeof v === 'string' && !(sheet.hidden ?? []).includes(i)) out.push(v);
      });
    }
  }
  return out.join('\n');
}
