import { InputError } from '../../analysis/errors.ts';
import type { FetchLike } from '../../analysis/routing/osrm.ts';
import {
  isOsrmTravelProfile,
  OSRM_TRAVEL_PROFILES,
  type OsrmRouting,
  type OsrmTravelProfile,
} from '../../analysis/routing/osrm-reach-source.ts';

/**
 * The `--osrm` options shared by isochrone, analyse and batch. Requests then leave the machine
 * (to the server named), so nothing is routed on a server unless --osrm is given.
 */
export const OSRM_OPTIONS = {
  osrm: { type: 'string' },
  'osrm-profile': { type: 'string' },
  'osrm-timeout': { type: 'string' },
  'osrm-max-table': { type: 'string' },
} as const;

export const OSRM_HELP = `  --osrm URL          route ebike and drive on your own OSRM server (HTTP API v5, table
                      service) instead of the city's graphs; requests leave this machine
  --osrm-profile P    OSRM profiles per travel profile, e.g. drive=car,ebike=bike (the default);
                      only the travel profiles listed go through the server
  --osrm-timeout S    seconds to wait for each OSRM answer (default 30)
  --osrm-max-table N  most coordinates per table request (the server's --max-table-size, 100)`;

/** Plain option values (JSON-safe: batch passes them to its worker threads). */
export interface OsrmCliValues {
  osrm?: string;
  'osrm-profile'?: string;
  'osrm-timeout'?: string;
  'osrm-max-table'?: string;
}

/**
 * OSRM routing options from the CLI values, or undefined without --osrm. `single` is the one
 * travel profile of a verb that routes one (isochrone): a bare profile name then applies to it.
 */
export function osrmRouting(
  values: OsrmCliValues,
  single?: string,
  fetchImpl: FetchLike = fetch,
): OsrmRouting | undefined {
  const others = (['osrm-profile', 'osrm-timeout', 'osrm-max-table'] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (values.osrm === undefined) {
    if (others.length > 0)
      throw new InputError('E_BAD_OPTION', `--${others[0]} needs --osrm URL`, {
        column: others[0],
      });
    return undefined;
  }
  const routing: OsrmRouting = { url: values.osrm, fetch: fetchImpl };
  const profiles = values['osrm-profile'];
  if (profiles !== undefined) routing.profiles = parseProfiles(profiles, single);
  if (values['osrm-timeout'] !== undefined)
    routing.timeoutMs = positive(values['osrm-timeout'], 'osrm-timeout') * 1000;
  if (values['osrm-max-table'] !== undefined) {
    const n = positive(values['osrm-max-table'], 'osrm-max-table');
    if (!Number.isInteger(n) || n < 2)
      throw new InputError('E_BAD_OPTION', `--osrm-max-table must be an integer ≥ 2, got ${n}`, {
        column: 'osrm-max-table',
      });
    routing.maxTableSize = n;
  }
  return routing;
}

function parseProfiles(
  text: string,
  single: string | undefined,
): Partial<Record<OsrmTravelProfile, string>> {
  const out: Partial<Record<OsrmTravelProfile, string>> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const [travel, name] = part.includes('=') ? part.split('=', 2) : [single, part];
    if (travel === undefined || !isOsrmTravelProfile(travel) || name === undefined || name === '') {
      throw new InputError(
        'E_BAD_OPTION',
        `--osrm-profile "${part}": use TRAVEL=OSRM_PROFILE with TRAVEL one of ${OSRM_TRAVEL_PROFILES.join(', ')} (e.g. drive=car,ebike=bike)`,
        { column: 'osrm-profile' },
      );
    }
    out[travel] = name.trim();
  }
  return out;
}

function positive(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new InputError('E_BAD_OPTION', `--${option} must be a number > 0, got "${text}"`, {
      column: option,
    });
  return value;
}
