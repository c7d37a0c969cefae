// The body limit middleware with a route that reads the body: bodies under the limit arrive
// whole, streamed or not; over it, the route never runs.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit } from '../../../server/src/http/body-limit';
import { onError } from '../../../server/src/http/errors';

const LIMIT = 1000;
let server: ServerType;
let url: string;
let routeRuns = 0;

beforeAll(async () => {
  const app = new Hono();
  app.onError(onError);
  app.use('/api/*', bodyLimit(LIMIT));
  app.post('/api/echo', async (c) => {
    routeRuns++;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json({ length: bytes.byteLength, sum: bytes.reduce((a, b) => a + b, 0) });
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function stream(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const post = (body: BodyInit) => fetch(`${url}/api/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);
const payload = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);
const sumOf = (bytes: Uint8Array) => bytes.reduce((a, b) => a + b, 0);

describe('bodyLimit', () => {
  it.each([0, 1, LIMIT])('passes a %i-byte body with Content-Length unchanged', async (n) => {
    const bytes = payload(n);
    const res = await post(bytes);
    expect(await res.json()).toEqual({ length: n, sum: sumOf(bytes) });
  });

  it('passes a chunked body of exactly the limit unchanged', async () => {
    const bytes = payload(LIMIT);
    const res = await post(stream(bytes, 7));
    expect(await res.json()).toEqual({ length: LIMIT, sum: sumOf(bytes) });
  });

  it.each([
    ['Content-Length', () => payload(LIMIT + 1)],
    ['chunked', () => stream(payload(LIMIT + 1), 100)],
  ])('refuses one byte over the limit (%s) and never runs the route', async (_kind, body) => {
    const before = routeRuns;
    const res = await post(body());
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: `Request body is larger than ${LIMIT} bytes` } });
    expect(routeRuns).toBe(before);
  });
});
