import { InputError } from '../errors.ts';
import type { ProgrammeProfile, Target } from './types.ts';

/**
 * Yearly targets are editable: the workspace and the CLI (--targets FILE) apply overrides to a
 * profile's targets without touching the profile file. An override names a target by id and
 * year; a known one is changed, an unknown one is added (it must then be complete).
 */
export type TargetOverride = Pick<Target, 'id' | 'year'> & Partial<Omit<Target, 'id' | 'year'>>;

export function applyTargetOverrides(
  profile: ProgrammeProfile,
  overrides: readonly TargetOverride[],
): ProgrammeProfile {
  const targets = profile.targets.map((target) => ({ ...target }));
  const problems: string[] = [];
  for (const [index, override] of overrides.entries()) {
    const at = targets.findIndex((t) => t.id === override.id && t.year === override.year);
    if (at >= 0) {
      targets[at] = { ...targets[at], ...override };
      continue;
    }
    const template = targets.find((t) => t.id === override.id);
    const added = { ...template, ...override } as Partial<Target>;
    const missing = (
      ['metric', 'label', 'roles', 'value', 'minStatus', 'citation'] as const
    ).filter((key) => added[key] === undefined);
    if (missing.length > 0) {
      problems.push(
        `override ${index} (${override.id}@${override.year}): new target lacks ${missing.join(', ')}`,
      );
    } else {
      targets.push(added as Target);
    }
  }
  for (const target of targets) {
    const share = target.metric !== 'count';
    if (!Number.isFinite(target.value) || target.value < 0 || (share && target.value > 1)) {
      problems.push(`${target.id}@${target.year}: value ${target.value} out of range`);
    }
    const unknown = target.roles.filter((role) => !(role in profile.roles));
    if (unknown.length > 0)
      problems.push(`${target.id}@${target.year}: unknown role ${unknown.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new InputError(
      'E_BAD_TARGETS',
      `${problems.length} problem(s) in the targets:\n  ${problems.join('\n  ')}`,
    );
  }
  targets.sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  return { ...profile, targets };
}

/** Sets one target's value (the workspace's edit box). */
export function setTargetValue(
  profile: ProgrammeProfile,
  id: string,
  year: number,
  value: number,
): ProgrammeProfile {
  return applyTargetOverrides(profile, [{ id, year, value }]);
}

/** Target years of a profile, ascending. */
export function targetYears(profile: ProgrammeProfile): number[] {
  return [...new Set(profile.targets.map((target) => target.year))].sort((a, b) => a - b);
}

/** Reads a JSON list of overrides (the CLI's --targets FILE), checking every entry. */
export function parseTargetOverrides(input: unknown, file?: string): TargetOverride[] {
  if (!Array.isArray(input)) {
    throw new InputError('E_BAD_TARGETS', 'expected a list of {id, year, value, …}', { file });
  }
  const problems: string[] = [];
  const overrides: TargetOverride[] = [];
  for (const [index, item] of input.entries()) {
    const entry = item as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`[${index}]: expected an object`);
      continue;
    }
    if (typeof entry.id !== 'string') problems.push(`[${index}].id: expected a text`);
    if (typeof entry.year !== 'number') problems.push(`[${index}].year: expected a number`);
    if (entry.value !== undefined && typeof entry.value !== 'number') {
      problems.push(`[${index}].value: expected a number`);
    }
    overrides.push(entry as unknown as TargetOverride);
  }
  if (problems.length > 0) {
    throw new InputError(
      'E_BAD_TARGETS',
      `${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
      {
        file,
      },
    );
  }
  return overrides;
}
