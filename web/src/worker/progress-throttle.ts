import type { ImportProgress } from '../../../analysis/io/import/index.ts';

/** At most one report per interval (the first and the last of a stage always go). */
const INTERVAL_MS = 100;

/**
 * A progress callback for the page, throttled to ≤ 10 reports a second and kept monotone per
 * stage (a reader's first look at the header restarts its byte count). The page's callback is a
 * comlink proxy: calling it posts a message, which the page receives while this worker is busy.
 */
export function throttled(
  onProgress: ((progress: ImportProgress) => void) | undefined,
): ((progress: ImportProgress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  let stage: ImportProgress['stage'] | undefined;
  let furthest = -1;
  return (progress) => {
    if (progress.stage !== stage) {
      stage = progress.stage;
      furthest = -1;
      last = Number.NEGATIVE_INFINITY;
    }
    if (progress.done <= furthest) return;
    furthest = progress.done;
    const now = performance.now();
    if (progress.done < progress.total && now - last < INTERVAL_MS) return;
    last = now;
    void onProgress(progress);
  };
}
