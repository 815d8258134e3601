import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../../analysis/errors.ts';

/** A JSON file the user named; a missing or broken file is the user's error, with its name. */
export function readJsonFile(file: string): unknown {
  if (!existsSync(file)) throw new InputError('E_MISSING_FILE', 'file not found', { file });
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not valid JSON: ${(error as Error).message}`, { file });
  }
}

/** An optimiser output (`optimise --out`) carries its result as a scenario: accept it as one. */
export function scenarioOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || 'format' in json) return json;
  return 'scenario' in json ? json.scenario : json;
}
