import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../analysis/errors.ts';
import type { Benchmark } from '../bench/benchmark.ts';
import type { Verb } from '../verb.ts';

const BENCH_DIR = fileURLToPath(new URL('../bench/', import.meta.url));

function available(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'benchmark.ts')
    .map((f) => f.slice(0, -3))
    .sort();
}

export const verb: Verb = {
  summary: 'run a benchmark (npm run bench -- <name> [--json FILE])',
  get help() {
    return `carecircle bench — performance benchmarks (figures, not pass/fail tests)

Usage:
  npx carecircle bench <name> [--json FILE] [benchmark options]
  npm run bench -- <name> [--json FILE]

Benchmarks: ${available().join(', ')}
Each prints a summary and, with --json, writes its figures and the machine's description.`;
  },
  async run(argv) {
    const [name, ...rest] = argv;
    if (name === undefined || name.startsWith('-')) {
      throw new InputError('E_MISSING_OPTION', `name a benchmark: ${available().join(', ')}`);
    }
    if (!available().includes(name)) {
      throw new InputError(
        'E_BAD_OPTION',
        `unknown benchmark "${name}"; have ${available().join(', ')}`,
      );
    }
    const args: string[] = [];
    let json: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--json') {
        json = rest[++i];
        if (json === undefined) throw new InputError('E_BAD_OPTION', '--json needs a file name');
      } else args.push(rest[i]);
    }
    const { benchmark } = (await import(`../bench/${name}.ts`)) as { benchmark: Benchmark };
    const figures = await benchmark.run(args);
    if (json !== undefined) {
      const dir = dirname(json);
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
      writeFileSync(json, `${JSON.stringify({ benchmark: name, ...figures }, null, 2)}\n`);
      console.log(`bench ${name}: figures written to ${json}`);
    }
    return 0;
  },
};
