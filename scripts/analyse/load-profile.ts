import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../../analysis/errors.ts';
import { builtInProfile, parseProfile } from '../../analysis/standards/profiles.ts';
import type { StandardsProfile } from '../../analysis/standards/types.ts';

/** A built-in standards profile by id, or a user-edited profile from a .json file. */
export function loadProfile(name: string): StandardsProfile {
  if (!name.endsWith('.json')) return builtInProfile(name);
  if (!existsSync(name))
    throw new InputError('E_MISSING_FILE', 'profile file not found', { file: name });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(name, 'utf8'));
  } catch (error) {
    throw new InputError('E_BAD_JSON', `not valid JSON: ${(error as Error).message}`, {
      file: name,
    });
  }
  return parseProfile(data, name);
}
