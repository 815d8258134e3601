import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../../analysis/siting/scenario-types.ts';
import type { EditGain } from '../../../analysis/workflows/edit-gains.ts';
import type { LiveUpdate } from '../../../analysis/workflows/live-session.ts';
import { useUnchangedWhileEqual } from '../app/use-unchanged-while-equal.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { NetworkEditView } from '../worker/scenario-api.ts';

export interface LiveEvaluation {
  live: LiveUpdate | null;
  /** The scenario `live` was computed for (null before the first answer for this city). */
  evaluated: Scenario | null;
  networkViews: NetworkEditView[];
  editGains: EditGain[] | null;
}

/**
 * Evaluates the active scenario in the worker's live session after each change, then its
 * network-edit shapes and per-edit gains (the worker answers in order); a newer request makes
 * older answers stale. A scenario with problems is not evaluated (its sites are not in this
 * register).
 */
export function useLiveEvaluation(options: {
  /** The session is open and the stored list read. */
  active: boolean;
  scenario: Scenario;
  valid: boolean;
  lang: 'zh' | 'en';
  /** The city the scenarios belong to: an answer for another city is never shown. */
  cityKey: string;
  setError(message: string | null): void;
}): LiveEvaluation {
  const { active, scenario, valid, lang, cityKey, setError } = options;
  const [live, setLive] = useState<LiveUpdate | null>(null);
  const [evaluated, setEvaluated] = useState<{ cityKey: string; scenario: Scenario } | null>(null);
  const [networkViews, setNetworkViews] = useState<NetworkEditView[]>([]);
  const [editGains, setEditGains] = useState<EditGain[] | null>(null);
  const requestId = useRef(0);
  useEffect(() => {
    if (!active) return;
    const id = ++requestId.current;
    const settled = () => setEvaluated({ cityKey, scenario });
    if (!valid) {
      setLive(null);
      settled();
      setNetworkViews([]);
      setEditGains(null);
      return;
    }
    analysisWorker()
      .scenarioEvaluate({ modifications: scenario.modifications })
      .then((answer) => {
        if (id !== requestId.current) return;
        settled();
        if (answer.ok) {
          setLive(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((e: unknown) => {
        if (id === requestId.current) settled();
        setError(e instanceof Error ? e.message : String(e));
      });
    const worker = analysisWorker();
    const { modifications, programme } = scenario;
    worker
      .scenarioNetworkEdits({ modifications }, lang)
      .then((answer) => {
        if (id === requestId.current) setNetworkViews(answer.ok ? answer.value : []);
      })
      .catch((e: unknown) => console.error('network edits failed', e));
    setEditGains(null);
    worker
      .scenarioEditGains({ modifications, ...(programme === undefined ? {} : { programme }) })
      .then((answer) => {
        if (id === requestId.current && answer.ok) setEditGains(answer.value);
      })
      .catch((e: unknown) => console.error('edit gains failed', e));
  }, [active, scenario, valid, lang, cityKey, setError]);
  return {
    live,
    evaluated: evaluated?.cityKey === cityKey ? evaluated.scenario : null,
    // The same shapes again keep their array, so the map is not drawn once more for them.
    networkViews: useUnchangedWhileEqual(networkViews),
    editGains,
  };
}
