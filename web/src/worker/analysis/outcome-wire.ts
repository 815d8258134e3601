import type { AnalysisResult } from '../../../../analysis/coverage/analyse-city.ts';
import type { AnalysisSummary } from '../../../../analysis/coverage/summary.ts';
import {
  type PackedFindings,
  packFindings,
  unpackFindings,
} from '../../../../analysis/standards/finding-pack.ts';
import type { TravelProfile } from '../../../../analysis/standards/types.ts';

export interface AnalysisOutcome {
  /**
   * What the page shows: the summary, units and cells. The full coverage table (travel profile ×
   * facility kind × threshold × unit; 203,140 rows and 44 MB to copy on the county) is the CLI's
   * file and is not sent.
   */
  result: Pick<AnalysisResult, 'summary' | 'units' | 'cells'>;
  /** Facilities farther than the snap limit from every road, per travel profile. */
  unreachable: Record<string, string[]>;
  /** Travel profiles needed on networks the city has no graph for. */
  unavailable: TravelProfile[];
  /** ms from the run's start: until duckdb-wasm was open, until the city was; routing; all. */
  timings: { dbMs: number; cityMs: number; routingMs: number; totalMs: number };
}

/** An outcome as the worker posts it: the findings packed (each rule's citation once). */
export interface SentOutcome extends Omit<AnalysisOutcome, 'result'> {
  result: Omit<AnalysisOutcome['result'], 'summary'> & {
    summary: Omit<AnalysisSummary, 'findings'>;
    findings: PackedFindings;
  };
}

export function sendOutcome(outcome: AnalysisOutcome): SentOutcome {
  const { findings, ...summary } = outcome.result.summary;
  return {
    ...outcome,
    result: { ...outcome.result, summary, findings: packFindings(findings) },
  };
}

export function receiveOutcome(sent: SentOutcome): AnalysisOutcome {
  const { findings, summary, ...rest } = sent.result;
  return {
    ...sent,
    result: { ...rest, summary: { ...summary, findings: unpackFindings(findings) } },
  };
}
