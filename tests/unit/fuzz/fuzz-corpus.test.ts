import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, type Outcome } from '../../fuzz/check.ts';
import { generateCorpus } from '../../fuzz/generate.ts';
import { tally } from '../../fuzz/run.ts';

// Every file of the seeded corpus: no crash (only an InputError with a stable code naming the
// file), every data row accepted, rejected with a reason or counted empty, and no accepted value
// other than the author meant unless the row carries a warning. The counts per class are printed
// and written to reports/fuzz-counts.json.
const corpus = await generateCorpus();
const outcomes: Outcome[] = [];

describe('fuzz corpus', () => {
  it.each(corpus.map((file) => [file.name, file] as const))('%s', async (_, file) => {
    const outcome = await checkFile(file);
    outcomes.push(outcome);
    expect(outcome.failures).toEqual([]);
  });

  it('covers every family and both outcomes', () => {
    const families = new Set(corpus.map((f) => f.family));
    expect([...families].sort()).toEqual([
      'csv',
      'geojson',
      'osm',
      'scenario',
      'shapefile',
      'xlsx',
    ]);
    expect(corpus.some((f) => 'error' in f.expect)).toBe(true);
    expect(corpus.some((f) => 'rows' in f.expect)).toBe(true);
  });

  afterAll(() => {
    const counts = tally(outcomes);
    console.log(`fuzz corpus: ${JSON.stringify(counts)}`);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/fuzz-counts.json', `${JSON.stringify(counts, null, 2)}\n`);
  });
});
