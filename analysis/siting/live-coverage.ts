import { cityCells } from '../coverage/city-cells.ts';
import type { CityInput } from '../coverage/types.ts';
import { isStepFreeGraph } from '../graph/step-free.ts';
import type { RoadGraph } from '../graph/types.ts';
import { type CellLinks, cellLinks } from '../routing/cell-links.ts';
import { relinkChanges } from '../routing/edits/open-snap.ts';
import { OverlaySurface } from '../routing/edits/overlay-surface.ts';
import { ReachMemory } from '../routing/edits/reach-memory.ts';
import type { NetworkOverlay, OverlayElement } from '../routing/edits/types.ts';
import {
  costToMinutes,
  minutesToCost,
  routeNetwork,
  type TravelProfile,
  type TravelProfileName,
  travelProfileAt,
} from '../routing/profiles.ts';
import { type SurfaceEngine, snapOrigins, surfaceEngine } from '../routing/surface.ts';
import { CoverageState } from './coverage-state.ts';
import type { IndexedReach } from './coverage-update.ts';
import { type FacilityDiff, facilitiesToRoute, facilitiesToWithdraw } from './scenario-diff.ts';

/**
 * Live recompute for scenario editing: a CoverageState over the city's population cells kept
 * up to date one site at a time. An edit routes only the site it touches (one bounded search of
 * the allocation-free surface engine, written into reusable buffers) and updates coverage in
 * O(that site's reach). Cell positions are shared by the routing links and the state (both are
 * positions in `input.cells`), so no H3 string is touched per edit.
 */
export interface LiveSite {
  id: string;
  lon: number;
  lat: number;
}

export interface LiveCoverageOptions {
  /** Ascending thresholds in minutes (walk-elderly), e.g. [5, 10, 15, 30]. */
  thresholds: readonly number[];
  /** Elderly walking speed, m/s (default 1.0); used by walk-elderly only. */
  walkingSpeedMps?: number;
  /**
   * Travel profile (default walk-elderly). The graph given must be this profile's network
   * (travelProfile(name).network): walk for the walking profiles, ebike, drive.
   */
  travelProfile?: TravelProfileName;
  /** Demand per cell, by position (default elders60). */
  weights?: ArrayLike<number>;
  /** Links over input.cells (reuse across sessions: they depend on graph and cells only). */
  links?: CellLinks;
  maxSnapM?: number;
  /** The edited street network to route on (analysis/routing/edits); absent = the baseline. */
  overlay?: NetworkOverlay | null;
}

export interface LiveNumbers {
  thresholds: number[];
  /** Sum of weights (elders) in the city. */
  total: number;
  /** Weight within each threshold of at least one site, same order as thresholds. */
  covered: number[];
  share: number[];
}

export class LiveCoverage {
  readonly state: CoverageState;
  readonly links: CellLinks;
  private readonly profile: TravelProfile;
  private readonly maxCost: number;
  private readonly engine: SurfaceEngine;
  /** Routes instead of `engine` once the network is edited. */
  private overlayEngine: OverlaySurface | null = null;
  private readonly sites = new Map<string, LiveSite>();
  /** What each site's last search reached (which sites a street edit can affect). */
  private readonly memory: ReachMemory;
  private readonly cells: Int32Array;
  private readonly minutes: Float64Array;

  constructor(
    input: CityInput,
    private readonly graph: RoadGraph,
    sites: readonly LiveSite[],
    options: LiveCoverageOptions,
  ) {
    // The coverage engine's cell list: its centres (and links' snapping input) are memoised.
    const h3 = cityCells(input.cells).h3;
    this.links =
      options.links ??
      cellLinks(graph, { resolution: input.h3Resolution, cells: h3, maxSnapM: options.maxSnapM });
    if (this.links.cells.length !== h3.length) {
      throw new Error('LiveCoverage: links were built for another cell list');
    }
    const weights = options.weights ?? input.cells.map((c) => c.elders60);
    this.state = new CoverageState(h3, weights, { thresholds: options.thresholds });
    const name = options.travelProfile ?? 'walk-elderly';
    this.profile = travelProfileAt(name, options.walkingSpeedMps);
    if (
      graph.network !== this.profile.network ||
      isStepFreeGraph(graph) !== this.profile.stepFree
    ) {
      throw new Error(`LiveCoverage: ${name} needs the ${routeNetwork(this.profile)} graph`);
    }
    this.maxCost = minutesToCost(this.profile, this.state.thresholds.at(-1) ?? 0);
    this.engine = surfaceEngine(this.links);
    this.cells = new Int32Array(h3.length);
    this.minutes = new Float64Array(h3.length);
    this.memory = new ReachMemory(graph.nodeCount);
    if (options.overlay) this.routeOn(options.overlay);
    for (const site of sites) this.addSite(site);
    this.state.drainChangedCells();
  }

  /**
   * One site's reach: cell positions and minutes within the largest threshold (empty when the
   * site is farther than the snap limit from every road). The arrays are views into buffers
   * reused by the next call.
   */
  route(site: LiveSite): IndexedReach {
    const { snapped: onBaseline } = snapOrigins(this.graph, [site], this.links.maxSnapM);
    const baselineEdge = onBaseline[0]?.snap.edge ?? -1;
    // On an edited network a site whose street is closed joins the nearest open one.
    const snapped = this.overlayEngine ? this.overlayEngine.snap([site]).snapped : onBaseline;
    if (snapped.length === 0) {
      this.memory.rememberNothing(site.id, [baselineEdge]);
      return { cells: this.cells.subarray(0, 0), minutes: this.minutes.subarray(0, 0) };
    }
    const engine = this.overlayEngine ?? this.engine;
    engine.compute(snapped, this.profile, this.maxCost);
    this.memory.remember(
      site.id,
      [baselineEdge, snapped[0].snap.edge],
      engine.search,
      (node) => this.overlayEngine?.segmentEnds(node) ?? [],
    );
    let n = 0;
    for (let k = 0; k < engine.touchedCellCount; k++) {
      const c = engine.touchedCells[k];
      const cost = engine.cellCost[c];
      if (cost <= this.maxCost) {
        this.cells[n] = c;
        this.minutes[n++] = costToMinutes(this.profile, cost);
      }
    }
    return { cells: this.cells.subarray(0, n), minutes: this.minutes.subarray(0, n) };
  }

  /** Routes on an edited network from now on (sites already routed keep their reach). */
  private routeOn(overlay: NetworkOverlay | null): void {
    if (overlay === null) {
      this.overlayEngine = null;
      return;
    }
    this.overlayEngine ??= new OverlaySurface(this.links);
    this.overlayEngine.setOverlay(overlay);
  }

  /** Sites whose reach a change of network elements can alter (touch rule, reach-memory.ts). */
  affectedBy(elements: readonly OverlayElement[]): string[] {
    return this.memory.touchedBy(this.sites.keys(), elements);
  }

  /**
   * Switches to another edited network (null: the baseline) and reroutes only the sites the
   * changed elements can affect (affectedBy), counting as changed also the cells that join
   * another segment because theirs closed or reopened, and the sites whose own street did;
   * except those in `skip` (the caller reroutes or drops them next). Returns the ids rerouted.
   */
  setOverlay(
    overlay: NetworkOverlay | null,
    changed: { added: readonly OverlayElement[]; removed: readonly OverlayElement[] },
    skip: ReadonlySet<string> = new Set(),
  ): string[] {
    const relinkedBefore = this.overlayEngine?.relinks() ?? new Map();
    const closedBefore = this.overlayEngine?.closedMask() ?? null;
    this.routeOn(overlay);
    const relinkedAfter = this.overlayEngine?.relinks() ?? new Map();
    const moved = relinkChanges(this.links, relinkedBefore, relinkedAfter);
    const links = changed.added.flatMap((e) => (e.link ? [e.link] : []));
    const onlyLinksAdded =
      changed.removed.length === 0 && moved.length === 0 && links.length === changed.added.length;
    const affected = new Set(
      onlyLinksAdded
        ? this.memory.improvedBy(this.sites.keys(), links, this.maxCost)
        : this.affectedBy([...changed.removed, ...changed.added, ...moved]),
    );
    // A site whose street is closed (before or now) may join another street.
    const closedAfter = overlay?.closed ?? null;
    for (const [id, site] of closedBefore === null && closedAfter === null ? [] : this.sites) {
      const [baselineEdge, current] = this.memory.snapEdgesOf(id);
      if (affected.has(id) || baselineEdge < 0) continue;
      if (closedBefore?.[baselineEdge] !== 1 && closedAfter?.[baselineEdge] !== 1) continue;
      const now = this.overlayEngine?.snap([site]).snapped[0]?.snap.edge ?? baselineEdge;
      if (now !== current) affected.add(id);
    }
    const rerouted = [...affected].filter((x) => !skip.has(x));
    for (const id of rerouted) {
      const site = this.sites.get(id) as LiveSite;
      this.state.removeFacility(id);
      this.addSite(site);
    }
    return rerouted;
  }

  has(id: string): boolean {
    return this.sites.has(id);
  }

  /** Adds (or replaces) a site and routes it. */
  addSite(site: LiveSite): void {
    const reach = this.route(site);
    this.state.addFacility(site.id, reach.cells, reach.minutes);
    this.sites.set(site.id, { id: site.id, lon: site.lon, lat: site.lat });
  }

  moveSite(id: string, lon: number, lat: number): void {
    if (!this.sites.has(id)) throw new Error(`LiveCoverage: no site ${id}`);
    this.state.removeFacility(id);
    this.addSite({ id, lon, lat });
  }

  closeSite(id: string): boolean {
    this.sites.delete(id);
    this.memory.forget(id);
    return this.state.removeFacility(id);
  }

  /**
   * Brings the state to a new register given as a diff (scenario-diff.ts): withdraws removed
   * and moved sites, routes added and moved ones. Returns how many sites were routed.
   */
  applyDiff(diff: FacilityDiff, siteOf: (id: string) => LiveSite): number {
    for (const id of facilitiesToWithdraw(diff)) this.closeSite(id);
    const routed = facilitiesToRoute(diff);
    for (const id of routed) this.addSite(siteOf(id));
    return routed.length;
  }

  numbers(): LiveNumbers {
    const thresholds = [...this.state.thresholds];
    return {
      thresholds,
      total: this.state.total,
      covered: thresholds.map((_, t) => this.state.coveredWeight(t)),
      share: thresholds.map((_, t) => this.state.coveredShare(t)),
    };
  }
}

/** Live coverage of a city's register (input.facilities) on its walk graph. */
export function liveCoverage(
  input: CityInput,
  walkGraph: RoadGraph,
  options: LiveCoverageOptions,
): LiveCoverage {
  return new LiveCoverage(input, walkGraph, input.facilities, options);
}
