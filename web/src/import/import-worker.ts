import * as Comlink from 'comlink';
import type { ImportFileApi } from '../worker/import-file-api.ts';

/** Thrown into a pending call when the user cancels it. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

export function isCancelled(error: unknown): error is ImportCancelled {
  return error instanceof ImportCancelled;
}

interface Running {
  worker: Worker;
  remote: Comlink.Remote<ImportFileApi>;
  /** Files read in this worker (their keys): a new worker holds none. */
  reads: Set<string>;
  pending: Set<(error: ImportCancelled) => void>;
}

let running: Running | null = null;
let generation = 0;

function start(): Running {
  if (running !== null) return running;
  const worker = new Worker(new URL('../worker/import-file.worker.ts', import.meta.url), {
    type: 'module',
    name: 'carecircle-import',
  });
  generation++;
  running = {
    worker,
    remote: Comlink.wrap<ImportFileApi>(worker),
    reads: new Set(),
    pending: new Set(),
  };
  publish();
  return running;
}

/**
 * Runs one call in the import worker (started on first use). cancel() terminates the worker:
 * the call rejects with ImportCancelled at once, whatever the worker was doing, and the next
 * call starts a new worker.
 */
export function inImportWorker<T>(
  call: (remote: Comlink.Remote<ImportFileApi>) => Promise<T>,
): Promise<T> {
  const current = start();
  return new Promise<T>((resolve, reject) => {
    current.pending.add(reject);
    call(current.remote)
      .then(resolve, reject)
      .finally(() => current.pending.delete(reject));
  });
}

export function cancelImportWork(): void {
  if (running === null) return;
  const { worker, remote, pending } = running;
  running = null;
  worker.terminate();
  remote[Comlink.releaseProxy]();
  for (const reject of pending) reject(new ImportCancelled());
  pending.clear();
  publish();
}

/** Whether the current worker holds that file's table (false after a cancel). */
export function holdsRead(key: string): boolean {
  return running?.reads.has(key) ?? false;
}

export function markRead(key: string): void {
  running?.reads.clear();
  running?.reads.add(key);
}

/** The e2e tests' view: is an import worker running, and how many have been started. */
function publish(): void {
  Object.defineProperty(window, '__carecircleImportWorker', {
    value: Object.freeze({ running: running !== null, started: generation }),
    configurable: true,
  });
}

export { Comlink };
