import { InputError } from '../errors.ts';

/**
 * Where a city folder's files come from: a folder on disk (Node), a URL (the app, the service
 * worker's cache behind it) or memory (a city built in the browser). Everything that opens a
 * city reads through this one interface, so the CLI and the web worker parse the same bytes
 * the same way.
 */
export interface CitySource {
  /** Folder path or URL, for messages. */
  readonly label: string;
  /** The file's bytes, or undefined when the folder has no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
}

/** One file of a city folder held in memory, as buildCity returns them. */
export interface MemoryCityFile {
  path: string;
  bytes: Uint8Array | string;
}

export function memorySource(files: readonly MemoryCityFile[], label = 'memory'): CitySource {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const encoder = new TextEncoder();
  return {
    label,
    read(path) {
      const bytes = byPath.get(path);
      return Promise.resolve(typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
    },
  };
}

/**
 * A city folder served over HTTP (same origin in the app). A 404 is a missing file; any other
 * failure is an error naming the file. A dev server answers unknown paths with index.html, so
 * an HTML answer also counts as missing.
 */
export function fetchSource(baseUrl: string, signal?: AbortSignal): CitySource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    label: base,
    async read(path) {
      const url = `${base}${path}`;
      const response = await fetch(url, signal === undefined ? {} : { signal });
      if (response.status === 404) return undefined;
      if (!response.ok) {
        throw new InputError('E_CITY_FILE', `HTTP ${response.status}`, { file: url });
      }
      if ((response.headers.get('content-type') ?? '').includes('text/html')) return undefined;
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** Reads a text file of the source; undefined when absent. */
export async function readText(source: CitySource, path: string): Promise<string | undefined> {
  const bytes = await source.read(path);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

/** Reads a file that must exist. */
export async function requireText(source: CitySource, path: string): Promise<string> {
  const text = await readText(source, path);
  if (text === undefined) {
    throw new InputError('E_MISSING_FILE', 'file missing from the city folder', {
      file: `${source.label.replace(/\/?$/, '/')}${path}`,
    });
  }
  return text;
}
