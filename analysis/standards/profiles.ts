import { InputError } from '../errors.ts';
import gb50180 from './profiles/gb50180-2018.json';
import haining from './profiles/haining-2024.json';
import huaihua from './profiles/huaihua-2020.json';
import provincePlan from './profiles/province-plan.json';
import provinceReport from './profiles/province-report.json';
import shanxi from './profiles/shanxi-2023.json';
import type { StandardsProfile } from './types.ts';
import { validateProfile } from './validate.ts';

/** The built-in profiles (DESIGN.md §2), as data. Bundled so the browser needs no fetch. */
const BUILT_IN: Record<string, unknown> = {
  'huaihua-2020': huaihua,
  'haining-2024': haining,
  'shanxi-2023': shanxi,
  'province-plan': provincePlan,
  'gb50180-2018': gb50180,
  'province-report': provinceReport,
};

export const BUILT_IN_PROFILE_IDS: string[] = Object.keys(BUILT_IN);

/** The JSON of a built-in profile as shipped (for audits that must see the file as written). */
export function builtInProfileData(id: string): unknown {
  return BUILT_IN[id];
}

/** A built-in profile by id, validated (a broken built-in is a bug, reported all at once). */
export function builtInProfile(id: string): StandardsProfile {
  const data = BUILT_IN[id];
  if (data === undefined) {
    throw new InputError(
      'E_UNKNOWN_PROFILE',
      `unknown standards profile "${id}" (built-in: ${BUILT_IN_PROFILE_IDS.join(', ')})`,
    );
  }
  return parseProfile(data, `${id}.json`);
}

/** Validates a user-edited profile; every problem is listed in one InputError. */
export function parseProfile(data: unknown, file: string): StandardsProfile {
  const result = validateProfile(data);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new InputError('E_BAD_PROFILE', `invalid standards profile:\n${lines.join('\n')}`, {
      file,
    });
  }
  return result.profile;
}
