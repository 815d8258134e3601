import { describe, expect, it, vi } from 'vitest';
import { benchmark } from '../../../scripts/bench/routing.ts';

describe('routing benchmark (smoke run on a tiny grid, figures not checked)', () => {
  it('produces every required key', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const figures = await benchmark.run([
      '--city',
      '/nonexistent',
      '--grid-side',
      '40',
      '--facilities',
      '20',
      '--origins',
      '50',
      '--no-pgrouting',
    ]);
    log.mockRestore();
    expect(figures).toMatchObject({
      demo_surface15_ms_median: null,
      demo_multisource_ms: null,
      grid_nodes: 1600,
      grid_facilities: 20,
      pgrouting_ratio: null,
      machine: { cpu_cores: expect.any(Number), node_version: process.version },
    });
    expect(figures.grid_multisource_2000_ms).toEqual(expect.any(Number));
    expect(figures.peak_rss_mb).toBeGreaterThan(0);
  });
});
