import type { Page } from '@playwright/test';

/** What one page or worker holds: its JS heap, its array buffers and DuckDB's wasm memory. */
export interface TargetMemory {
  type: string;
  url: string;
  heapMb: number;
  backingMb: number;
  wasmMb: number;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

interface TargetInfo {
  type: string;
  url: string;
}

/** A worker reached through the sessions of its parents (the page's first, then nested ones). */
interface WorkerSession {
  path: string[];
  info: TargetInfo;
}

interface Message {
  id?: number;
  method?: string;
  params?: { sessionId?: string; message?: string; targetInfo?: TargetInfo };
  result?: unknown;
}

const MB = 1024 * 1024;
const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: false, flatten: false };

/**
 * The memory a tab's scripts hold after a garbage collection, per target: the page and every
 * worker it started, nested ones too (duckdb-wasm runs in a worker of the analysis worker).
 * Workers are reached through the DevTools protocol's non-flat sessions (messages wrapped once
 * per level), so that Playwright's own sessions are left alone.
 */
export async function tabMemory(page: Page): Promise<TargetMemory[]> {
  const cdp = await page.context().newCDPSession(page);
  const workers: WorkerSession[] = [];
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  // A message from a worker, unwrapped level by level; `path` is the sessions it came through.
  const receive = (message: Message, path: string[]) => {
    if (message.method === 'Target.attachedToTarget' && message.params?.sessionId !== undefined)
      workers.push({
        path: [...path, message.params.sessionId],
        info: message.params.targetInfo ?? { type: '?', url: '' },
      });
    else if (
      message.method === 'Target.receivedMessageFromTarget' &&
      message.params?.message !== undefined &&
      message.params.sessionId !== undefined
    )
      receive(JSON.parse(message.params.message) as Message, [...path, message.params.sessionId]);
    else if (message.id !== undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  };
  cdp.on('Target.attachedToTarget', (params) =>
    receive({ method: 'Target.attachedToTarget', params }, []),
  );
  cdp.on('Target.receivedMessageFromTarget', (params) =>
    receive({ method: 'Target.receivedMessageFromTarget', params }, []),
  );
  const inWorker = (path: string[], method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(
        () => reject(new Error(`no answer to ${method} in ${path.join('/')}`)),
        20_000,
      );
      pending.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      let message = JSON.stringify({ id, method, params });
      for (let level = path.length - 1; level >= 1; level--)
        message = JSON.stringify({
          id: nextId++,
          method: 'Target.sendMessageToTarget',
          params: { sessionId: path[level], message },
        });
      void cdp.send('Target.sendMessageToTarget', { sessionId: path[0], message });
    });
  try {
    await cdp.send('Target.setAutoAttach', AUTO_ATTACH);
    for (let i = 0; i < workers.length; i++)
      if (workers[i].info.type === 'worker')
        await inWorker(workers[i].path, 'Target.setAutoAttach', AUTO_ATTACH);
    const send = (method: string, params: object = {}) =>
      cdp.send(method as 'Runtime.evaluate', params as never) as Promise<unknown>;
    const out = [await measure({ type: 'page', url: page.url() }, send)];
    // The service worker is the browser's, not the tab's (and answers nothing while idle).
    for (const w of workers.filter((x) => x.info.type === 'worker'))
      out.push(await measure(w.info, (method, params) => inWorker(w.path, method, params)));
    return out;
  } finally {
    await cdp.detach();
  }
}

type Send = (method: string, params?: object) => Promise<unknown>;

/**
 * One target after a garbage collection. duckdb-wasm's memory (it can only grow, so a leaked
 * connection or table shows there) is the one the app's DuckDB worker keeps in reach.
 */
async function measure(info: TargetInfo, send: Send): Promise<TargetMemory> {
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as HeapUsage;
  const wasm = (await send('Runtime.evaluate', {
    expression: 'globalThis.duckdbMemory?.buffer.byteLength ?? 0',
    returnByValue: true,
  })) as { result: { value: number } };
  return {
    type: info.type,
    url: info.url.replace(/^.*\//, '').replace(/[?#].*$/, ''),
    heapMb: Math.round(usage.usedSize / MB),
    backingMb: Math.round((usage.backingStorageSize ?? 0) / MB),
    wasmMb: Math.round(wasm.result.value / MB),
  };
}
