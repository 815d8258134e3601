/**
 * Fetches a binary file, reporting bytes as they arrive (graph files are megabytes; the UI shows
 * progress for anything slow). Returns one contiguous buffer, 8-byte aligned at offset 0.
 */
export async function fetchBytes(
  url: string,
  onBytes?: (loaded: number, total?: number) => void,
): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const header = response.headers.get('content-length');
  const total = header === null ? undefined : Number(header);
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes?.(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
