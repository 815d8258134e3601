import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCity } from '../../../web/src/data/load-city.ts';

describe('loadCity', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names city.json when the folder is not there, whichever 404 answers first', async () => {
    // Every file is missing; city.json's answer is the slowest of them.
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.endsWith('city.json')) await new Promise((done) => setTimeout(done, 50));
      return new Response('not found', { status: 404 });
    });
    await expect(loadCity('/no-such-city/')).rejects.toThrow('/no-such-city/city.json');
  });
});
