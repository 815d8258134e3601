import { Worker } from 'node:worker_threads';
import type { CityJob, CityOutcome } from './analyse-city.ts';

/**
 * Runs city jobs on `jobs` worker threads (node:worker_threads), each taking the next city as it
 * finishes one. A city that fails is an outcome like any other; a worker that dies (out of
 * memory) fails its city and is replaced, so the other cities still finish.
 */
export async function runPool(
  cities: CityJob[],
  jobs: number,
  onDone?: (outcome: CityOutcome) => void,
): Promise<CityOutcome[]> {
  const queue = [...cities];
  const outcomes: CityOutcome[] = [];
  const entry = new URL('./worker-entry.mjs', import.meta.url);
  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: 6144 } });
      let job: CityJob | undefined;
      try {
        for (;;) {
          job = queue.shift();
          if (job === undefined) break;
          const outcome = await runOne(worker, job);
          outcomes.push(outcome);
          onDone?.(outcome);
        }
      } catch (error) {
        if (job !== undefined) {
          const outcome: CityOutcome = {
            city: job.cityDir,
            cityDir: job.cityDir,
            ok: false,
            seconds: 0,
            error: `worker died: ${error instanceof Error ? error.message : String(error)}`,
          };
          outcomes.push(outcome);
          onDone?.(outcome);
        }
      } finally {
        await worker.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, cities.length)) }, lane));
  return outcomes;
}

function runOne(worker: Worker, job: CityJob): Promise<CityOutcome> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: { outcome: CityOutcome }) => {
      cleanup();
      resolve(message.outcome);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`exit code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
