import { DEFAULT_OSRM_PROFILES } from '../../../analysis/routing/osrm-reach-source.ts';

/**
 * The user's own OSRM server for driving and e-bike circles. Off by default (null): the app then
 * routes every profile on the city's own graphs and no request leaves the page. When set, the
 * analysis worker routes drive/ebike through it (analyseScenario's `osrm` option).
 */
export interface OsrmSetting {
  url: string;
  /** OSRM profile names per travel profile (default car / bike). */
  profiles: { drive: string; ebike: string };
  timeoutMs: number;
}

export const OSRM_STORAGE_KEY = 'carecircle.osrm';
export const OSRM_TIMEOUT_MS = 15_000;

export function defaultOsrmSetting(url: string): OsrmSetting {
  return { url, profiles: { ...DEFAULT_OSRM_PROFILES }, timeoutMs: OSRM_TIMEOUT_MS };
}

/** An http(s) URL with a host, as the OSRM client accepts. */
export function isOsrmUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

const PROFILE_NAME = /^[A-Za-z0-9_-]+$/;

export function parseOsrmSetting(text: string | null): OsrmSetting | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<OsrmSetting> | null;
    if (value === null || typeof value.url !== 'string' || !isOsrmUrl(value.url)) return null;
    const setting = defaultOsrmSetting(value.url.trim());
    const drive = value.profiles?.drive;
    const ebike = value.profiles?.ebike;
    if (typeof drive === 'string' && PROFILE_NAME.test(drive)) setting.profiles.drive = drive;
    if (typeof ebike === 'string' && PROFILE_NAME.test(ebike)) setting.profiles.ebike = ebike;
    if (typeof value.timeoutMs === 'number' && value.timeoutMs > 0)
      setting.timeoutMs = value.timeoutMs;
    return setting;
  } catch {
    // A corrupt entry turns the server off: the local graphs are always there.
    return null;
  }
}

export function loadOsrmSetting(storage: Pick<Storage, 'getItem'>): OsrmSetting | null {
  return parseOsrmSetting(storage.getItem(OSRM_STORAGE_KEY));
}

export function saveOsrmSetting(
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
  setting: OsrmSetting | null,
): void {
  if (setting === null) storage.removeItem(OSRM_STORAGE_KEY);
  else storage.setItem(OSRM_STORAGE_KEY, JSON.stringify(setting));
}

/**
 * Whether a Content-Security-Policy lets the page connect to `url` (connect-src, else
 * default-src). The policy is a meta tag fixed at build time (web/index.html, VITE_CSP_OSRM), so
 * a server the build does not name is refused by the browser whatever the user types: the
 * settings say so instead of showing a bare network error.
 */
export function cspAllowsConnect(policy: string | null, url: string, pageOrigin: string): boolean {
  if (policy === null) return true;
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map((parts) => [parts[0].toLowerCase(), parts.slice(1)] as const),
  );
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (sources === undefined) return true;
  const target = new URL(url);
  return sources.some((source) => sourceMatches(source, target, pageOrigin));
}

function sourceMatches(source: string, target: URL, pageOrigin: string): boolean {
  if (source === '*') return target.protocol === 'http:' || target.protocol === 'https:';
  if (source === "'self'") return target.origin === pageOrigin;
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return target.protocol === source.toLowerCase();
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/i.exec(source);
  if (match === null) return false;
  const [, scheme, wildcard, host, port] = match;
  if (scheme !== undefined && `${scheme.toLowerCase()}:` !== target.protocol) return false;
  const hostname = target.hostname.toLowerCase();
  const want = host.toLowerCase();
  const hostOk = wildcard ? hostname.endsWith(`.${want}`) : hostname === want;
  if (!hostOk) return false;
  const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80');
  const wantPort = port ?? (scheme?.toLowerCase() === 'https' ? '443' : '80');
  return port === '*' || targetPort === wantPort;
}

/** The page's own policy (the meta tag of web/index.html), or null without one. */
export function pagePolicy(doc: Pick<Document, 'querySelector'>): string | null {
  return (
    doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null
  );
}
