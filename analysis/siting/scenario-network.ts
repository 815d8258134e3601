import { haversineM } from '../geo.ts';
import type { NetworkProfile } from '../graph/types.ts';
import { LINK_KINDS, type LinkKind } from '../routing/edits/types.ts';
import type { Modification, NetworkModification, Scenario } from './scenario-types.ts';

/**
 * Validation and plain-language description of the street-network modifications (add-link,
 * close-link, set-barrier). Checks here need no graph; whether an end lies near a road of the
 * network is checked when the edits are resolved onto a graph (analysis/routing/edits/resolve.ts).
 */
export const NETWORK_KINDS = ['add-link', 'close-link', 'set-barrier'] as const;
export const EDITABLE_NETWORKS: readonly NetworkProfile[] = ['walk', 'ebike', 'drive'];
export const DETOUR_FACTOR_RANGE: readonly [number, number] = [1, 5];
/** A link longer than this (straight) is not a gate or a passage: most likely a typo. */
export const MAX_LINK_M = 1000;

type Report = (code: string, path: string, message: string) => void;
type Json = Record<string, unknown>;

export function isNetworkModification(m: Modification): m is NetworkModification {
  return (NETWORK_KINDS as readonly string[]).includes(m.kind);
}

/** The network edits of a scenario in order, with their positions in the modification list. */
export function networkModifications(
  scenario: Pick<Scenario, 'modifications'>,
): { index: number; modification: NetworkModification }[] {
  const out: { index: number; modification: NetworkModification }[] = [];
  scenario.modifications.forEach((m, index) => {
    if (isNetworkModification(m)) out.push({ index, modification: m });
  });
  return out;
}

/** Checks one network modification; `linkIds` tracks add/close ids across the list. */
export function validateNetworkModification(
  raw: Json,
  at: string,
  report: Report,
  linkIds: Set<string>,
  bbox?: readonly [number, number, number, number],
): void {
  const kind = raw.kind as NetworkModification['kind'];
  checkNetworks(raw.networks, `${at}.networks`, report);
  if (kind === 'set-barrier') {
    for (const key of ['barriers', 'privateAccess'] as const) {
      if (raw[key] !== 'honour' && raw[key] !== 'ignore') {
        report('E_SCENARIO_FIELD', `${at}.${key}`, `${key} must be "honour" or "ignore"`);
      }
    }
    return;
  }
  const id = raw.id;
  if (typeof id !== 'string' || id === '') {
    report('E_SCENARIO_FIELD', `${at}.id`, 'id must be a non-empty string');
  } else if (linkIds.has(id)) {
    report('E_DUPLICATE_LINK', `${at}.id`, `link id "${id}" is already used`);
  } else linkIds.add(id);
  if (kind === 'close-link') {
    const hasAt = raw.at !== undefined;
    const hasEnds = raw.from !== undefined || raw.to !== undefined;
    if (hasAt === hasEnds) {
      report('E_SCENARIO_FIELD', at, 'close-link needs either at, or both from and to');
      return;
    }
    for (const key of hasAt ? ['at'] : ['from', 'to'])
      checkPoint(raw[key], `${at}.${key}`, report, bbox);
    return;
  }
  if (!(LINK_KINDS as readonly unknown[]).includes(raw.linkType)) {
    report(
      'E_UNKNOWN_LINK_KIND',
      `${at}.linkType`,
      `unknown link type ${String(raw.linkType)}; use one of ${LINK_KINDS.join(', ')}`,
    );
  }
  const from = checkPoint(raw.from, `${at}.from`, report, bbox);
  const to = checkPoint(raw.to, `${at}.to`, report, bbox);
  if (from && to) {
    const metres = haversineM(from[0], from[1], to[0], to[1]);
    if (metres < 0.5) report('E_DEGENERATE_LINK', `${at}.to`, 'the link ends coincide');
    if (metres > MAX_LINK_M) {
      report(
        'E_LINK_TOO_LONG',
        `${at}.to`,
        `link of ${Math.round(metres)} m exceeds ${MAX_LINK_M} m`,
      );
    }
  }
  const [low, high] = DETOUR_FACTOR_RANGE;
  const detour = raw.detourFactor;
  if (detour !== undefined && !(typeof detour === 'number' && detour >= low && detour <= high)) {
    report('E_OUT_OF_RANGE', `${at}.detourFactor`, `detourFactor must be ${low}–${high}`);
  }
  const cost = raw.costYuan;
  if (cost !== undefined && !(typeof cost === 'number' && Number.isFinite(cost) && cost >= 0)) {
    report('E_NEGATIVE_VALUE', `${at}.costYuan`, 'costYuan must be a number ≥ 0');
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') {
    report('E_SCENARIO_FIELD', `${at}.name`, 'name must be a string');
  }
  if (
    raw.linkType === 'footbridge' &&
    Array.isArray(raw.networks) &&
    raw.networks.includes('drive')
  ) {
    report('E_LINK_NETWORK', `${at}.networks`, 'a footbridge cannot serve the drive network');
  }
}

function checkNetworks(value: unknown, path: string, report: Report): void {
  if (!Array.isArray(value) || value.length === 0) {
    report(
      'E_SCENARIO_FIELD',
      path,
      `networks must list one or more of ${EDITABLE_NETWORKS.join(', ')}`,
    );
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((network, k) => {
    if (!EDITABLE_NETWORKS.includes(network as NetworkProfile)) {
      report('E_BAD_NETWORK', `${path}[${k}]`, `unknown network ${String(network)}`);
    } else if (seen.has(network)) {
      report('E_BAD_NETWORK', `${path}[${k}]`, `network ${String(network)} is listed twice`);
    }
    seen.add(network);
  });
}

function checkPoint(
  value: unknown,
  path: string,
  report: Report,
  bbox?: readonly [number, number, number, number],
): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) {
    report('E_BAD_COORD', path, `${path.split('.').at(-1)} must be [lon, lat]`);
    return null;
  }
  const [lon, lat] = value;
  const ok =
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90;
  if (!ok) {
    report('E_BAD_COORD', path, `bad coordinate ${JSON.stringify(value)}`);
    return null;
  }
  if (bbox) {
    const [west, south, east, north] = bbox;
    if (lon < west || lon > east || lat < south || lat > north) {
      report('E_OUTSIDE_AREA', path, `point (${lon}, ${lat}) lies outside the city area`);
    }
  }
  return [lon, lat];
}

const LINK_NAMES: Record<LinkKind, { zh: string; en: string }> = {
  gate: { zh: '开门', en: 'gate' },
  passage: { zh: '通道', en: 'passage' },
  footbridge: { zh: '人行天桥', en: 'footbridge' },
  crossing: { zh: '过街通道', en: 'crossing' },
};
const NETWORK_NAMES: Record<NetworkProfile, { zh: string; en: string }> = {
  walk: { zh: '步行', en: 'walking' },
  ebike: { zh: '电动自行车', en: 'e-bike' },
  drive: { zh: '驾车', en: 'driving' },
};

/** One line for a network modification (no internal ids in Chinese). */
export function describeNetworkModification(m: NetworkModification, lang: 'zh' | 'en'): string {
  const networks = m.networks.map((n) => NETWORK_NAMES[n][lang]).join(lang === 'zh' ? '、' : ', ');
  if (m.kind === 'add-link') {
    const kind = LINK_NAMES[m.linkType][lang];
    const metres = Math.round(
      haversineM(m.from[0], m.from[1], m.to[0], m.to[1]) * (m.detourFactor ?? 1),
    );
    const name = m.name ? (lang === 'zh' ? `「${m.name}」` : ` "${m.name}"`) : '';
    return lang === 'zh'
      ? `新增${kind}${name}（约 ${metres} 米，${networks}）`
      : `add ${kind}${name} (about ${metres} m, ${networks})`;
  }
  if (m.kind === 'close-link') {
    return lang === 'zh' ? `封闭路段（${networks}）` : `close a road stretch (${networks})`;
  }
  const rule = (r: 'honour' | 'ignore') =>
    lang === 'zh' ? (r === 'honour' ? '生效' : '忽略') : r === 'honour' ? 'honoured' : 'ignored';
  return lang === 'zh'
    ? `障碍物${rule(m.barriers)}，非公开通行道路${rule(m.privateAccess)}（${networks}）`
    : `barriers ${rule(m.barriers)}, private roads ${rule(m.privateAccess)} (${networks})`;
}
