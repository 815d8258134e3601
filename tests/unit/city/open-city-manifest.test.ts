import { describe, expect, it } from 'vitest';
import type { CitySource } from '../../../analysis/city/city-source.ts';
import { openCity } from '../../../analysis/city/open-city.ts';
import type { CityManifest } from '../../../analysis/city/types.ts';
import { folderSource } from '../../../scripts/city/folder-source.ts';

describe('openCity tells the manifest before the rest of the folder', () => {
  it('gives the manifest it returns, before population.csv is read', async () => {
    const folder = folderSource('data/nanjing-xinjiekou');
    const reads: string[] = [];
    const source: CitySource = {
      label: folder.label,
      read: (path) => {
        reads.push(path);
        return folder.read(path);
      },
    };
    const told: { manifest: CityManifest; readsSoFar: string[] }[] = [];
    const city = await openCity(source, {
      onManifest: (manifest) => told.push({ manifest, readsSoFar: [...reads] }),
    });
    expect(told).toHaveLength(1);
    const [{ manifest, readsSoFar }] = told;
    // The same object: the page keys the graph loading on it and must not load them twice.
    expect(manifest).toBe(city.manifest);
    expect(readsSoFar).toEqual(['city.json']);
    expect(reads).toContain('population.csv');
  });
});
