/**
 * The fuzz corpus: malformed and tricky registers and OSM extracts, each with the truth of every
 * row. Deterministic: the same seed writes the same bytes.
 *
 *   npx tsx tests/fuzz/generate.ts [--out DIR] [--seed N]   writes the files and truth.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { geojsonCases, shapefileCases, xlsxCases } from './binary-cases.ts';
import { csvCases } from './csv-cases.ts';
import { osmCases } from './osm-cases.ts';
import { scenarioCases } from './scenario-cases.ts';
import { type CorpusFile, seededRandom } from './truth.ts';
import { valueCases } from './value-cases.ts';

export const DEFAULT_SEED = 20_240_601;

export async function generateCorpus(seed = DEFAULT_SEED): Promise<CorpusFile[]> {
  const random = seededRandom(seed);
  return [
    ...csvCases(random),
    ...valueCases(random),
    ...(await xlsxCases(random)),
    ...geojsonCases(random),
    ...shapefileCases(random),
    ...osmCases(random),
    ...scenarioCases(random),
  ];
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const out = argument('out') ?? 'reports/fuzz-corpus';
  const corpus = await generateCorpus(Number(argument('seed') ?? DEFAULT_SEED));
  mkdirSync(out, { recursive: true });
  for (const file of corpus) writeFileSync(join(out, file.name), file.bytes);
  const truth = corpus.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length }));
  writeFileSync(join(out, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
  console.log(`${corpus.length} files and truth.json in ${out}`);
}
