import { isInputError } from '../analysis/errors.ts';
import type { Verb } from './verb.ts';

// Verbs are loaded lazily so that `--help` and small verbs start fast.
const verbs: Record<string, () => Promise<{ verb: Verb }>> = {
  'build-city': () => import('./verbs/build-city.ts'),
  analyse: () => import('./verbs/analyse.ts'),
  compare: () => import('./verbs/compare.ts'),
  import: () => import('./verbs/import.ts'),
  progress: () => import('./verbs/progress.ts'),
  isochrone: () => import('./verbs/isochrone.ts'),
  'graph-info': () => import('./verbs/graph-info.ts'),
  bench: () => import('./verbs/bench.ts'),
  report: () => import('./verbs/report.ts'),
  export: () => import('./verbs/export.ts'),
  'graph-stats': () => import('./verbs/graph-stats.ts'),
  optimise: () => import('./verbs/optimise.ts'),
  'suggest-links': () => import('./verbs/suggest-links.ts'),
  batch: () => import('./verbs/batch.ts'),
  profiles: () => import('./verbs/profiles.ts'),
};

function usage(): string {
  return [
    'carecircle — 养老服务圈规划 headless CLI',
    '',
    'Usage: npx carecircle <verb> [options]   (npx carecircle <verb> --help for details)',
    '',
    'Verbs:',
    ...Object.keys(verbs).map((name) => `  ${name}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 1 : 0;
  }
  const load = verbs[name];
  if (load === undefined) {
    console.error(`carecircle: unknown verb "${name}"\n\n${usage()}`);
    return 2;
  }
  const { verb } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(verb.help);
    return 0;
  }
  try {
    return await verb.run(rest);
  } catch (error) {
    if (isInputError(error)) {
      console.error(`carecircle ${name}: ${error.message} [${error.code}]`);
      return 1;
    }
    throw error;
  }
}
