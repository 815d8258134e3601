import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellLinks } from '../../../analysis/routing/cell-links.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { nearestFacility, nodeMinutes } from '../../../analysis/routing/reach.ts';
import { FIXTURE_DIR, fixtureGraph, readFixture, toLonLat } from './fixture-graph.ts';

const NAMES = ['line-walk', 'steps-slow-walk', 'mid-edge-origin', 'oneway-drive', 'disconnected'];

function setup(name: string) {
  const fixture = readFixture(name);
  const graph = fixtureGraph(fixture);
  const profile = travelProfile(fixture.profile, { speedMps: fixture.speed });
  const origins = fixture.origins.map((p, i) => {
    const [lon, lat] = toLonLat(fixture, p);
    return { id: `O${i}`, lon, lat };
  });
  const links = cellLinks(graph, { resolution: 12 });
  return { fixture, graph, profile, origins, links };
}

describe('golden fixtures: hand-computed node times', () => {
  for (const name of NAMES) {
    it(name, () => {
      const { fixture, graph, profile, origins, links } = setup(name);
      const { minutes, unreachable } = nodeMinutes(graph, links, origins, {
        profile,
        maxMinutes: fixture.maxMinutes,
      });
      expect(unreachable).toEqual([]);
      const got = [...minutes].map((m) => (Number.isFinite(m) ? Number(m.toFixed(4)) : null));
      expect(got.length).toBe(fixture.expectedNodeMinutes.length);
      got.forEach((value, i) => {
        const want = fixture.expectedNodeMinutes[i];
        if (want === null) expect(value, `node ${i}`).toBeNull();
        else expect(value, `node ${i}`).toBeCloseTo(want, 3);
      });
    });
  }
});

// Cell outputs are golden files (regenerate with UPDATE_GOLDEN=1 after checking the diff).
describe('golden fixtures: H3 res-12 cell minutes', () => {
  for (const name of NAMES) {
    it(name, () => {
      const { fixture, graph, profile, origins, links } = setup(name);
      const { cells } = nearestFacility(graph, links, origins, {
        profile,
        maxMinutes: fixture.maxMinutes,
      });
      const rounded = cells.map((c) => ({ ...c, minutes: Number(c.minutes.toFixed(4)) }));
      const file = `${FIXTURE_DIR}${name}.cells.json`;
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(file, `${JSON.stringify(rounded, null, 1)}\n`);
      }
      expect(rounded.length).toBeGreaterThan(0);
      expect(rounded).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
