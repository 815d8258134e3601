import { describe, expect, it } from 'vitest';
import { inclineGrade } from '../../../analysis/graph/access.ts';
import { decodeGraph, encodeGraph } from '../../../analysis/graph/binary.ts';
import { buildGraph } from '../../../analysis/graph/build.ts';
import {
  type RoadGraph,
  WHEELCHAIR_KERB,
  WHEELCHAIR_NO,
  WHEELCHAIR_STEEP,
} from '../../../analysis/graph/types.ts';
import { readOsm } from '../../../analysis/io/osm/read-osm.ts';
import { ShortestPathSearch } from '../../../analysis/routing/dijkstra.ts';
import { buildOverlay, emptySpec } from '../../../analysis/routing/edits/overlay.ts';

/** Six nodes in a row, ~11 m apart; one way per segment with the tags under test. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  ${[1, 2, 3, 4, 5, 6].map((i) => `<node id="${i}" lat="32.04" lon="${118.78 + i * 0.0001}"${i === 5 ? '><tag k="barrier" v="kerb"/><tag k="kerb" v="raised"/></node>' : '/>'}`).join('\n  ')}
  <way id="11"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/><tag k="wheelchair" v="no"/></way>
  <way id="12"><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="incline" v="-10%"/></way>
  <way id="13"><nd ref="3"/><nd ref="4"/><tag k="highway" v="footway"/><tag k="incline" v="5%"/></way>
  <way id="14"><nd ref="4"/><nd ref="5"/><tag k="highway" v="footway"/></way>
  <way id="15"><nd ref="5"/><nd ref="6"/><tag k="highway" v="steps"/></way>
  <way id="16"><nd ref="1"/><nd ref="6"/><tag k="highway" v="footway"/><tag k="incline" v="up"/></way>
</osm>`;

function graph(): RoadGraph {
  return buildGraph(readOsm(new TextEncoder().encode(XML), 'wheelchair.osm'), 'walk');
}

/** Marks of the segment between OSM nodes a and b (both directions agree). */
function marks(g: RoadGraph, a: number, b: number): number {
  const u = g.nodeOsmId.indexOf(a);
  const v = g.nodeOsmId.indexOf(b);
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
    if (g.targets[e] === v) return g.wheelchair?.[e] ?? -1;
  }
  throw new Error('no edge');
}

describe('wheelchair facts in the walk graph', () => {
  it('reads inclines as grades (percent or degrees; up/down unknown)', () => {
    expect(inclineGrade('10%')).toBeCloseTo(0.1, 12);
    expect(inclineGrade('-8 %')).toBeCloseTo(0.08, 12);
    expect(inclineGrade('5°')).toBeCloseTo(Math.tan((5 * Math.PI) / 180), 12);
    expect(inclineGrade('up')).toBeUndefined();
  });

  it('marks wheelchair=no, ramps steeper than 1:12 and raised kerbs, per segment', () => {
    const g = graph();
    expect(marks(g, 1, 2)).toBe(WHEELCHAIR_NO);
    expect(marks(g, 2, 1)).toBe(WHEELCHAIR_NO);
    expect(marks(g, 2, 3)).toBe(WHEELCHAIR_STEEP);
    expect(marks(g, 3, 4)).toBe(0);
    expect(marks(g, 4, 5)).toBe(WHEELCHAIR_KERB);
    expect(marks(g, 5, 6)).toBe(WHEELCHAIR_KERB); // steps are known by their class as well
    expect(marks(g, 1, 6)).toBe(0);
    expect(buildGraph(readOsm(new TextEncoder().encode(XML), 'x.osm'), 'ebike').wheelchair).toBe(
      undefined,
    );
  });

  it('keeps the marks through the binary file; files without them still load', () => {
    const g = graph();
    const decoded = decodeGraph(encodeGraph(g));
    expect(Array.from(decoded.wheelchair ?? [])).toEqual(Array.from(g.wheelchair ?? []));
    const { wheelchair: _dropped, ...older } = g;
    const plain = decodeGraph(encodeGraph(older));
    expect(plain.wheelchair).toBeUndefined();
    expect(Array.from(plain.targets)).toEqual(Array.from(g.targets));
  });

  it('the wheelchair overlay closes marked segments and steps; closeSteps only steps', () => {
    const g = graph();
    const from = g.nodeOsmId.indexOf(3);
    const reach = (options: Parameters<typeof buildOverlay>[2]) => {
      const search = new ShortestPathSearch(g);
      search.setOverlay(buildOverlay(g, emptySpec(), options));
      search.seed(from, 0, 0);
      search.run(Number.POSITIVE_INFINITY, 'heap');
      return [1, 2, 3, 4, 5, 6].map((id) => Number.isFinite(search.dist[g.nodeOsmId.indexOf(id)]));
    };
    expect(reach({})).toEqual([true, true, true, true, true, true]);
    expect(reach({ closeSteps: true })).toEqual([true, true, true, true, true, true]);
    // From 3: the steep ramp (2—3) and the kerb (4—5) are closed, so only 4 is left.
    expect(reach({ wheelchair: true })).toEqual([false, false, true, true, false, false]);
  });
});
