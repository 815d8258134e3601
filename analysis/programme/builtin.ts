import { parseProgrammeProfile } from './profile.ts';
import generic from './profiles/generic.programme.json';
import haining from './profiles/haining-2024.programme.json';
import type { ProgrammeProfile } from './types.ts';

/**
 * The programme profiles shipped with the tool. A standards profile without programme rules of
 * its own (province-plan, huaihua-2020, …) uses the generic one.
 */
export const BUILTIN_PROGRAMME_PROFILES: Readonly<Record<string, unknown>> = {
  'haining-2024': haining,
  generic,
};

/** The programme profile for a standards profile name (falls back to the generic one). */
export function programmeProfileFor(name: string): ProgrammeProfile {
  const data = BUILTIN_PROGRAMME_PROFILES[name] ?? generic;
  // Re-validated on every load: a shipped file that breaks the schema is caught by the tests.
  return parseProgrammeProfile(
    structuredClone(data),
    `${name in BUILTIN_PROGRAMME_PROFILES ? name : 'generic'}.programme.json`,
  );
}
