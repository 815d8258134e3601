/**
 * A classic worker in front of duckdb-wasm's own worker, so that repeat visits reuse the
 * compiled DuckDB module (34 MB of wasm, about a second of compiling on every visit otherwise).
 *
 * Chromium keeps compiled wasm next to the cached response (the service worker's precache or
 * the HTTP cache) and reuses it when `WebAssembly.instantiateStreaming` is given that response
 * again: the cache key is the response's URL. duckdb-wasm wraps the fetched response in a new
 * `Response` to report download progress, and a constructed response has no URL, so the code
 * cache never applies. This shim hands the compiler the real response instead (the app does not
 * use the progress reports).
 *
 * Protocol: the first message names the two files; then duckdb-wasm's worker takes over.
 */
interface ShimScope {
  onmessage: ((event: MessageEvent<DuckDbFiles>) => void) | null;
  importScripts(url: string): void;
  /** DuckDB's wasm memory, kept for the load test (it reads its size through DevTools). */
  duckdbMemory?: WebAssembly.Memory;
}

export interface DuckDbFiles {
  workerUrl: string;
  wasmUrl: string;
}

const scope = globalThis as unknown as ShimScope;

scope.onmessage = (event) => {
  const { workerUrl, wasmUrl } = event.data;
  const instantiate = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    // A constructed response: stop the wrapped download and compile from the cached file.
    if (response.url === '') void response.body?.cancel();
    const result = await instantiate(
      response.url !== '' ? response : fetch(wasmUrl, { credentials: 'same-origin' }),
      imports,
    );
    // Emscripten either exports its memory or passes it in (env.memory).
    const memory = result.instance.exports.memory ?? imports?.env?.memory;
    if (memory instanceof WebAssembly.Memory) scope.duckdbMemory = memory;
    return result;
  };
  scope.onmessage = null;
  scope.importScripts(workerUrl); // sets its own onmessage for everything that follows
};
