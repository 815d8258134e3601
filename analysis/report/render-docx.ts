import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { declareFonts } from './docx-fonts.ts';
import type {
  Block,
  FigureId,
  TableCell as ModelCell,
  ReportModel,
  ReportTable,
  Tone,
} from './types.ts';

/**
 * The report as a Word document (docx package; runs in Node and in the browser). Figures are
 * SVG in the model; Word needs raster images, so the host passes PNGs it rendered from the
 * same SVGs (Chromium screenshot in the CLI, canvas in the browser). A figure without PNG gets
 * a note instead of an image.
 */
export interface DocxOptions {
  figurePngs?: Partial<Record<FigureId, Uint8Array>>;
  /** Shown where a figure has no PNG. */
  missingFigureNote?: string;
}

/** 宋体 body, 黑体 headings, 仿宋 quotations; Latin text in Times New Roman / Arial. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEAD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
const QUOTE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const TONE_COLOUR: Record<Tone | 'warning' | 'quote', string> = {
  pass: '1B5E20',
  fail: 'B00020',
  muted: '555555',
  warning: 'B00020',
  strong: '1A1A1A',
  quote: '333333',
};
/** Usable width of an A4 page with 28 mm and 26 mm side margins, in pixels at 96 dpi. */
const CONTENT_PX = 590;

type Child = Paragraph | Table;

function cellParagraph(c: ModelCell, numeric: boolean, bold = false): Paragraph {
  const text = typeof c === 'string' ? c : c.text;
  const tone = typeof c === 'string' ? undefined : c.tone;
  return new Paragraph({
    alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [
      new TextRun({
        text,
        size: 17,
        bold: bold || tone === 'pass' || tone === 'fail' || tone === 'strong',
        ...(tone ? { color: TONE_COLOUR[tone] } : {}),
      }),
    ],
  });
}

function table(t: ReportTable): Child[] {
  const numeric = t.numeric ?? [];
  const width = (i: number) =>
    t.widths === undefined ? {} : { width: { size: t.widths[i], type: WidthType.PERCENTAGE } };
  const header = new TableRow({
    tableHeader: true,
    children: t.header.map(
      (h, i) =>
        new TableCell({
          ...width(i),
          shading: { type: ShadingType.CLEAR, fill: 'E8ECF1', color: 'auto' },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: h, bold: true, size: 17, font: HEAD_FONT })],
            }),
          ],
        }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (c, i) =>
            new TableCell({ ...width(i), children: [cellParagraph(c, numeric[i] === true)] }),
        ),
      }),
  );
  const out: Child[] = [];
  if (t.caption !== undefined) {
    out.push(
      new Paragraph({
        spacing: { before: 160, after: 60 },
        children: [new TextRun({ text: t.caption, bold: true, font: HEAD_FONT })],
      }),
    );
  }
  out.push(
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
  );
  out.push(new Paragraph({ text: '' }));
  return out;
}

function figure(model: ReportModel, id: FigureId, options: DocxOptions): Child[] {
  const fig = model.figures[id];
  if (fig === undefined) return [];
  const png = options.figurePngs?.[id];
  const width = Math.min(CONTENT_PX, fig.width);
  const height = Math.round((fig.height / fig.width) * width);
  const image =
    png === undefined
      ? new Paragraph({
          children: [
            new TextRun({ text: options.missingFigureNote ?? '', italics: true, color: '555555' }),
          ],
        })
      : new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'png', data: png, transformation: { width, height } })],
        });
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text: fig.caption, size: 19, font: HEAD_FONT })],
  });
  return [image, caption];
}

function block(b: Block, model: ReportModel, options: DocxOptions): Child[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: (b.level ?? 2) === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
          children: [new TextRun({ text: b.text, font: HEAD_FONT })],
        }),
      ];
    case 'paragraph':
      if (b.tone === 'quote') {
        return [
          new Paragraph({
            spacing: { after: 80 },
            indent: { left: 360 },
            shading: { type: ShadingType.CLEAR, fill: 'F5F5F2', color: 'auto' },
            children: [
              new TextRun({ text: b.text, font: QUOTE_FONT, size: 20, color: TONE_COLOUR.quote }),
            ],
          }),
        ];
      }
      return [
        new Paragraph({
          spacing: { after: 80 },
          children: [
            new TextRun({
              text: b.text,
              bold: b.tone === 'pass' || b.tone === 'fail' || b.tone === 'warning',
              ...(b.tone ? { color: TONE_COLOUR[b.tone] } : {}),
              ...(b.tone === 'muted' ? { size: 19 } : {}),
            }),
          ],
        }),
      ];
    case 'bullets':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'keyFigures':
      return keyFigures(b.items);
    case 'table':
      return table(b.table);
    case 'figure':
      return figure(model, b.figure, options);
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Key figures as a 3-column grid of label / value cells. */
function keyFigures(items: { label: string; value: string }[]): Child[] {
  const rows = chunk(items, 3).map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map(
          (i) =>
            new TableCell({
              width: { size: 33, type: WidthType.PERCENTAGE },
              children: [
                new Paragraph({
                  children: [new TextRun({ text: i.label, size: 17, color: '444444' })],
                }),
                new Paragraph({
                  children: [new TextRun({ text: i.value, size: 28, bold: true, font: HEAD_FONT })],
                }),
              ],
            }),
        ),
      }),
  );
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ text: '' }),
  ];
}

function titlePage(model: ReportModel): Child[] {
  const lines = model.titleLines.map(
    (l) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: 25, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                children: [new TextRun({ text: l.label, bold: true, font: HEAD_FONT })],
              }),
            ],
          }),
          new TableCell({
            width: { size: 75, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ text: l.value })],
          }),
        ],
      }),
  );
  return [
    new Paragraph({ spacing: { before: 3000 }, text: '' }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: model.title, size: 52, bold: true, font: HEAD_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [new TextRun({ text: model.subtitle, size: 28 })],
    }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: lines }),
  ];
}

export async function renderDocx(
  model: ReportModel,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const children: (Child | TableOfContents)[] = [...titlePage(model)];
  children.push(
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: model.contentsTitle, font: HEAD_FONT, size: 32, bold: true })],
    }),
    // A contents field over the heading styles: Word fills in the page numbers when it opens
    // the file (updateFields), and the outline pane navigates by the same headings.
    new TableOfContents(model.contentsTitle, { hyperlink: true, headingStyleRange: '1-2' }),
  );
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun({ text: section.title, font: HEAD_FONT })],
      }),
    );
    for (const b of section.blocks) children.push(...block(b, model, options));
  }
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children:
          model.banner === null
            ? []
            : [new TextRun({ text: model.banner, size: 16, color: TONE_COLOUR.warning })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            children: [`${model.footer} · `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    title: `${model.title} · ${model.footer}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21 } },
        heading1: {
          run: { font: HEAD_FONT, size: 30, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { after: 200 } },
        },
        heading2: {
          run: { font: HEAD_FONT, size: 24, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: HEAD_FONT, size: 21, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
        title: { run: { font: HEAD_FONT } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            // A4 with the margins of a bound review document: 25 mm top and bottom, 28 mm
            // binding side, 26 mm outer side.
            margin: { top: 1417, bottom: 1417, left: 1588, right: 1474, header: 850, footer: 850 },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children,
      },
    ],
  });
  return declareFonts(new Uint8Array(await Packer.toArrayBuffer(doc)));
}
