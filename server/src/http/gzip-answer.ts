// A sync answer (a pull page, a push's results) gzipped in one native zlib call instead of
// hono's compress middleware, which pipes it through a web CompressionStream: with 20 phones
// pulling at once, each page waited in a stream with its whole uncompressed text alive (the
// server's RSS peaked ~200 MB; issue 13, B7) and the stream machinery cost CPU on every page.
// The middleware leaves an answer that already has a Content-Encoding alone.
import { gzip, gzipSync, constants } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);

/** Below this a gzip header and window cost more than they save (as the middleware's threshold). */
const MIN_BYTES = 1024;

/** True when the request's Accept-Encoding takes gzip (not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Answers `json` (a JSON text, or its UTF-8 bytes) with status 200, gzipped when the client
 * takes it. `small`: an answer of at most ~200 KB (a push's results) is gzipped at once on the
 * main thread at level 1 — under 1 ms, where the thread pool hop and level 6 took 2–4 ms of
 * the push for 2% fewer bytes (issue 13, B6). Pull pages (up to 4 MB) stay off the main thread.
 */
export async function jsonAnswer(c: Context, json: string | Buffer, { small = false } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Accept-Encoding' };
  if (json.length < MIN_BYTES || !acceptsGzip(c.req.header('Accept-Encoding'))) {
    return c.body(typeof json === 'string' ? json : bytes(json), 200, headers);
  }
  const gzipped = small ? gzipSync(json, { level: constants.Z_BEST_SPEED }) : await gzipAsync(json);
  return c.body(bytes(gzipped), 200, { ...headers, 'Content-Encoding': 'gzip' });
}

/** A Node Buffer as the plain Uint8Array a Response body takes (same memory, no copy). */
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
