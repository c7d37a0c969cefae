// Request body size limit for /api. Over the limit the answer is a JSON 413, and the rest of
// the body is read and thrown away (bounded) so the client receives the 413 instead of a reset
// connection. Replaces hono/body-limit, which leaves an over-long chunked body unread and so
// makes @hono/node-server cut the socket before a client that is still sending sees the answer.
import type { Context, MiddlewareHandler } from 'hono';
import { apiErrorResponse } from './errors';

/** After this many discarded bytes the connection is simply closed. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return async function limitBody(c, next) {
    const declared = c.req.header('Content-Length');
    const isChunked = c.req.header('Transfer-Encoding') !== undefined;
    if (declared !== undefined && !isChunked) {
      if (Number(declared) <= maxBytes) return next();
      if (c.req.raw.body) void discard(c.req.raw.body.getReader());
      return tooLarge(c, maxBytes);
    }
    const body = c.req.raw.body;
    if (!body) return next();

    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void discard(reader);
        return tooLarge(c, maxBytes);
      }
      chunks.push(value);
    }
    // A fresh Request (not `new Request(raw, …)`): the adapter's request object is not a
    // platform Request, and undici refuses to copy it.
    const { url, method, headers, signal } = c.req.raw;
    c.req.raw = new Request(url, { method, headers, signal, body: concat(chunks, size) });
    return next();
  };
}

function tooLarge(c: Context, maxBytes: number): Response {
  return apiErrorResponse(c, 413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes`);
}

export async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
      if (discarded > MAX_DISCARD_BYTES) return void (await reader.cancel());
    }
  } catch {
    // The client went away; nothing to clean up.
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
