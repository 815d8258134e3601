import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityInput } from '../../../analysis/coverage/types.ts';
import { haversineM } from '../../../analysis/geo.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import { buildOverlay } from '../../../analysis/routing/edits/overlay.ts';
import { overlayFor } from '../../../analysis/routing/edits/resolve.ts';
import { edgeTopology } from '../../../analysis/routing/topology.ts';
import { LiveCoverage } from '../../../analysis/siting/live-coverage.ts';
import { networkModifications } from '../../../analysis/siting/scenario-network.ts';
import type { Modification } from '../../../analysis/siting/scenario-types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { analyseScenario } from '../../../analysis/workflows/analyse-scenario.ts';
import { LiveSession } from '../../../analysis/workflows/live-session.ts';
import { readCityInput } from '../../../scripts/analyse/read-city.ts';
import { NodeRunner } from '../../../scripts/db/node-runner.ts';
import { loadCityGraph } from '../../../scripts/routing/city-graph.ts';
import { seededRandom } from '../siting/helpers.ts';

const CITY = 'data/nanjing-xinjiekou';
const THRESHOLDS = [5, 10, 15];

let input: CityInput;
let graph: RoadGraph;
let runner: NodeRunner;

beforeAll(async () => {
  input = readCityInput(CITY);
  graph = loadCityGraph(CITY, 'walk');
  runner = await NodeRunner.open();
});
afterAll(() => runner.close());

const at = (node: number): [number, number] => [graph.nodeLon[node], graph.nodeLat[node]];

/** Full recompute: a fresh LiveCoverage on the scenario's overlay. */
function fromScratch(modifications: Modification[]) {
  const { overlay } = overlayFor(graph, networkModifications({ modifications }));
  const live = new LiveCoverage(input, graph, input.facilities, {
    thresholds: THRESHOLDS,
    overlay,
  });
  return { covered: live.numbers().covered, best: Array.from(live.state.bestMinutesView()) };
}

/** Random edits: short links between nearby nodes, closures at segment midpoints. */
function randomEdit(random: () => number, k: number): Modification {
  const { source } = edgeTopology(graph);
  if (random() < 0.5) {
    for (;;) {
      const a = Math.floor(random() * graph.nodeCount);
      const b = Math.floor(random() * graph.nodeCount);
      const metres = haversineM(...at(a), ...at(b));
      if (a !== b && metres > 5 && metres < 120) {
        return {
          kind: 'add-link',
          id: `L${k}`,
          linkType: 'passage',
          from: at(a),
          to: at(b),
          networks: ['walk'],
        };
      }
    }
  }
  const e = Math.floor(random() * graph.edgeCount);
  const [u, v] = [source[e], graph.targets[e]];
  const mid: [number, number] = [
    (graph.nodeLon[u] + graph.nodeLon[v]) / 2,
    (graph.nodeLat[u] + graph.nodeLat[v]) / 2,
  ];
  return { kind: 'close-link', id: `C${k}`, networks: ['walk'], at: mid };
}

describe('network edits on the demo city', () => {
  it('the overlay engine with nothing edited gives the baseline numbers exactly', () => {
    const plain = new LiveCoverage(input, graph, input.facilities, { thresholds: THRESHOLDS });
    const empty = buildOverlay(graph, { links: [], closedEdges: [] });
    const edited = new LiveCoverage(input, graph, input.facilities, {
      thresholds: THRESHOLDS,
      overlay: empty,
    });
    expect(Array.from(edited.state.bestMinutesView())).toEqual(
      Array.from(plain.state.bestMinutesView()),
    );
  });

  it('after random link edits, closures and undos the live session equals a full recompute', () => {
    const session = new LiveSession(input, graph, undefined, THRESHOLDS, 1.0);
    const baseline = fromScratch([]).best;
    const round = (m: number) => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);
    const random = seededRandom(15);
    let mods: Modification[] = [];
    let routed = 0;
    let steps = 0;
    for (let k = 0; k < 40; k++) {
      mods =
        random() < 0.25 && mods.length > 0 ? mods.slice(0, -1) : [...mods, randomEdit(random, k)];
      let update: ReturnType<LiveSession['evaluate']>;
      try {
        update = session.evaluate({ modifications: mods });
      } catch {
        mods = mods.slice(0, -1); // a closure point off every road: refused, dropped
        continue;
      }
      const full = fromScratch(mods);
      for (const [t, c] of update.covered.entries()) expect(c).toBeCloseTo(full.covered[t], 6);
      // Every cell's time, not only the totals (as the changed-cell list reports them).
      const expected = full.best.flatMap((m, c) =>
        m === baseline[c] ? [] : [[input.cells[c].h3, round(baseline[c]), round(m)]],
      );
      expect(update.changedCells).toEqual(expected);
      routed += update.routed;
      steps++;
    }
    expect(steps).toBeGreaterThan(25);
    // Only searches the edits could touch were redone.
    expect(routed).toBeLessThan(steps * input.facilities.length);
  });

  it('analyseScenario routes on the overlay: its 5-minute coverage equals the live figure', async () => {
    const profile = builtInProfile('huaihua-2020');
    const context = {
      input,
      graph: async () => graph,
      networks: ['walk' as const],
      runner,
      profile,
    };
    // A passage between two nodes about 50 m apart but far along the network, near a site.
    const session = new LiveSession(
      input,
      graph,
      undefined,
      THRESHOLDS,
      profile.settings.walkingSpeedMps,
    );
    const base = session.evaluate({ modifications: [] });
    const link: Modification = {
      kind: 'add-link',
      id: 'P1',
      linkType: 'passage',
      from: at(0),
      to: at(1),
      networks: ['walk'],
    };
    const live = session.evaluate({ modifications: [link] });
    const analysis = await analyseScenario(context, { modifications: [link] }, { skipCells: true });
    expect(analysis.editedNetworks).toEqual(['walk']);
    const row = analysis.result.coverage.find(
      (c) =>
        c.scope === 'city' && c.kind === 'all' && c.minutes === 5 && c.profile === 'walk-elderly',
    );
    expect(row?.elders60Covered).toBeCloseTo(live.covered[0], 6);
    expect(base.covered[0]).toBeLessThanOrEqual(live.covered[0]);
  });

  it('a set-barrier the graph cannot represent leaves that network unevaluated, never passed', async () => {
    const profile = builtInProfile('huaihua-2020');
    const context = {
      input,
      graph: async () => graph,
      networks: ['walk' as const],
      runner,
      profile,
    };
    const open: Modification = {
      kind: 'set-barrier',
      networks: ['walk'],
      barriers: 'ignore',
      privateAccess: 'ignore',
    };
    const analysis = await analyseScenario(context, { modifications: [open] }, { skipCells: true });
    expect(analysis.networkNotes.map((n) => n.code)).toEqual(['W_BARRIERS_NOT_IN_GRAPH']);
    expect(analysis.unavailable).toContain('walk-elderly');
    const coverageFindings = (a: typeof analysis) =>
      a.result.summary.findings.filter((f) => f.kind === 'coverage_share');
    const baseline = await analyseScenario(context, { modifications: [] }, { skipCells: true });
    const evaluated = coverageFindings(baseline).filter((f) => f.status !== 'not_evaluable');
    expect(evaluated.length).toBeGreaterThan(0);
    // The same findings, on the network the scenario asked for, cannot be evaluated.
    const after = new Map(
      coverageFindings(analysis).map((f) => [`${f.rule}|${f.scope}|${f.unitId}`, f]),
    );
    for (const f of evaluated) {
      expect(after.get(`${f.rule}|${f.scope}|${f.unitId}`)?.status).toBe('not_evaluable');
    }
  });
});
