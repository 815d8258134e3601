import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { OpenedCity } from '../../analysis/city/open-city.ts';
import { InputError } from '../../analysis/errors.ts';
import type { Scenario } from '../../analysis/siting/scenario-types.ts';
import {
  cityScenarioChecks,
  parseScenario,
  type ScenarioValidationOptions,
} from '../../analysis/siting/scenario-validate.ts';
import { BUILT_IN_PROFILE_IDS } from '../../analysis/standards/profiles.ts';

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

/** The checks of a scenario for an open city folder: those the browser applies. */
export function scenarioChecksFor(
  city: Pick<OpenedCity, 'manifest'>,
  cityDir: string,
  profileId: string,
): ScenarioValidationOptions {
  const folder = basename(resolve(cityDir));
  return cityScenarioChecks({ ...city.manifest, folder }, [...BUILT_IN_PROFILE_IDS, profileId]);
}

/** A scenario file for an open city folder, checked as above. */
export function readScenarioFile(
  file: string,
  city: Pick<OpenedCity, 'manifest' | 'input'>,
  cityDir: string,
  profileId: string,
): Scenario {
  const checks = scenarioChecksFor(city, cityDir, profileId);
  return parseScenario(scenarioOf(readJsonFile(file)), city.input.facilities, { ...checks, file });
}
