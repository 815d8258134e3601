import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import {
  cspAllowsConnect,
  defaultOsrmSetting,
  parseOsrmSetting,
} from '../../../web/src/settings/osrm-settings.ts';
import { testOsrm } from '../../../web/src/settings/test-osrm.ts';
import { type ReplayServer, startReplayServer } from '../../fixtures/routing/osrm-replay-server.ts';

const DEMO = join(import.meta.dirname, '../../../data/nanjing-xinjiekou');
const INDEX = readFileSync(join(import.meta.dirname, '../../../web/index.html'), 'utf8');
/** The built page's policy with the OSRM placeholder left empty (web/.env). */
const POLICY = (/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(INDEX)?.[1] ?? '')
  .replace(/%VITE_CSP_[A-Z_]+%/g, '')
  .trim();
const PAGE = 'http://127.0.0.1:4173';

describe('the app’s OSRM setting', () => {
  it('is off unless a valid server was saved', () => {
    expect(parseOsrmSetting(null)).toBeNull();
    expect(parseOsrmSetting('{"url":"ftp://x"}')).toBeNull();
    expect(parseOsrmSetting('not json')).toBeNull();
    expect(parseOsrmSetting(JSON.stringify({ url: ' http://osrm.lan:5000 ' }))).toEqual(
      defaultOsrmSetting('http://osrm.lan:5000'),
    );
    expect(
      parseOsrmSetting(
        JSON.stringify({ url: 'http://o', profiles: { drive: 'driving', ebike: 'x y' } }),
      )?.profiles,
    ).toEqual({ drive: 'driving', ebike: 'bike' });
  });

  it('knows that the shipped policy refuses any OSRM host, and when one is added', () => {
    expect(POLICY).toContain('connect-src');
    expect(cspAllowsConnect(POLICY, 'http://osrm.lan:5000', PAGE)).toBe(false);
    expect(cspAllowsConnect(POLICY, `${PAGE}/osrm`, PAGE)).toBe(true); // 'self'
    const withHost = POLICY.replace('connect-src', 'connect-src http://osrm.lan:5000');
    expect(cspAllowsConnect(withHost, 'http://osrm.lan:5000/', PAGE)).toBe(true);
    expect(cspAllowsConnect(withHost, 'http://osrm.lan:5001/', PAGE)).toBe(false);
    expect(cspAllowsConnect(withHost, 'https://osrm.lan:5000/', PAGE)).toBe(false);
    expect(
      cspAllowsConnect("default-src 'self' https://*.example.org", 'https://a.example.org', PAGE),
    ).toBe(true);
    expect(cspAllowsConnect(null, 'http://anything', PAGE)).toBe(true);
  });
});

describe('test connection against a replay server', () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({
      profiles: {
        car: { graph: loadCityGraph(DEMO, 'drive'), profile: travelProfile('drive') },
        bike: { graph: loadCityGraph(DEMO, 'ebike'), profile: travelProfile('ebike') },
      },
      resolution: 10,
    });
  });
  afterAll(() => server.close());

  it('succeeds when both profiles answer nearest, and names a missing one', async () => {
    const point = [118.778, 32.044] as const;
    const ok = await testOsrm(defaultOsrmSetting(server.url), point);
    expect(ok.ok).toBe(true);
    expect(server.requests.nearest).toBe(2);
    const wrong = defaultOsrmSetting(server.url);
    wrong.profiles.ebike = 'ebike';
    expect(await testOsrm(wrong, point)).toMatchObject({ ok: false, code: 'E_OSRM_PROFILE' });
    expect(await testOsrm(defaultOsrmSetting('http://127.0.0.1:1'), point)).toMatchObject({
      ok: false,
      code: 'E_OSRM_UNREACHABLE',
    });
  });
});
