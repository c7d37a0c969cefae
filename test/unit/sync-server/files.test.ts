// PUT/GET /units/:unit/files/:sha256 over a real server, a real SQLite file and a temp data
// folder: who may, every refusal, idempotence (a retry or a second phone stores nothing new),
// the per-unit quota, and racing uploads of the same photo.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/protocol/file-ref';
import { freshUnit, joinDevice, startTestSyncServer, type TestServer } from './helpers';

/** Bytes that start like a JPEG (the server checks the marker and the hash, not the picture). */
function fakeJpeg(size = 5000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function put(t: TestServer, unitId: string, token: string | undefined, hash: string, body: BodyInit, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/api/v1/units/${unitId}/files/${hash}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'image/jpeg', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as any };
}

async function get(t: TestServer, unitId: string, token: string, hash: string, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/api/v1/units/${unitId}/files/${hash}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

function rowsOf(t: TestServer, unitId: string) {
  return t.query<{ sha256: string; bytes: number }>('SELECT sha256, bytes FROM files WHERE unit_id = ?', [unitId]);
}

describe('the file endpoint', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestSyncServer();
  });
  afterAll(async () => t?.close());

  it('stores a photo once on disk, streams it back with immutable caching, and a second PUT stores nothing new', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const phone = await joinDevice(t.api, admin, unitId, 'secretary');
    const other = await joinDevice(t.api, admin, unitId, 'deputy');
    const jpeg = fakeJpeg();
    const hash = sha(jpeg);

    const first = await put(t, unitId, phone.token, hash, jpeg);
    expect(first).toEqual({ status: 201, body: { sha256: hash, bytes: jpeg.length, usedBytes: jpeg.length, quotaBytes: 1024 ** 3 } });
    const file = path.join(t.workspace.dataDir, 'files', unitId, hash.slice(0, 2), hash);
    expect(readFileSync(file)).toEqual(Buffer.from(jpeg));
    expect(readdirSync(path.dirname(file))).toEqual([hash]); // no temp file left

    // a retry, and the same photo from another phone: 200, counted once
    expect((await put(t, unitId, phone.token, hash, jpeg)).status).toBe(200);
    expect(await put(t, unitId, other.token, hash, jpeg)).toEqual({ status: 200, body: { sha256: hash, bytes: jpeg.length, usedBytes: jpeg.length, quotaBytes: 1024 ** 3 } });
    expect(await rowsOf(t, unitId)).toEqual([{ sha256: hash, bytes: jpeg.length }]);

    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    for (const token of [viewer.token, admin]) {
      const res = await get(t, unitId, token, hash);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(res.headers.get('etag')).toBe(`"${hash}"`);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(jpeg);
    }
    const again = await get(t, unitId, viewer.token, hash, { 'If-None-Match': `"${hash}"` });
    expect(again.status).toBe(304);
  });

  it('refuses, with a JSON error naming why: bad token, wrong unit or role, bad hash, wrong bytes, not a JPEG, too large, empty', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const phone = await joinDevice(t.api, admin, unitId, 'secretary');
    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    const other = await freshUnit(t.api);
    const stranger = await joinDevice(t.api, other.admin, other.unitId, 'secretary');
    const jpeg = fakeJpeg();
    const hash = sha(jpeg);
    const code = (a: { status: number; body: any }) => [a.status, a.body.error?.code];

    expect(code(await put(t, unitId, undefined, hash, jpeg))).toEqual([401, 'unauthorized']);
    expect(code(await put(t, unitId, 'x'.repeat(32), hash, jpeg))).toEqual([401, 'unauthorized']);
    expect(code(await put(t, unitId, stranger.token, hash, jpeg))).toEqual([403, 'forbidden']);
    expect(code(await put(t, unitId, viewer.token, hash, jpeg))).toEqual([403, 'forbidden']);
    expect(code(await put(t, unitId, admin, hash, jpeg))).toEqual([403, 'forbidden']);
    expect(code(await put(t, unitId, phone.token, hash.toUpperCase(), jpeg))).toEqual([400, 'invalid_hash']);
    expect(code(await put(t, unitId, phone.token, 'a'.repeat(64), jpeg))).toEqual([400, 'hash_mismatch']);
    const png: Uint8Array<ArrayBuffer> = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    expect(code(await put(t, unitId, phone.token, sha(png), png))).toEqual([415, 'not_jpeg']);
    expect(code(await put(t, unitId, phone.token, sha(new Uint8Array()), new Uint8Array()))).toEqual([400, 'empty_body']);

    const big = fakeJpeg(MAX_FILE_BYTES + 1);
    const declared = await put(t, unitId, phone.token, sha(big), big);
    expect(code(declared)).toEqual([413, 'payload_too_large']);
    // sent in chunks with no length announced: cut off once past the limit
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < big.length; at += 256 * 1024) controller.enqueue(big.slice(at, at + 256 * 1024));
        controller.close();
      },
    });
    expect(code(await put(t, unitId, phone.token, sha(big), chunked))).toEqual([413, 'payload_too_large']);

    const missing = await get(t, unitId, viewer.token, hash);
    expect([missing.status, ((await missing.json()) as any).error.code]).toEqual([404, 'file_not_found']);
    const foreign = await get(t, unitId, stranger.token, hash);
    expect(foreign.status).toBe(403);
    const noUnit = await get(t, 'no-such-unit', admin, hash);
    expect(noUnit.status).toBe(404);
    expect(await rowsOf(t, unitId)).toEqual([]);
    expect(existsSync(path.join(t.workspace.dataDir, 'files', unitId))).toBe(false);
  });

  it('lets racing uploads of the same photo store it once: one 201, the others 200', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const phones = await Promise.all([0, 1, 2].map(() => joinDevice(t.api, admin, unitId, 'secretary')));
    const jpeg = fakeJpeg(300_000);
    const hash = sha(jpeg);
    const answers = await Promise.all([...phones, ...phones].map((p) => put(t, unitId, p.token, hash, jpeg)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(await rowsOf(t, unitId)).toEqual([{ sha256: hash, bytes: jpeg.length }]);
    const dir = path.join(t.workspace.dataDir, 'files', unitId, hash.slice(0, 2));
    expect(readdirSync(dir)).toEqual([hash]);
    expect(sha(new Uint8Array(readFileSync(path.join(dir, hash))))).toBe(hash);
  });
});

describe('the per-unit quota', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestSyncServer({ fileQuotaBytes: 25_000 });
  });
  afterAll(async () => t?.close());

  it('refuses a photo that would pass the quota with 507 quota_exceeded and the numbers; each unit has its own', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const phone = await joinDevice(t.api, admin, unitId, 'secretary');
    const a = fakeJpeg(10_000);
    const b = fakeJpeg(10_000);
    const c = fakeJpeg(10_000);
    expect((await put(t, unitId, phone.token, sha(a), a)).status).toBe(201);
    expect((await put(t, unitId, phone.token, sha(b), b)).status).toBe(201);
    const full = await put(t, unitId, phone.token, sha(c), c);
    expect(full.status).toBe(507);
    expect(full.body.error).toMatchObject({ code: 'quota_exceeded', usedBytes: 20_000, quotaBytes: 25_000 });
    expect(full.body.error.message).toMatch(/20000 of its 25000 bytes/);
    // a photo the unit has already is no new usage: still accepted when full
    expect((await put(t, unitId, phone.token, sha(a), a)).status).toBe(200);
    expect(existsSync(path.join(t.workspace.dataDir, 'files', unitId, sha(c).slice(0, 2), sha(c)))).toBe(false);

    const other = await freshUnit(t.api);
    const otherPhone = await joinDevice(t.api, other.admin, other.unitId, 'secretary');
    expect((await put(t, other.unitId, otherPhone.token, sha(c), c)).status).toBe(201);
  });
});
