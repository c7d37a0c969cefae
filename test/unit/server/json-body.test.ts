// readJson over a real socket, with no body-limit middleware in front: it alone bounds the
// body (size before and after gzip, UTF-8, grammar, depth) while the bytes arrive, and
// answers a bad body before the client has finished sending it.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onError } from '../../../server/src/http/errors';
import { INLINE_INFLATE_BYTES, readJson } from '../../../server/src/http/json-body';

const LIMIT = 1000;
const DEPTH = 8;
/** a route whose limit is past what is inflated on the main thread (as push's 4 MB) */
const BIG_LIMIT = 3 * INLINE_INFLATE_BYTES;
let server: ServerType;
let url: string;

beforeAll(async () => {
  const app = new Hono();
  app.onError(onError);
  app.post('/api/json', async (c) => c.json({ value: await readJson(c, LIMIT, DEPTH) }));
  app.post('/api/big', async (c) => c.json({ length: ((await readJson(c, BIG_LIMIT, DEPTH)) as { s: string }).s.length }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Sends the bytes in pieces of `size` (chunked, no Content-Length). */
function pieces(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function post(body: BodyInit, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);
  return { status: res.status, body: await res.json() };
}

const error = (status: number, code: string, message: string | RegExp) => ({ status, body: { error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) } } });

describe('readJson: what passes', () => {
  const value = { name: 'Nguyễn Thị Hà 👩‍🎓', quote: 'say "hi"\\ \n\t', escaped: '\u00e9\u0000', n: [-0.5, 1e21, 12345678901234567890, 0], yes: true, none: null, nested: [[[{ a: [] }]]] };
  const text = JSON.stringify(value).replace('é', '\\u00e9');

  it.each([
    ['with Content-Length', () => utf8(text)],
    ['one byte at a time (characters split across chunks)', () => pieces(utf8(text), 1)],
    ['gzip', () => new Uint8Array(gzipSync(text))],
  ])('strings with escapes, unicode and numbers arrive as JSON.parse reads them, %s', async (label, body) => {
    const res = await post(body(), label === 'gzip' ? { 'Content-Encoding': 'gzip' } : {});
    expect(res).toEqual({ status: 200, body: { value: JSON.parse(text) } });
  });

  it('takes exactly the limit, and exactly the depth', async () => {
    const atLimit = JSON.stringify({ s: 'x'.repeat(LIMIT - 8) });
    expect(utf8(atLimit).length).toBe(LIMIT);
    expect((await post(atLimit)).status).toBe(200);
    expect((await post(pieces(utf8(atLimit), 7))).status).toBe(200);
    expect((await post('['.repeat(DEPTH) + ']'.repeat(DEPTH))).status).toBe(200);
  });
});

describe('readJson: what is refused, and how', () => {
  it.each([
    ['Content-Length', () => utf8(JSON.stringify({ s: 'x'.repeat(LIMIT) }))],
    ['chunked', () => pieces(utf8(JSON.stringify({ s: 'x'.repeat(LIMIT) })), 100)],
  ])('one byte over the limit: 413 (%s)', async (_label, body) => {
    expect(await post(body())).toEqual(error(413, 'payload_too_large', `Request body is larger than ${LIMIT} bytes`));
  });

  it('a gzip bomb: 413 once the decompressed size passes the limit', async () => {
    // 800 KB of JSON in under 1,000 bytes of gzip
    const bomb = gzipSync(JSON.stringify({ s: ' '.repeat(800 * 1024) }), { level: 9 });
    expect(bomb.length).toBeLessThanOrEqual(LIMIT);
    expect(await post(new Uint8Array(bomb), { 'Content-Encoding': 'gzip' })).toEqual(error(413, 'payload_too_large', `Request body is larger than ${LIMIT} bytes once decompressed`));
    // and the compressed body itself is bounded too
    const big = gzipSync(JSON.stringify({ s: ' '.repeat(64 * 1024 * 1024) }));
    expect(await post(pieces(new Uint8Array(big), 4096), { 'Content-Encoding': 'gzip' })).toEqual(error(413, 'payload_too_large', `Request body is larger than ${LIMIT} bytes`));
  });

  it('a gzip body past what is inflated inline but within the limit passes; past the limit, 413', async () => {
    const big = (chars: number) => new Uint8Array(gzipSync(JSON.stringify({ s: 'x'.repeat(chars) })));
    const send = async (bytes: BodyInit) => {
      const res = await fetch(url.replace('/api/json', '/api/big'), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body: bytes });
      return { status: res.status, body: await res.json() };
    };
    expect(await send(big(INLINE_INFLATE_BYTES - 100))).toEqual({ status: 200, body: { length: INLINE_INFLATE_BYTES - 100 } });
    expect(await send(big(2 * INLINE_INFLATE_BYTES))).toEqual({ status: 200, body: { length: 2 * INLINE_INFLATE_BYTES } });
    expect(await send(big(BIG_LIMIT))).toEqual(error(413, 'payload_too_large', `Request body is larger than ${BIG_LIMIT} bytes once decompressed`));
  });

  it('broken gzip and broken UTF-8: 400 bad_encoding', async () => {
    expect(await post(utf8('{"a":1}'), { 'Content-Encoding': 'gzip' })).toEqual(error(400, 'bad_encoding', 'The body is not valid gzip'));
    expect(await post(Uint8Array.from([0x22, 0xff, 0x22]))).toEqual(error(400, 'bad_encoding', 'The body is not valid UTF-8'));
    // a character cut off at the end of the body
    expect(await post(utf8('"é').subarray(0, 2))).toEqual(error(400, 'bad_encoding', 'The body is not valid UTF-8'));
  });

  it('nesting deeper than the limit: 400 too_deep, naming the limit and where', async () => {
    expect(await post('['.repeat(DEPTH + 1) + ']'.repeat(DEPTH + 1))).toEqual(error(400, 'too_deep', `JSON nested deeper than ${DEPTH} levels (at byte ${DEPTH})`));
    expect(await post(`{"a":${'{"b":'.repeat(DEPTH)}1${'}'.repeat(DEPTH + 1)}`)).toEqual(error(400, 'too_deep', /^JSON nested deeper than 8 levels/));
  });

  it.each([
    ['', 'The body is empty; send a JSON object'],
    ['   ', 'The body is empty; send a JSON object'],
    ['{"a":1,}', 'The body is not valid JSON: an object key that is not a string at byte 7'],
    ['{"a":01}', 'The body is not valid JSON: a number with a leading zero at byte 6'],
    ['["\\q"]', 'The body is not valid JSON: an unknown escape in a string at byte 3'],
  ])('%j: 400 invalid_json', async (text, message) => {
    expect(await post(text)).toEqual(error(400, 'invalid_json', message));
  });

  it('a body that is not JSON, or an unknown encoding: 415', async () => {
    expect(await post('{}', { 'Content-Type': 'text/plain' })).toEqual(error(415, 'unsupported_media_type', /Content-Type: application\/json/));
    expect(await post('{}', { 'Content-Encoding': 'br' })).toEqual(error(415, 'unsupported_media_type', 'Content-Encoding "br" is not supported (use gzip or none)'));
  });
});

describe('readJson answers before the body ends', () => {
  /** Starts a chunked request, writes `start`, and keeps it open: the answer must come anyway. */
  function answerWhileSending(start: string): Promise<{ status: number; body: any; stillSending: boolean }> {
    return new Promise((resolve, reject) => {
      let finished = false;
      const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        const stillSending = !finished;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          clearInterval(more);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), stillSending });
        });
      });
      req.on('error', (e) => (finished ? undefined : reject(e)));
      req.write(start);
      // more valid-looking bytes keep coming, slowly, and would never end on their own
      let sent = 0;
      const more = setInterval(() => {
        if (sent++ > 200) {
          finished = true;
          clearInterval(more);
          req.end();
        } else req.write('1,');
      }, 10);
    });
  }

  it('nesting too deep: the first level over the limit ends it', async () => {
    const res = await answerWhileSending('['.repeat(DEPTH + 1));
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'too_deep' } }, stillSending: true });
  });

  it('a byte that is not JSON ends it', async () => {
    const res = await answerWhileSending('{"a":1 "b"');
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } }, stillSending: true });
  });
});
