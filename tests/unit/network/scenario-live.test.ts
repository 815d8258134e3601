import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../analysis/geo.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { overlayFor } from '../../../analysis/routing/edits/resolve.ts';
import { LiveCoverage } from '../../../analysis/siting/live-coverage.ts';
import { networkModifications } from '../../../analysis/siting/scenario-network.ts';
import type { Modification } from '../../../analysis/siting/scenario-types.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';
import { type HandCity, handCells, handCity } from './hand-city.ts';

const THRESHOLDS = [5, 10];
const ELDERS = [10, 20, 40, 80];

/**
 * A wall: site S at node 0; node 2 lies next door but 500 m round (0 —250— 1 —250— 2), node 3
 * hangs 100 m off node 2. 5 minutes of walk-elderly = 300.
 */
function wall(): HandCity {
  const city = handCity(
    handCells(4),
    [
      [0, 1, 250],
      [1, 2, 250],
      [2, 3, 100],
    ],
    ELDERS,
  );
  city.input.facilities = [city.site('S', 0)];
  return city;
}

function session(city: HandCity) {
  return new LiveSession(city.input, city.graph, undefined, THRESHOLDS, 1.0);
}

/** Best minutes per cell of a fresh LiveCoverage on the scenario's overlay (a full recompute). */
function fromScratch(city: HandCity, modifications: Modification[]) {
  const { overlay } = overlayFor(city.graph, networkModifications({ modifications }));
  const live = new LiveCoverage(city.input, city.graph, city.input.facilities, {
    thresholds: THRESHOLDS,
    overlay,
  });
  return { covered: live.numbers().covered, best: Array.from(live.state.bestMinutesView()) };
}

const gate = (from: [number, number], to: [number, number]): Modification => ({
  kind: 'add-link',
  id: `L${from.join()}${to.join()}`,
  linkType: 'gate',
  from,
  to,
  networks: ['walk'],
});

function snapshot(graph: RoadGraph): number[][] {
  return [
    graph.nodeLon,
    graph.nodeLat,
    graph.offsets,
    graph.targets,
    graph.lengthM,
    graph.costS,
    graph.highway,
  ].map((a) => Array.from(a));
}

describe('network edits in the live session (hand-made graphs)', () => {
  it('baseline: node 2 at 500 s, node 3 at 600 s: only 0 and 1 within 5 minutes', () => {
    const city = wall();
    const numbers = session(city).evaluate({ modifications: [] });
    expect(numbers.covered).toEqual([10 + 20, 10 + 20 + 40 + 80]);
  });

  it('a gate from node 0 to node 2 brings 2 to d/60 min and 3 to (d + 100)/60 min', () => {
    const city = wall();
    const d = haversineM(...city.at(0), ...city.at(2));
    const s = session(city);
    const update = s.evaluate({ modifications: [gate(city.at(0), city.at(2))] });
    // d ≈ 114 m, so 2 and 3 are both within 5 minutes now.
    expect(d + 100).toBeLessThan(300);
    expect(update.covered).toEqual([150, 150]);
    const byCell = new Map(update.changedCells.map(([h3, , after]) => [h3, after]));
    expect(byCell.get(city.input.cells[2].h3)).toBeCloseTo(Math.round((d / 60) * 10) / 10, 9);
    expect(byCell.get(city.input.cells[3].h3)).toBeCloseTo(
      Math.round(((d + 100) / 60) * 10) / 10,
      9,
    );
    expect(update.routed).toBe(1);
    expect(update.networkEdits).toBe(1);
  });

  it('a link landing inside 1—2 at t reaches 2 at d + (1 − t)·250 and 1 at min(250, d + t·250)', () => {
    const city = wall();
    const [a, b] = [city.at(1), city.at(2)];
    const t = 0.8;
    const p: [number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const d = haversineM(...city.at(0), ...p);
    const mods = [gate(city.at(0), p)];
    const { best } = fromScratch(city, mods);
    // The cells are in handCells order; node i = cell i. Edge 1—2 may be stored either way.
    expect(best[2] * 60).toBeCloseTo(d + (1 - t) * 250, 3);
    expect(best[1] * 60).toBeCloseTo(Math.min(250, d + t * 250), 3);
    expect(best[3] * 60).toBeCloseTo(d + (1 - t) * 250 + 100, 3);
    expect(session(city).evaluate({ modifications: mods }).covered).toEqual(
      fromScratch(city, mods).covered,
    );
  });

  it('closing the only road out of a site cuts it off from what lies beyond', () => {
    const city = wall();
    city.input.facilities = [city.site('T', 3)];
    const s = session(city);
    // From node 3: 2 at 100, 1 at 350, 0 at 600.
    expect(s.evaluate({ modifications: [] }).covered).toEqual([80 + 40, 150]);
    const close: Modification = {
      kind: 'close-link',
      id: 'C',
      networks: ['walk'],
      from: city.at(1),
      to: city.at(2),
    };
    const update = s.evaluate({ modifications: [close] });
    expect(update.covered).toEqual([120, 120]);
    expect(update.covered).toEqual(fromScratch(city, [close]).covered);
    // Closed for driving only: nothing changes on foot.
    const drive = { ...close, networks: ['drive' as const] };
    expect(s.evaluate({ modifications: [drive] }).covered).toEqual([120, 150]);
  });

  it('a site whose own street is closed joins the nearest open street', () => {
    const city = wall();
    city.input.facilities = [city.site('T', 3)];
    const close: Modification = {
      kind: 'close-link',
      id: 'C',
      networks: ['walk'],
      from: city.at(2),
      to: city.at(3),
    };
    const update = session(city).evaluate({ modifications: [close] });
    expect(update.covered).toEqual(fromScratch(city, [close]).covered);
    // Cell 3 is the site's own cell: reached at the straight walk to the next street and back.
    expect(update.covered[1]).toBeGreaterThanOrEqual(80);
  });

  it('a home whose street is closed joins the nearest open street, and the live update sees it', () => {
    // Two equal pieces: 0 —100— 1 with the site, and 2 —100— 3 with homes only.
    const c0 = latLngToCell(32.04, 118.78, 10);
    const ring1 = gridDisk(c0, 1)
      .filter((c) => c !== c0)
      .sort();
    const c3 = gridDisk(ring1[1], 1)
      .filter((c) => gridDistance(c0, c) === 2)
      .sort()[0];
    const city = handCity(
      [c0, ring1[0], ring1[1], c3],
      [
        [0, 1, 100],
        [2, 3, 100],
      ],
      [10, 20, 40, 80],
    );
    city.input.facilities = [city.site('S', 0)];
    const s = session(city);
    expect(s.evaluate({ modifications: [] }).covered).toEqual([30, 30]);
    const close: Modification = {
      kind: 'close-link',
      id: 'C',
      networks: ['walk'],
      from: city.at(2),
      to: city.at(3),
    };
    const update = s.evaluate({ modifications: [close] });
    // Homes 2 and 3 now walk straight to the segment 0—1 (at most ≈ 230 m): within 10 minutes.
    expect(update.covered[1]).toBe(150);
    expect(update.covered).toEqual(fromScratch(city, [close]).covered);
    expect(s.evaluate({ modifications: [] }).covered).toEqual([30, 30]);
  });

  it('a second link landing on a segment the site reaches only through the first is seen live', () => {
    // Site at 4 —50— 0 —700— 1 —1000— 2 —700— 3: neither 1 nor 2 within 10 minutes of it.
    const c0 = latLngToCell(32.04, 118.78, 10);
    const ring1 = gridDisk(c0, 1)
      .filter((c) => c !== c0)
      .sort();
    const far = gridDisk(ring1[0], 1)
      .filter((c) => gridDistance(c0, c) === 2)
      .sort();
    const city = handCity(
      [c0, ring1[0], far[0], far[1], ring1.find((c) => gridDistance(c, ring1[0]) > 1) as string],
      [
        [4, 0, 50],
        [0, 1, 700],
        [1, 2, 1000],
        [2, 3, 700],
      ],
      [10, 20, 40, 80, 5],
    );
    city.input.facilities = [city.site('S', 4)];
    const along = (t: number): [number, number] => {
      const [a, b] = [city.at(1), city.at(2)];
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    };
    const first = gate(city.at(0), along(0.5));
    const second = gate(along(0.6), city.at(3));
    const d1 = haversineM(...city.at(0), ...along(0.5));
    const d2 = haversineM(...along(0.6), ...city.at(3));
    expect(50 + d1 + 500).toBeGreaterThan(600); // 1 and 2 stay out of reach
    expect(50 + d1 + 100 + d2).toBeLessThan(600); // 3 comes within 10 minutes through both
    const s = session(city);
    s.evaluate({ modifications: [first] });
    const update = s.evaluate({ modifications: [first, second] });
    expect(update.covered).toEqual(fromScratch(city, [first, second]).covered);
    expect(update.covered[1]).toBe(5 + 10 + 80);
  });

  it('a link that shortens no route re-searches nothing; one that does, only its site', () => {
    // 0 —100— 1 —100— 2 with c0, c1 neighbours (≈114 m apart) and 2 a ring-2 cell.
    const c0 = latLngToCell(32.04, 118.78, 10);
    const c1 = gridDisk(c0, 1)
      .filter((c) => c !== c0)
      .sort()[0];
    const c2 = gridDisk(c1, 1)
      .filter((c) => gridDistance(c0, c) === 2)
      .sort()[0];
    const city = handCity(
      [c0, c1, c2],
      [
        [0, 1, 100],
        [1, 2, 500],
      ],
      [10, 20, 40],
    );
    city.input.facilities = [city.site('S', 0)];
    const s = session(city);
    s.evaluate({ modifications: [] });
    const useless = gate(city.at(0), city.at(1)); // ≈114 m against 100 along the road
    expect(haversineM(...city.at(0), ...city.at(1))).toBeGreaterThan(100);
    const none = s.evaluate({ modifications: [useless] });
    expect(none.routed).toBe(0);
    expect(none.covered).toEqual(fromScratch(city, [useless]).covered);
    const useful = gate(city.at(0), city.at(2)); // ≈200 m against 600
    const some = s.evaluate({ modifications: [useless, useful] });
    expect(some.routed).toBe(1);
    expect(some.covered).toEqual(fromScratch(city, [useless, useful]).covered);
    expect(some.covered[0]).toBe(70);
  });

  it('only sites whose reach touches the changed edge are rerouted', () => {
    // Two far-apart pieces joined by a 2 km road: a site on each; a gate on the east piece.
    const city = handCity(
      handCells(6),
      [
        [0, 1, 250],
        [1, 2, 2000],
        [2, 3, 250],
        [3, 4, 250],
        [4, 5, 100],
      ],
      [10, 10, 10, 10, 10, 10],
    );
    city.input.facilities = [city.site('W', 0), city.site('E', 3)];
    const s = session(city);
    s.evaluate({ modifications: [] });
    const mods = [gate(city.at(3), city.at(5))];
    const update = s.evaluate({ modifications: mods });
    expect(update.routed).toBe(1);
    expect(update.covered).toEqual(fromScratch(city, mods).covered);
  });

  it('apply then undo: the baseline arrays are identical and the numbers return', () => {
    const city = wall();
    const before = snapshot(city.graph);
    const s = session(city);
    const start = s.evaluate({ modifications: [] });
    const mods: Modification[] = [
      gate(city.at(0), city.at(2)),
      { kind: 'close-link', id: 'C', networks: ['walk'], from: city.at(0), to: city.at(1) },
    ];
    for (let k = 1; k <= mods.length; k++) s.evaluate({ modifications: mods.slice(0, k) });
    for (let k = mods.length - 1; k >= 0; k--) s.evaluate({ modifications: mods.slice(0, k) });
    const end = s.evaluate({ modifications: [] });
    expect(end.covered).toEqual(start.covered);
    expect(end.changedCells).toEqual([]);
    expect(snapshot(city.graph)).toEqual(before);
  });
});
