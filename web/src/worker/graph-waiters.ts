/**
 * Lets an analysis ask for graphs by URL before they are loaded: the page sends the first run
 * together with the graph loading, and the run starts the moment its graphs are in, inside the
 * worker, without waiting for the page's main thread (busy drawing the map on a cold start).
 */
export class GraphWaiters {
  private readonly loaded = new Set<string>();
  private readonly failed = new Map<string, unknown>();
  private readonly waiting = new Map<string, { resolve(): void; reject(e: unknown): void }[]>();

  /** Resolves once every URL has been loaded; rejects if one of them failed. */
  wait(urls: string[]): Promise<void> {
    return Promise.all(urls.map((url) => this.waitOne(url))).then(() => undefined);
  }

  loadedOk(url: string): void {
    this.failed.delete(url);
    this.loaded.add(url);
    for (const waiter of this.take(url)) waiter.resolve();
  }

  loadFailed(url: string, error: unknown): void {
    this.loaded.delete(url);
    this.failed.set(url, error);
    for (const waiter of this.take(url)) waiter.reject(error);
  }

  private waitOne(url: string): Promise<void> {
    if (this.loaded.has(url)) return Promise.resolve();
    if (this.failed.has(url)) return Promise.reject(this.failed.get(url));
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(url) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(url, list);
    });
  }

  private take(url: string) {
    const list = this.waiting.get(url) ?? [];
    this.waiting.delete(url);
    return list;
  }
}
