import type { CityInput } from '../coverage/types.ts';
import { InputError } from '../errors.ts';
import { profileGraph } from '../graph/step-free.ts';
import type { NetworkProfile, RoadGraph } from '../graph/types.ts';
import type { CellLinks } from '../routing/cell-links.ts';
import { changedElements } from '../routing/edits/overlay.ts';
import { type EditNote, overlayFor } from '../routing/edits/resolve.ts';
import type { NetworkOverlay } from '../routing/edits/types.ts';
import {
  type RouteNetwork,
  routeNetwork,
  type TravelProfileName,
  travelProfile,
} from '../routing/profiles.ts';
import { LiveCoverage } from '../siting/live-coverage.ts';
import { applyScenario, resolveSettings } from '../siting/scenario-apply.ts';
import { diffFacilities } from '../siting/scenario-diff.ts';
import { networkModifications } from '../siting/scenario-network.ts';
import type { Scenario, SiteFacility } from '../siting/scenario-types.ts';

/**
 * Live recompute of one scenario (pure: runs in the worker and in Node tests), over
 * LiveCoverage. An edit diffs the new register against the one shown and routes only added or
 * moved sites (one bounded search each). A street-network edit (add-link, close-link) swaps
 * the network overlay and reroutes only the sites whose reach can touch the changed elements
 * (LiveCoverage.affectedBy states the rule). A walking-speed or travel-profile change reroutes
 * everything, as every travel time changes (the cell links of each network are kept).
 */
export interface LiveNumbers {
  thresholds: number[];
  totalElders: number;
  /** Elders (60+) within each threshold, same order as thresholds. */
  covered: number[];
  facilities: number;
  floorAreaM2: number;
  /** Facility floor area per resident, m². */
  m2PerResident: number | null;
}

export interface LiveUpdate extends LiveNumbers {
  /** Time spent in the worker on this edit (apply, diff, routing, coverage), ms. */
  ms: number;
  /** Modifications of the scenario these numbers are for (readers tell a stale answer). */
  modifications: number;
  /** Sites routed for this edit (the searches the edit touched). */
  routed: number;
  walkingSpeedMps: number;
  travelProfile: TravelProfileName;
  /** Cells whose best time differs from the baseline: [h3, baseline minutes, scenario minutes]. */
  changedCells: [string, number | null, number | null][];
  /** Network edits in force on the routed network (links added + road segments closed). */
  networkEdits: number;
  /** Edits the graph cannot represent (set-barrier choices without barrier data). */
  networkNotes: EditNote[];
}

export class LiveSession {
  private readonly baseline: SiteFacility[];
  private readonly residents: number;
  private live: LiveCoverage;
  private current: SiteFacility[];
  private speed: number;
  private travel: TravelProfileName = 'walk-elderly';
  private readonly linksByNetwork = new Map<RouteNetwork, CellLinks>();
  private readonly baselineBest: Float32Array;
  private overlay: NetworkOverlay | null = null;

  /** `graphOf`: the ebike/drive graphs for a travel-profile change (absent = walking only). */
  constructor(
    private readonly input: CityInput,
    private readonly graph: RoadGraph,
    links: CellLinks | undefined,
    private readonly thresholds: number[],
    private readonly baselineSpeed: number,
    private readonly graphOf?: (network: NetworkProfile) => RoadGraph | undefined,
  ) {
    this.baseline = input.facilities.map((f) => ({ ...f }));
    this.residents = input.cells.reduce((sum, c) => sum + c.residents, 0);
    this.speed = baselineSpeed;
    this.current = this.baseline;
    this.live = new LiveCoverage(input, graph, this.baseline, {
      thresholds,
      walkingSpeedMps: baselineSpeed,
      ...(links === undefined ? {} : { links }),
    });
    this.linksByNetwork.set(graph.network, this.live.links);
    this.baselineBest = Float32Array.from(this.live.state.bestMinutesView());
  }

  /** The baseline register (copies; the session never edits it). */
  baselineFacilities(): SiteFacility[] {
    return this.baseline;
  }

  numbers(): LiveNumbers {
    return this.numbersOf(this.current);
  }

  evaluate(scenario: Pick<Scenario, 'modifications'>): LiveUpdate {
    const t0 = performance.now();
    const next = applyScenario(this.baseline, scenario);
    const settings = resolveSettings(
      { walkingSpeedMps: this.baselineSpeed, profile: '', travelProfile: 'walk-elderly' },
      scenario,
    );
    const travel = settings.travelProfile ?? 'walk-elderly';
    const graph = this.graphFor(travel);
    const route = routeNetwork(travelProfile(travel));
    const edits = overlayFor(graph, networkModifications(scenario), {
      noStepLinks: route === 'walk-step-free',
    });
    let routed: number;
    if (settings.walkingSpeedMps !== this.speed || travel !== this.travel) {
      const links = this.linksByNetwork.get(route);
      this.live = new LiveCoverage(this.input, graph, next, {
        thresholds: this.thresholds,
        walkingSpeedMps: settings.walkingSpeedMps,
        travelProfile: travel,
        overlay: edits.overlay,
        ...(links === undefined ? {} : { links }),
      });
      this.overlay = edits.overlay;
      this.linksByNetwork.set(route, this.live.links);
      this.speed = settings.walkingSpeedMps;
      this.travel = travel;
      routed = next.length;
    } else {
      const byId = new Map(next.map((f) => [f.id, f]));
      const diff = diffFacilities(this.current, next);
      // Network first: sites the diff reroutes anyway are routed once, on the new network.
      const routedByDiff = new Set([...diff.added, ...diff.moved, ...diff.removed]);
      const changed = changedElements(this.overlay, edits.overlay);
      routed = this.live.setOverlay(edits.overlay, changed, routedByDiff).length;
      this.overlay = edits.overlay;
      routed += this.live.applyDiff(diff, (id) => {
        const facility = byId.get(id);
        if (facility === undefined) throw new Error(`no facility ${id}`);
        return facility;
      });
    }
    this.live.state.drainChangedCells();
    this.current = next;
    return {
      ...this.numbersOf(next),
      ms: performance.now() - t0,
      modifications: scenario.modifications.length,
      routed,
      walkingSpeedMps: this.speed,
      travelProfile: this.travel,
      changedCells: this.changedVsBaseline(),
      networkEdits:
        (this.overlay?.spec.links.length ?? 0) + (this.overlay?.spec.closedEdges.length ?? 0),
      networkNotes: edits.notes,
    };
  }

  /** The graph a travel profile routes on (the walk graph without steps for wheelchair). */
  private graphFor(travel: TravelProfileName): RoadGraph {
    const profile = travelProfile(travel);
    const { network } = profile;
    const base = network === this.graph.network ? this.graph : this.graphOf?.(network);
    const graph = base === undefined ? undefined : profileGraph(base, profile);
    if (graph === undefined) {
      throw new InputError(
        'E_NO_GRAPH',
        `the ${network} road network of this city is not loaded, so ${travel} cannot be evaluated`,
      );
    }
    return graph;
  }

  private numbersOf(facilities: readonly SiteFacility[]): LiveNumbers {
    const floorAreaM2 = facilities.reduce((sum, f) => sum + (f.floorAreaM2 ?? 0), 0);
    const { total, covered } = this.live.numbers();
    return {
      thresholds: [...this.thresholds],
      totalElders: total,
      covered,
      facilities: facilities.length,
      floorAreaM2,
      m2PerResident: this.residents > 0 ? floorAreaM2 / this.residents : null,
    };
  }

  /** Cells whose best time differs from the baseline (O(cells); the demo has a few hundred). */
  private changedVsBaseline(): [string, number | null, number | null][] {
    const best = this.live.state.bestMinutesView();
    const out: [string, number | null, number | null][] = [];
    const asNumber = (m: number) => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);
    for (let c = 0; c < best.length; c++) {
      if (best[c] !== this.baselineBest[c]) {
        out.push([this.input.cells[c].h3, asNumber(this.baselineBest[c]), asNumber(best[c])]);
      }
    }
    return out;
  }
}
