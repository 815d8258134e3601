import type { CityInput } from '../../../analysis/coverage/types.ts';
import type { RoadGraph } from '../../../analysis/graph/types.ts';
import type { CellLinks } from '../../../analysis/routing/cell-links.ts';
import { travelProfile } from '../../../analysis/routing/profiles.ts';
import { facilityReach } from '../../../analysis/routing/reach.ts';
import { CoverageState } from '../../../analysis/siting/coverage-state.ts';
import { updateCoverage } from '../../../analysis/siting/coverage-update.ts';
import { applyScenario, resolveSettings } from '../../../analysis/siting/scenario-apply.ts';
import { diffFacilities } from '../../../analysis/siting/scenario-diff.ts';
import type { Scenario, SiteFacility } from '../../../analysis/siting/scenario-types.ts';

/**
 * Live recompute of one scenario (pure: runs in the worker and in Node tests). Keeps a
 * CoverageState for the register currently shown; an edit diffs the new register against it
 * and routes only added or moved sites (one bounded search each). A walking-speed change
 * reroutes everything, as every travel time changes.
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
  /** Sites routed for this edit (the searches the edit touched). */
  routed: number;
  walkingSpeedMps: number;
  /** Cells whose best time differs from the baseline: [h3, baseline minutes, scenario minutes]. */
  changedCells: [string, number | null, number | null][];
}

export class LiveSession {
  private readonly baseline: SiteFacility[];
  private readonly residents: number;
  private state: CoverageState;
  private current: SiteFacility[];
  private speed: number;
  private readonly baselineBest: Float32Array;

  constructor(
    private readonly input: CityInput,
    private readonly graph: RoadGraph,
    private readonly links: CellLinks,
    private readonly thresholds: number[],
    private readonly baselineSpeed: number,
  ) {
    this.baseline = input.facilities.map((f) => ({ ...f }));
    this.residents = input.cells.reduce((sum, c) => sum + c.residents, 0);
    this.speed = baselineSpeed;
    this.current = this.baseline;
    this.state = this.freshState(this.baseline, baselineSpeed);
    this.state.drainChangedCells();
    this.baselineBest = Float32Array.from(this.state.bestMinutesView());
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
    const settings = resolveSettings({ walkingSpeedMps: this.baselineSpeed, profile: '' }, scenario);
    let routed: number;
    if (settings.walkingSpeedMps !== this.speed) {
      this.speed = settings.walkingSpeedMps;
      this.state = this.freshState(next, this.speed);
      routed = next.length;
    } else {
      const byId = new Map(next.map((f) => [f.id, f]));
      const diff = diffFacilities(this.current, next);
      routed = updateCoverage(this.state, diff, (id) => {
        const facility = byId.get(id);
        if (facility === undefined) throw new Error(`no facility ${id}`);
        return this.reachOf([facility]);
      }).length;
    }
    this.state.drainChangedCells();
    this.current = next;
    const changedCells = this.changedVsBaseline();
    return {
      ...this.numbersOf(next),
      ms: performance.now() - t0,
      routed,
      walkingSpeedMps: this.speed,
      changedCells,
    };
  }

  private numbersOf(facilities: readonly SiteFacility[]): LiveNumbers {
    const floorAreaM2 = facilities.reduce((sum, f) => sum + (f.floorAreaM2 ?? 0), 0);
    return {
      thresholds: [...this.thresholds],
      totalElders: this.state.total,
      covered: this.thresholds.map((_, t) => this.state.coveredWeight(t)),
      facilities: facilities.length,
      floorAreaM2,
      m2PerResident: this.residents > 0 ? floorAreaM2 / this.residents : null,
    };
  }

  private changedVsBaseline(): [string, number | null, number | null][] {
    const best = this.state.bestMinutesView();
    const out: [string, number | null, number | null][] = [];
    const asNumber = (m: number) => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);
    for (let c = 0; c < best.length; c++) {
      if (best[c] !== this.baselineBest[c]) {
        out.push([this.input.cells[c].h3, asNumber(this.baselineBest[c]), asNumber(best[c])]);
      }
    }
    return out;
  }

  private freshState(facilities: readonly SiteFacility[], speed: number): CoverageState {
    const state = new CoverageState(
      this.input.cells.map((c) => c.h3),
      this.input.cells.map((c) => c.elders60),
      { thresholds: this.thresholds },
    );
    for (const f of facilities) {
      const reach = this.reachOf([f], speed);
      state.addFacility(f.id, reach.cells, reach.minutes);
    }
    return state;
  }

  private reachOf(
    facilities: readonly SiteFacility[],
    speed = this.speed,
  ): { cells: Int32Array; minutes: Float64Array } {
    const profile = travelProfile('walk-elderly', { speedMps: speed });
    const maxMinutes = this.thresholds[this.thresholds.length - 1];
    const { rows } = facilityReach(this.graph, this.links, facilities, { profile, maxMinutes });
    const cells = new Int32Array(rows.length);
    const minutes = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      cells[i] = this.cellIndex(rows[i].h3);
      minutes[i] = rows[i].minutes;
    }
    return { cells, minutes };
  }

  private cellIndexMap: Map<string, number> | null = null;
  private cellIndex(h3: string): number {
    if (this.cellIndexMap === null) {
      this.cellIndexMap = new Map(this.input.cells.map((c, i) => [c.h3, i]));
    }
    return this.cellIndexMap.get(h3) ?? -1;
  }
}
