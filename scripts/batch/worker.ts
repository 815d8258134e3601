import { parentPort } from 'node:worker_threads';
import { analyseCityToParquet, type CityJob } from './analyse-city.ts';

/** A batch worker thread: analyses the cities it is sent, one at a time, and answers each. */
if (parentPort === null) throw new Error('scripts/batch/worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (job: CityJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  analyseCityToParquet(job).then((outcome) =>
    port.postMessage({ outcome, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
});
