import type { MemoryCityFile } from '../../../analysis/city/city-source.ts';
import type { CityOverrides } from '../../../analysis/city/open-city.ts';

export type { MemoryCityFile };

/** A city as the page names it to the worker: a served folder or files built in the browser. */
export type CityRef = (
  | { kind: 'url'; baseUrl: string }
  | { kind: 'memory'; files: MemoryCityFile[] }
) & { overrides: CityOverrides };
