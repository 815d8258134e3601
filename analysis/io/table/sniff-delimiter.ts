const CANDIDATES = [',', '\t', ';', '|'] as const;
const SAMPLE_LINES = 20;

/**
 * Picks the field delimiter: the candidate that splits the first lines into the same number
 * (> 1) of fields most often. Papaparse's own guess needs several rows and is thrown by a
 * trailing empty line; registers are often just a header and a few rows.
 */
export function sniffDelimiter(text: string): string {
  const lines = text
    .slice(0, 65_536)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES);
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countFields(line, delimiter));
    const mode = modeOf(counts.filter((c) => c > 1));
    if (mode === undefined) continue;
    const score = counts.filter((c) => c === mode).length + mode / 1000;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Fields in one line, ignoring delimiters inside double quotes. */
function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields++;
  }
  return fields;
}

function modeOf(values: number[]): number | undefined {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let mode: number | undefined;
  let most = 0;
  for (const [v, n] of tally) {
    if (n > most || (n === most && mode !== undefined && v > mode)) {
      mode = v;
      most = n;
    }
  }
  return mode;
}
