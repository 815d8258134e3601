import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UnitFlagMap } from '../../../analysis/city/unit-flags.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import type { StandardsProfile, TravelProfile } from '../../../analysis/standards/types.ts';
import type { TaskList } from '../app/tasks.ts';
import { graphFiles } from '../app/use-graphs.ts';
import type { CityData } from '../data/city-data.ts';
import { cityRef } from '../data/city-ref.ts';
import { publishAnalysisState } from '../map/test-hook.ts';
import { loadOsrmSetting } from '../settings/osrm-settings.ts';
import type { AnalysisProgress } from '../worker/analysis/analysis-api.ts';
import type { CircleRows } from '../worker/analysis/circle-rows.ts';
import { type AnalysisOutcome, receiveOutcome } from '../worker/analysis/outcome-wire.ts';
import { analysisWorker, Comlink } from '../worker/analysis-client.ts';

export const DEFAULT_PROFILE_ID = 'huaihua-2020';
/** As the CLI's default --travel: every travel profile is reported. */
const TRAVEL: TravelProfile[] = ['walk-elderly', 'wheelchair', 'walk', 'ebike', 'drive'];

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; profile: StandardsProfile }
  | {
      status: 'error';
      profile: StandardsProfile;
      message: string;
      userError: boolean;
      /** The error's stable code (E_…) when the worker gave one. */
      code?: string;
    }
  | { status: 'done'; profile: StandardsProfile; outcome: AnalysisOutcome; run: number };

export interface AnalysisControl {
  state: AnalysisState;
  /** The last finished run (kept while a re-run is going). */
  last: { profile: StandardsProfile; outcome: AnalysisOutcome; run: number } | null;
  start(profile: StandardsProfile): void;
}

type Tasks = Pick<TaskList, 'update' | 'finish'>;
/** One object, so a caller without flags does not look like a change on every render. */
const NO_FLAGS: UnitFlagMap = {};

/**
 * Runs the coverage and standards analysis in the worker, once on its own as soon as the city is
 * on screen (with the default profile; the worker starts it when the road networks are in), then
 * whenever the user asks or changes a unit's flags (城市/农村, 新建居住区).
 */
export function useAnalysis(
  city: CityData,
  tasks: Tasks,
  unitFlags: UnitFlagMap = NO_FLAGS,
): AnalysisControl {
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const [last, setLast] = useState<AnalysisControl['last']>(null);
  const runCounter = useRef(0);
  const { update, finish } = tasks;

  const start = useCallback(
    (profile: StandardsProfile) => {
      const run = ++runCounter.current;
      const startedAtMs = performance.now();
      lastProfile.current = profile;
      const id = 'analysis';
      let finished = false;
      setState({ status: 'running', profile });
      // No task bar yet: the worker may first wait for the road networks (their own bar); the
      // first progress message, when the run really starts, puts this one up.
      const onProgress = (p: AnalysisProgress) => {
        if (finished || run !== runCounter.current) return;
        update({
          id,
          label: 'task.analysis',
          fraction: p.done / p.total,
          detail: ({ t }) =>
            p.stage === 'routing' && p.travelProfile !== undefined
              ? t('analysis.stage.routing', { profile: t(`travel.${p.travelProfile}`) })
              : t(`analysis.stage.${p.stage}`),
        });
      };
      analysisWorker()
        .runAnalysis(
          {
            city: cityRef(city, unitFlags),
            profile,
            travelProfiles: TRAVEL,
            // The user's OSRM server, read per run: a change in Settings applies to the next one.
            ...osrmOption(),
            // The worker waits for these itself: the first run need not wait for the page.
            graphUrls: graphFiles(city.baseUrl, city.manifest).map((file) => file.url),
          },
          Comlink.proxy(onProgress),
        )
        .then((answer) => {
          if (run !== runCounter.current) return;
          if (!answer.ok) {
            setState({ status: 'error', profile, ...answer.error });
            return;
          }
          const outcome = receiveOutcome(answer.value);
          setState({ status: 'done', profile, outcome, run });
          setLast({ profile, outcome, run });
          const s = outcome.result.summary;
          publishAnalysisState({
            runs: run,
            profile: profile.id,
            coverage: s.coverage
              .filter((c) => c.profile === 'walk-elderly')
              .map((c) => ({ minutes: c.minutes, elders60Share: c.elders60Share })),
            radius300: {
              straight: s.radius300.straightLine.elders60Share,
              network: s.radius300.network.elders60Share,
            },
            findings: { ...s.findingsSummary },
            startedAtMs,
            finishedAtMs: performance.now(),
            workerMs: {
              db: outcome.timings.dbMs,
              routing: outcome.timings.routingMs,
              total: outcome.timings.totalMs,
            },
          });
        })
        .catch((error: unknown) => {
          if (run !== runCounter.current) return;
          const message = error instanceof Error ? error.message : String(error);
          setState({ status: 'error', profile, message, userError: false });
        })
        .finally(() => {
          finished = true;
          finish(id);
        });
    },
    [city, unitFlags, update, finish],
  );

  useEffect(() => {
    analysisWorker().warmUp();
  }, []);

  // Once per city and unit flags (a new register, a city built in the browser or a flag changed
  // runs again), keeping the profile last chosen.
  const lastProfile = useRef<StandardsProfile | null>(null);
  const startedFor = useRef<{ city: CityData; unitFlags: UnitFlagMap } | null>(null);
  useEffect(() => {
    const done = startedFor.current;
    if (done !== null && done.city === city && done.unitFlags === unitFlags) return;
    startedFor.current = { city, unitFlags };
    start(lastProfile.current ?? builtInProfile(DEFAULT_PROFILE_ID));
  }, [city, unitFlags, start]);

  // One object while nothing changed: the panels that read it are not rendered again.
  return useMemo(() => ({ state, last, start }), [state, last, start]);
}

/** Display circles of one travel profile for the last run; recomputed when either changes. */
export function useCircles(
  run: number | null,
  request: { profile: TravelProfile; walkingSpeedMps: number; thresholds: number[] } | null,
  tasks: Tasks,
): CircleRows | null {
  const [rows, setRows] = useState<CircleRows | null>(null);
  const key =
    request === null || run === null
      ? null
      : `${run}|${request.profile}|${request.walkingSpeedMps}|${request.thresholds.join(',')}`;
  const { update, finish } = tasks;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the request
  useEffect(() => {
    if (key === null || request === null) return;
    let cancelled = false;
    const id = `circles-${request.profile}`;
    update({ id, label: 'task.circles', detail: ({ t }) => t(`travel.${request.profile}`) });
    analysisWorker()
      .serviceCircles(request)
      .then((result) => {
        if (!cancelled) setRows(result);
      })
      .catch((error: unknown) => console.error('service circles failed', error))
      .finally(() => finish(id));
    return () => {
      cancelled = true;
    };
  }, [key, update, finish]);
  return key === null ? null : rows;
}

function osrmOption() {
  const osrm = loadOsrmSetting(window.localStorage);
  return osrm === null ? {} : { osrm };
}
