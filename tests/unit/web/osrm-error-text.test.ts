import { describe, expect, it } from 'vitest';
import { osrmErrorKey, savedOsrmParams } from '../../../web/src/settings/osrm-error-text.ts';
import { OSRM_STORAGE_KEY } from '../../../web/src/settings/osrm-settings.ts';

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === OSRM_STORAGE_KEY ? value : null),
});

describe('an analysis failing on the saved OSRM server is explained in the UI language', () => {
  it('names a message for each OSRM code, none for other codes', () => {
    expect(osrmErrorKey('E_OSRM_TIMEOUT')).toBe('osrm.error.E_OSRM_TIMEOUT');
    expect(osrmErrorKey('E_OSRM_UNREACHABLE')).toBe('osrm.error.E_OSRM_UNREACHABLE');
    expect(osrmErrorKey('E_BAD_CITY')).toBeUndefined();
    expect(osrmErrorKey(undefined)).toBeUndefined();
  });

  it('fills the host and timeout of the saved server', () => {
    const saved = JSON.stringify({
      url: 'https://osrm.example.org:5000',
      profiles: { drive: 'car', ebike: 'bike' },
      timeoutMs: 8000,
    });
    expect(savedOsrmParams(storage(saved))).toEqual({
      host: 'osrm.example.org:5000',
      seconds: '8',
    });
    expect(savedOsrmParams(storage(null))).toEqual({ host: '', seconds: '15' });
  });
});
