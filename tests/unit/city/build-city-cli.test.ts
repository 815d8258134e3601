import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/cli.ts';
import { FIXTURES } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'carecircle-city-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const code = await main(['build-city', ...args]);
  vi.restoreAllMocks();
  return { code, err: err.join('\n'), out: out.join('\n') };
}

describe('build-city with bad input', () => {
  it.each([
    [
      'missing file',
      join(FIXTURES, 'no-such-file.osm.pbf'),
      /no-such-file\.osm\.pbf: OSM extract: file not found \[E_NO_FILE\]/,
    ],
    ['not OSM', join(FIXTURES, 'not-osm.osm'), /not-osm\.osm: not an OSM file .* \[E_NOT_OSM\]/],
    [
      'no highways',
      join(FIXTURES, 'no-highways.osm'),
      /no-highways\.osm: the extract has no highway ways.* \[E_NO_HIGHWAYS\]/,
    ],
  ])('%s: exits non-zero, names the file, leaves no folder behind', async (_what, osm, message) => {
    const out = join(work, 'bad');
    const { code, err } = await run(['--osm', osm, '--out', out]);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err).toContain(join(FIXTURES, ''));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('bad'))).toEqual([]);
  });

  it('keeps an existing city intact when a rebuild fails', async () => {
    const out = join(work, 'keep');
    expect((await run(['--osm', join(FIXTURES, 'small-town.osm'), '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'city.json'));
    const { code } = await run(['--osm', join(FIXTURES, 'not-osm.osm'), '--out', out]);
    expect(code).not.toBe(0);
    expect(readFileSync(join(out, 'city.json'))).toEqual(before);
  });

  it('names the census file and the missing area', async () => {
    const census = join(ROOT, 'data/raw/census2020_selected_districts.csv');
    const { code, err } = await run([
      '--osm',
      join(FIXTURES, 'small-town.osm'),
      '--census',
      census,
      '--census-area',
      '999999',
      '--out',
      join(work, 'c'),
    ]);
    expect(code).not.toBe(0);
    expect(err).toMatch(/census2020_selected_districts\.csv: no row for census area "999999"/);
  });

  it('builds roads-only extracts and says that population must be supplied', async () => {
    const out = join(work, 'roads');
    const { code, err } = await run(['--osm', join(FIXTURES, 'roads-only.osm'), '--out', out]);
    expect(code).toBe(0);
    expect(err).toMatch(/population must be supplied \(--population FILE\)/);
    expect(existsSync(join(out, 'graph-walk.bin'))).toBe(true);
  });
});

describe('rebuilding the demo', () => {
  it('gives byte-identical files', async () => {
    const demo = join(ROOT, 'data/nanjing-xinjiekou');
    const out = join(work, 'nanjing-xinjiekou');
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts[
      'build:demo'
    ] as string;
    const args = script.split(' ').slice(script.split(' ').indexOf('build-city') + 1);
    args[args.indexOf('--out') + 1] = out;
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      expect((await run(args)).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const files = readdirSync(demo).sort();
    expect(readdirSync(out).sort()).toEqual(files);
    expect(files).toContain('facilities.geojson');
    for (const file of files) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(demo, file))), file).toBe(true);
    }
  });
});
