/**
 * Runs the whole corpus and prints the counts per class (files, clear errors, accepted, rejected,
 * warned, empty) and every failure:   npx tsx tests/fuzz/run.ts [--seed N]
 */
import { checkFile, type Outcome } from './check.ts';
import { DEFAULT_SEED, generateCorpus } from './generate.ts';

export async function runCorpus(seed = DEFAULT_SEED): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const file of await generateCorpus(seed)) outcomes.push(await checkFile(file));
  return outcomes;
}

export function tally(outcomes: Outcome[]) {
  const sum = (f: (o: Outcome) => number) => outcomes.reduce((s, o) => s + f(o), 0);
  return {
    files: outcomes.length,
    clearErrors: outcomes.filter((o) => o.error !== undefined).length,
    accepted: sum((o) => o.accepted),
    rejected: sum((o) => o.rejected),
    warned: sum((o) => o.warned),
    empty: sum((o) => o.empty),
    failures: sum((o) => o.failures.length),
  };
}

if (process.argv[1]?.endsWith('run.ts')) {
  const at = process.argv.indexOf('--seed');
  const outcomes = await runCorpus(at < 0 ? DEFAULT_SEED : Number(process.argv[at + 1]));
  for (const o of outcomes) {
    console.log(
      `${o.file.padEnd(28)} ${o.error ?? `accepted ${o.accepted}, rejected ${o.rejected}, warned ${o.warned}, empty ${o.empty}`}`,
    );
    for (const f of o.failures) console.log(`  FAIL ${f}`);
  }
  console.log(JSON.stringify(tally(outcomes)));
}
