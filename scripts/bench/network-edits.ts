import { parseArgs } from 'node:util';
import { haversineM } from '../../analysis/geo.ts';
import { seededUnit } from '../../analysis/graph/synthetic-grid.ts';
import { buildOverlay, emptySpec } from '../../analysis/routing/edits/overlay.ts';
import { LiveCoverage } from '../../analysis/siting/live-coverage.ts';
import type { Modification } from '../../analysis/siting/scenario-types.ts';
import { suggestLinks } from '../../analysis/siting/suggest-links.ts';
import { builtInProfile } from '../../analysis/standards/profiles.ts';
import { LiveSession } from '../../analysis/workflows/live-session.ts';
import { readCityInput } from '../analyse/read-city.ts';
import { loadCityGraph } from '../routing/city-graph.ts';
import {
  type Benchmark,
  cpuSeconds,
  loadAverage,
  machineInfo,
  median,
  peakRssMb,
  percentile,
  round,
} from './benchmark.ts';

/**
 * Street-network scenario edits on the demo city: one `suggest-links` run (5 min, 60 m, 10
 * links; its top links with gains), and live link edits: a random short link (two nodes at most
 * 60 m apart) added to the scenario, then a random closure, each timed end to end through
 * LiveSession.evaluate (resolve, overlay, re-searching the affected sites, coverage, changed
 * cells), after a warm-up.
 */
export const benchmark: Benchmark = {
  summary: 'suggest-links run and live link edits on the demo city',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        city: { type: 'string', default: 'data/nanjing-xinjiekou' },
        edits: { type: 'string', default: '200' },
        runs: { type: 'string', default: '5' },
        'min-detour': { type: 'string', default: '50' },
      },
    });
    const dir = values.city ?? 'data/nanjing-xinjiekou';
    const input = readCityInput(dir);
    const graph = loadCityGraph(dir, 'walk');
    const runs = Number(values.runs);
    const minDetourM = Number(values['min-detour']);

    const suggestMs: number[] = [];
    let result = suggestLinks(
      input,
      graph,
      { modifications: [] },
      {
        minutes: 5,
        maxLengthM: 60,
        count: 10,
        minDetourM,
      },
    );
    for (let k = 0; k < runs; k++) {
      result = suggestLinks(
        input,
        graph,
        { modifications: [] },
        {
          minutes: 5,
          maxLengthM: 60,
          count: 10,
          minDetourM,
        },
      );
      suggestMs.push(result.ms);
    }
    console.log(
      `suggest-links (5 min, ≤ 60 m, detour ≥ ${minDetourM} m): ${result.candidates} candidates, ${result.links.length} link(s), median ${median(suggestMs).toFixed(0)} ms`,
    );
    result.links.forEach((link, k) => {
      console.log(
        `  ${k + 1}. ${link.from.map((x) => x.toFixed(6))} → ${link.to.map((x) => x.toFixed(6))}  ${link.lengthM.toFixed(1)} m (network ${link.networkM?.toFixed(0) ?? '—'} m)  +${link.gainElders} elders`,
      );
    });
    console.log(
      `  coverage ${result.coveredBefore} → ${result.coveredAfter} of ${result.totalElders} elders; bound on any set of candidates +${result.upperBoundGain}`,
    );

    // Live edits: a random short link or a closure at a random segment, on top of the last.
    // The app's live session: thresholds and walking speed of the profile (as the worker does).
    const { thresholdsMinutes, walkingSpeedMps } = builtInProfile('huaihua-2020').settings;
    const THRESHOLDS = [...thresholdsMinutes];
    const session = new LiveSession(input, graph, undefined, THRESHOLDS, walkingSpeedMps);
    session.evaluate({ modifications: [] });
    const edits = Number(values.edits);
    const linkMs: number[] = [];
    const closeMs: number[] = [];
    const linkCpuMs: number[] = [];
    const closeCpuMs: number[] = [];
    const routedLink: number[] = [];
    const routedClose: number[] = [];
    const routedUndo: number[] = [];
    const undoMs: number[] = [];
    let mods: Modification[] = [];
    let k = 0;
    const node = () => Math.floor(seededUnit(k++, 15) * graph.nodeCount);
    for (let e = 0; e < edits + 20; e++) {
      let next: Modification;
      if (e % 3 !== 2) {
        let a = node();
        let b = node();
        while (
          a === b ||
          haversineM(graph.nodeLon[a], graph.nodeLat[a], graph.nodeLon[b], graph.nodeLat[b]) > 60
        ) {
          a = node();
          b = node();
        }
        next = {
          kind: 'add-link',
          id: `L${e}`,
          linkType: 'passage',
          from: [graph.nodeLon[a], graph.nodeLat[a]],
          to: [graph.nodeLon[b], graph.nodeLat[b]],
          networks: ['walk'],
        };
      } else {
        const a = node();
        next = {
          kind: 'close-link',
          id: `C${e}`,
          networks: ['walk'],
          at: [graph.nodeLon[a], graph.nodeLat[a]],
        };
      }
      // One edit on top of the scenario so far (a planner's few edits), timed; every fourth edit
      // is then undone (timed as undo), and the scenario is kept to at most 8 edits by undoing.
      const trial = [...mods, next];
      let update: ReturnType<LiveSession['evaluate']>;
      const cpu = process.cpuUsage();
      try {
        update = session.evaluate({ modifications: trial });
      } catch {
        continue; // a closure point off every road: refused
      }
      const cpuMs = cpuSeconds(cpu) * 1000;
      mods = trial;
      if (e >= 20) {
        (next.kind === 'add-link' ? linkMs : closeMs).push(update.ms);
        (next.kind === 'add-link' ? linkCpuMs : closeCpuMs).push(cpuMs);
        (next.kind === 'add-link' ? routedLink : routedClose).push(update.routed);
      }
      if (e % 4 === 3 || mods.length > 8) {
        mods = mods.slice(0, -1);
        const undo = session.evaluate({ modifications: mods });
        if (e >= 20) {
          undoMs.push(undo.ms);
          routedUndo.push(undo.routed);
        }
      }
      if (mods.length > 8) mods = mods.slice(1); // the next edit drops the oldest one
    }
    // Adding the top suggestion live, then undoing it (a link that does shorten routes).
    const topMs: number[] = [];
    let topRouted = 0;
    let topGain = 0;
    const top = result.modifications.slice(0, 1);
    if (top.length === 1) {
      const before = session.evaluate({ modifications: [] }).covered[0];
      for (let r = 0; r < 20; r++) {
        const update = session.evaluate({ modifications: top });
        topMs.push(update.ms);
        topRouted = update.routed;
        topGain = update.covered[0] - before;
        session.evaluate({ modifications: [] });
      }
    }
    // Elders whose coverage depends on steps (highway=steps closed, as a step-free profile would).
    const stepFree = new LiveCoverage(input, graph, input.facilities, {
      thresholds: THRESHOLDS,
      walkingSpeedMps,
      overlay: buildOverlay(graph, emptySpec(), { closeSteps: true }),
    }).numbers().covered;
    const walking = new LiveCoverage(input, graph, input.facilities, {
      thresholds: THRESHOLDS,
      walkingSpeedMps,
    }).numbers().covered;
    const dependOnSteps = walking.map((c, t) => c - stepFree[t]);
    console.log(
      `elders whose coverage depends on steps (${THRESHOLDS.join('/')} min): ${dependOnSteps.join('/')}`,
    );
    const stats = (xs: number[]) => ({
      n: xs.length,
      median_ms: round(median(xs)),
      p95_ms: round(percentile(xs, 95)),
    });
    const out = {
      machine: machineInfo(),
      load_average: loadAverage(),
      suggest: {
        candidates: result.candidates,
        median_ms: round(median(suggestMs)),
        links: result.links,
        covered_before: result.coveredBefore,
        covered_after: result.coveredAfter,
        total_elders: result.totalElders,
        upper_bound_gain: result.upperBoundGain,
      },
      live_link_edit: stats(linkMs),
      live_close_edit: stats(closeMs),
      live_link_edit_cpu: stats(linkCpuMs),
      live_close_edit_cpu: stats(closeCpuMs),
      sites: input.facilities.length,
      thresholds: THRESHOLDS,
      live_undo: stats(undoMs),
      live_top_suggestion: { ...stats(topMs), rerouted: topRouted, gain_elders_5min: topGain },
      rerouted_median: {
        add_link: median(routedLink),
        close_link: median(routedClose),
        undo: median(routedUndo),
      },
      elders_depending_on_steps: dependOnSteps,
      peak_rss_mb: peakRssMb(),
    };
    console.log(
      `live: adding the top suggestion median ${out.live_top_suggestion.median_ms} ms (${topRouted} of ${input.facilities.length} sites re-searched, +${topGain} elders within 5 min)`,
    );
    console.log(
      `live edits (${input.facilities.length} sites, thresholds ${THRESHOLDS.join('/')} min): add-link median ${out.live_link_edit.median_ms} ms (p95 ${out.live_link_edit.p95_ms}, n=${linkMs.length}); close-link median ${out.live_close_edit.median_ms} ms (p95 ${out.live_close_edit.p95_ms}); undo median ${out.live_undo.median_ms} ms; CPU median ${out.live_link_edit_cpu.median_ms} / ${out.live_close_edit_cpu.median_ms} ms; sites re-searched (median) add-link ${out.rerouted_median.add_link}, close-link ${out.rerouted_median.close_link}, undo ${out.rerouted_median.undo}; load ${out.load_average}`,
    );
    return out;
  },
};
