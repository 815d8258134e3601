/** Saves text as a file through a temporary blob link (no request leaves the page). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "机构名录.csv" → "机构名录-rejected.csv" (the extension is always .csv: the export is CSV). */
export function rejectedFileName(source: string): string {
  const base = source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return `${base === '' ? 'import' : base}-rejected.csv`;
}
