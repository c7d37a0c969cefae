// Issue 13 (B7): a pull page is written into one UTF-8 buffer from the stored bytes, sync
// answers are gzipped in one zlib call, and a process works on a bounded number of pushes and
// pulls at once. Each must answer exactly what the string-built page did.
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { Gate } from '../../../server/src/http/gate';
import { acceptsGzip, jsonAnswer } from '../../../server/src/http/gzip-answer';
import { pullAnswer } from '../../../server/src/sync/pull-page';
import { fieldVersions } from '../../../src/protocol/sparse-versions';
import type { PullPage, RawPulledRow } from '../../../server/src/store/types';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (j: string | Uint8Array) => (typeof j === 'string' ? j : new TextDecoder().decode(j));

/** The page as the route built it before (one string). */
function stringPage(page: PullPage, cursor: number, deviceLastSeq?: number, resetRequired = false): string {
  const rows = page.rows.map(
    (r) => `{"table":${JSON.stringify(r.table)},"id":${JSON.stringify(r.id)},"fields":${text(r.fieldsJson)},"versions":${text(r.versionsJson)},"deleted":${r.deleted},"version":${r.version}}`,
  );
  let json = `{"rows":[${rows.join(',')}],"cursor":${cursor},"hasMore":${page.hasMore}`;
  if (deviceLastSeq !== undefined) json += `,"deviceLastSeq":${deviceLastSeq}`;
  if (resetRequired) json += ',"resetRequired":true';
  return json + '}';
}

const members: RawPulledRow[] = [
  { table: 'members', id: 'm-0001-ễ', fieldsJson: utf8('{"fullName":"Nguyễn Thị Ánh Tuyết","note":"\\"trích\\" 😀"}'), versionsJson: utf8('{"fullName":3,"note":4}'), deleted: false, version: 4 },
  { table: 'attendance', id: 'e1:m-0001', fieldsJson: '{"status":"present"}', versionsJson: '{"status":5}', deleted: true, version: 5 },
];

describe('pullAnswer', () => {
  it('writes byte for byte the text the string-built page had, bytes and strings alike', () => {
    const page: PullPage = { rows: members, hasMore: true, unitVersion: 9 };
    const out = pullAnswer(page, { cursor: 5, deviceLastSeq: 12, resetRequired: true });
    expect(out.toString('utf8')).toBe(stringPage(page, 5, 12, true));
    expect(JSON.parse(out.toString('utf8')).rows[0].fields.fullName).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('sparse versions: a field written at the row version goes without its entry, and the phone reads the same map back', () => {
    const row: RawPulledRow = {
      table: 'members',
      id: 'm-2',
      fieldsJson: utf8('{"fullName":"Lê Thị Hồng","phone":"0901","createdAt":"2026-01-01T00:00:00.000Z"}'),
      versionsJson: utf8('{"fullName":7,"phone":3,"createdAt":7,"deleted":7}'),
      deleted: false,
      version: 7,
    };
    const page: PullPage = { rows: [row], hasMore: false, unitVersion: 7 };
    const sent = JSON.parse(pullAnswer(page, { cursor: 7, sparseVersions: true }).toString('utf8')).rows[0];
    // 'deleted' is not a field of the row: its entry stays, as does the older phone version
    expect(sent.versions).toEqual({ phone: 3, deleted: 7 });
    expect(fieldVersions(sent.fields, sent.versions, sent.version)).toEqual({ fullName: 7, phone: 3, createdAt: 7, deleted: 7 });
    // without the header, the whole map as stored
    expect(JSON.parse(pullAnswer(page, { cursor: 7 }).toString('utf8')).rows[0].versions).toEqual({ fullName: 7, phone: 3, createdAt: 7, deleted: 7 });
  });

  it('an empty page, without a device', () => {
    const page: PullPage = { rows: [], hasMore: false, unitVersion: 0 };
    expect(pullAnswer(page, { cursor: 0 }).toString('utf8')).toBe('{"rows":[],"cursor":0,"hasMore":false}');
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => expect(acceptsGzip(header)).toBe(expected));
});

describe('Gate', () => {
  it('runs at most `limit` at once, in arrival order, and frees a place however the work ends', async () => {
    const gate = new Gate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number, fail = false) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        if (fail) throw new Error(`work ${i} failed`);
        return i;
      });
    const results = await Promise.allSettled([work(1), work(2, true), work(3), work(4, true), work(5)]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(gate.queued).toBe(0);
    // and the places are all free again
    expect(await Promise.all([work(6), work(7)])).toEqual([6, 7]);
  });

  it('weighs work: heavy work takes more of the limit, in arrival order, never past it', async () => {
    const gate = new Gate(4);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const work = (name: string, weight: number) =>
      gate.run(async () => {
        running += Math.min(Math.max(1, Math.ceil(weight)), 4);
        most = Math.max(most, running);
        order.push(name);
        await new Promise((r) => setTimeout(r, 5));
        running -= Math.min(Math.max(1, Math.ceil(weight)), 4);
        return name;
      }, weight);
    // two pages of 2 MiB fill it; a light one waits its turn behind them, and a 9 MiB one weighs the whole limit
    expect(await Promise.all([work('a', 2), work('b', 2), work('c', 0), work('d', 1.5), work('e', 9), work('f', 1)])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(most).toBeLessThanOrEqual(4);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(gate.queued).toBe(0);
  });
});

describe('jsonAnswer', () => {
  const app = new Hono();
  const big = JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, fullName: 'Trần Văn Bảo' })) });
  app.get('/text', (c) => jsonAnswer(c, big));
  app.get('/bytes', (c) => jsonAnswer(c, Buffer.from(big)));
  app.get('/small', (c) => jsonAnswer(c, '{"ok":true}'));
  // a push's results: gzipped at once on the main thread (fast level), same bytes inflated
  app.get('/results', (c) => jsonAnswer(c, big, { small: true }));

  it.each(['/text', '/bytes', '/results'])('%s: gzipped for a client that takes gzip, the same JSON inflated', async (path) => {
    const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(big);
  });

  it('plain for a client that does not take gzip, and for a small answer', async () => {
    const plain = await app.request('/text');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(big);
    const small = await app.request('/small', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
  });
});
