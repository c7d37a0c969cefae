// The precache in one file (PERFORMANCE.md B8): on Slow 4G each request costs a 562 ms round
// trip and a browser opens six connections, so ~60 files take many seconds whatever their
// size; the same bytes in one file take one round trip (and compress better together).
// Written by the build (scripts/precache-pack.ts), read by the service worker (src/sw.ts).
// Format: one line of JSON, [{ url, type, size }…], then the files' bytes one after another.
// It travels compressed like any file (the server sends its Brotli form, written at build time:
// ~17 % fewer bytes than the gzip -9 the worker once inflated itself), and the browser inflates it.

export const PACK_URL = '/precache.pack';

export interface PackedFile {
  /** absolute path, "/assets/f-home-AbC123xy.js" */
  url: string;
  /** Content-Type the server sends for it */
  type: string;
  /** bytes */
  size: number;
}

/** Puts the pack's files that are `wanted` (absolute URLs) into `cache`, under their URL. */
export async function readPack(response: Promise<Response>, cache: Cache, wanted: ReadonlySet<string>): Promise<number> {
  const res = await response;
  if (!res.ok) throw new Error(`${PACK_URL}: ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const end = bytes.indexOf(10);
  const files = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as PackedFile[];
  let at = end + 1;
  const puts: Promise<void>[] = [];
  for (const f of files) {
    const url = new URL(f.url, location.href).href;
    // Hashed names: the same URL is the same bytes. Any other file (a newer deploy's) is skipped.
    if (wanted.has(url)) puts.push(cache.put(url, new Response(bytes.slice(at, at + f.size), { headers: { 'Content-Type': f.type } })));
    at += f.size;
  }
  if (at !== bytes.length) throw new Error(`${PACK_URL}: ${bytes.length} bytes, the index says ${at}`);
  await Promise.all(puts);
  return puts.length;
}
