import type { FigureId, ReportFigure } from '../../../analysis/report/types.ts';

/**
 * Word cannot show SVG without a PNG fallback: draw each report figure (an SVG string) on a
 * canvas at 2× and take its PNG bytes. Runs on the page (a worker has no Image decoder for SVG).
 */
export async function figuresToPng(
  figures: readonly ReportFigure[],
  scale = 2,
): Promise<Partial<Record<FigureId, Uint8Array>>> {
  const out: Partial<Record<FigureId, Uint8Array>> = {};
  for (const figure of figures) {
    out[figure.id] = await svgToPng(figure.svg, figure.width, figure.height, scale);
  }
  return out;
}

export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('canvas.toBlob returned nothing');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves bytes as a file through a temporary blob link (generated locally, never uploaded). */
export function downloadBytes(fileName: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Prints the report HTML from a hidden iframe (Chromium's "Save as PDF" makes the PDF). */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}
