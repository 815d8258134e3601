import { isInputError } from '../../../analysis/errors.ts';
import { OsrmClient } from '../../../analysis/routing/osrm.ts';
import type { OsrmSetting } from './osrm-settings.ts';

/**
 * The settings' "test connection": asks the server's nearest service for each vehicle profile
 * at a point of the city, so that a wrong URL, a missing profile or a slow server shows up
 * here, with its code, rather than in the middle of an analysis.
 */
export type OsrmTestResult =
  | { ok: true; snapM: { drive: number; ebike: number } }
  | { ok: false; code: string; message: string };

export async function testOsrm(
  setting: OsrmSetting,
  point: readonly [number, number],
  fetchImpl: typeof fetch = fetch,
): Promise<OsrmTestResult> {
  try {
    const snapM = { drive: 0, ebike: 0 };
    for (const travel of ['drive', 'ebike'] as const) {
      const client = new OsrmClient(setting.url, {
        fetch: (url, init) => fetchImpl(url, init),
        profile: setting.profiles[travel],
        timeoutMs: setting.timeoutMs,
      });
      snapM[travel] = (await client.nearest(point)).distanceM;
    }
    return { ok: true, snapM };
  } catch (error) {
    if (isInputError(error)) return { ok: false, code: error.code, message: error.message };
    return {
      ok: false,
      code: 'E_BUG',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
