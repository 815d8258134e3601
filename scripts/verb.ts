import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../analysis/errors.ts';

/** One CLI verb: `npx carecircle <name> [options]`. */
export interface Verb {
  summary: string;
  /** Full usage text printed by `--help`. */
  help: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses options strictly; unknown or malformed options are the user's error. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InputError('E_BAD_OPTION', (error as Error).message);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') {
    throw new InputError('E_MISSING_OPTION', `missing required option --${name}`);
  }
  return value;
}
