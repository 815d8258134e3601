import type { MessageKey, MessageParams } from '../i18n/catalogue.ts';
import { loadOsrmSetting, OSRM_TIMEOUT_MS } from './osrm-settings.ts';

/** Codes of the OSRM client (analysis/routing/osrm.ts) that have a message of their own. */
const CODES = new Set([
  'E_BAD_OSRM_URL',
  'E_OSRM_UNREACHABLE',
  'E_OSRM_PROFILE',
  'E_OSRM_TIMEOUT',
  'E_OSRM_RESPONSE',
]);

/** The catalogue key for an OSRM error code, or undefined for any other code. */
export function osrmErrorKey(code: string | undefined): MessageKey | undefined {
  return code !== undefined && CODES.has(code) ? (`osrm.error.${code}` as MessageKey) : undefined;
}

/**
 * Parameters of those messages for the server the user saved: an analysis that fails on it is
 * explained in the user's language, as the settings' connection test is.
 */
export function savedOsrmParams(storage: Pick<Storage, 'getItem'>): MessageParams {
  const saved = loadOsrmSetting(storage);
  let host = '';
  try {
    host = saved === null ? '' : new URL(saved.url).host;
  } catch {
    // a stored address that no longer parses: the message goes without it
  }
  const timeoutMs = saved?.timeoutMs ?? OSRM_TIMEOUT_MS;
  return { host, seconds: (timeoutMs / 1000).toFixed(0) };
}
