import { describe, expect, it } from 'vitest';
import { GraphWaiters } from '../../../web/src/worker/graph-waiters.ts';

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(
    () => {
      state = 'resolved';
    },
    () => {
      state = 'rejected';
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return state;
};

describe('GraphWaiters', () => {
  it('resolves a wait only once every URL it names is loaded', async () => {
    const waiters = new GraphWaiters();
    const wait = waiters.wait(['walk.bin', 'drive.bin']);
    waiters.loadedOk('walk.bin');
    expect(await settled(wait)).toBe('pending');
    waiters.loadedOk('drive.bin');
    expect(await settled(wait)).toBe('resolved');
  });

  it('resolves at once for URLs already loaded, and for none', async () => {
    const waiters = new GraphWaiters();
    waiters.loadedOk('walk.bin');
    expect(await settled(waiters.wait(['walk.bin']))).toBe('resolved');
    expect(await settled(waiters.wait([]))).toBe('resolved');
  });

  it('rejects waits on a URL that failed, before or after the failure', async () => {
    const waiters = new GraphWaiters();
    const early = waiters.wait(['walk.bin']);
    waiters.loadFailed('walk.bin', new Error('HTTP 404'));
    await expect(early).rejects.toThrow('HTTP 404');
    await expect(waiters.wait(['walk.bin'])).rejects.toThrow('HTTP 404');
    // A later successful load (a retry) clears the failure.
    waiters.loadedOk('walk.bin');
    expect(await settled(waiters.wait(['walk.bin']))).toBe('resolved');
  });

  it('does not resolve a wait for a URL that was never loaded (another city)', async () => {
    const waiters = new GraphWaiters();
    waiters.loadedOk('old/walk.bin');
    expect(await settled(waiters.wait(['new/walk.bin']))).toBe('pending');
  });
});
