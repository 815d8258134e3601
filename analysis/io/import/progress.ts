/**
 * Progress of a long import step, for a host that shows it (the wizard's bar; the CLI may print
 * it). `done` and `total` count bytes while a file is read and rows while they are validated.
 * The callback is plain data in, nothing out: a Web Worker forwards it as a message.
 */
export interface ImportProgress {
  stage: 'read' | 'validate';
  unit: 'bytes' | 'rows';
  done: number;
  total: number;
}

export type OnImportProgress = (progress: ImportProgress) => void;

/** Rows between two reports while validating: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY_ROWS = 2_000;

/** Calls onProgress every PROGRESS_EVERY_ROWS rows of a validation loop, and at its end. */
export function rowProgress(
  total: number,
  onProgress: OnImportProgress | undefined,
): (done: number) => void {
  if (onProgress === undefined) return () => {};
  return (done) => {
    if (done % PROGRESS_EVERY_ROWS === 0 || done === total)
      onProgress({ stage: 'validate', unit: 'rows', done, total });
  };
}
