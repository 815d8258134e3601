import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CitySource } from '../../analysis/city/city-source.ts';

/** A city folder on disk as a CitySource (the Node host's only file access for cities). */
export function folderSource(dir: string): CitySource {
  return {
    label: dir,
    read(path) {
      const file = join(dir, path);
      return Promise.resolve(existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined);
    },
  };
}
