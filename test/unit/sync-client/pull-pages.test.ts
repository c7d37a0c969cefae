// The phone's side of pull pages by bytes and reading ahead (src/protocol/pull-pages.ts,
// sync/engine.ts pullAll): it asks for byte-filled pages, asks for the next page while one is
// applied, and still stores a cursor only with an applied page — a page read ahead and lost
// costs a re-read, never a row. Against the fake server (which, like an older server, ignores
// the header) and the real one.
import { afterEach, describe, expect, test } from 'vitest';
import { PAGE_BYTES_HEADER, PHONE_PAGE_BYTES } from '../../../src/protocol/pull-pages';
import { NetworkError, type FetchFn, type SyncTransport } from '../../../src/sync/api';
import { runCycle } from '../../../src/sync/engine';
import { httpTransport } from '../../../src/sync/transport';
import { dropAllDatabases, makeDevice, snapshot, type Device } from './devices';
import { FakeServer } from './fake-server';
import { startRealServer, type RealServer } from './real-server';

let srv: RealServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  await dropAllDatabases();
});

const MEMBER = { position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' };
const member = (i: number) => `member-${String(i).padStart(4, '0')}`;

async function members(d: Device, n: number) {
  for (let i = 0; i < n; i++) await d.write('members', member(i), { fullName: `Đoàn viên ${i}`, ...MEMBER });
}

/** A phone on the fake server whose pulls note the phone's stored cursor at the moment each is asked. */
async function watchedPhone(server: FakeServer, name: string) {
  const d = await makeDevice(name);
  await d.link({ role: 'deputy' });
  const inner = server.transport(d.deviceId);
  const asked: { cursor: number; stored: number; bytes?: number }[] = [];
  const transport: SyncTransport = {
    ...inner,
    pull: async (req, page) => {
      asked.push({ cursor: req.cursor, stored: (await d.db.syncState.get('device'))?.cursor ?? 0, bytes: page?.bytes });
      return inner.pull(req, page);
    },
  };
  return { d, transport, asked };
}

/** Phone A has pushed 50 members to the server; phone B, watched, has not pulled yet. */
async function pushedAndWatched(server: FakeServer) {
  const a = await makeDevice('a');
  await a.link({ role: 'secretary' });
  await members(a, 50);
  await runCycle({ db: a.db, localUnitId: a.localUnitId, transport: server.transport(a.deviceId) });
  return { a, b: await watchedPhone(server, 'b') };
}

describe('reading ahead', () => {
  test('the next page is asked for while one is applied; the stored cursor moves only with an applied page', async () => {
    const server = new FakeServer();
    const { a, b } = await pushedAndWatched(server);
    const r = await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport, batchSize: 10 });
    expect(r).toMatchObject({ kind: 'done', pulled: 50 });
    expect(b.asked.map((x) => x.cursor)).toEqual([0, 10, 20, 30, 40]);
    // page n+1 is asked for when page n has arrived, before it is applied: one page behind
    expect(b.asked.map((x) => x.stored)).toEqual([0, 0, 10, 20, 30]);
    expect((await b.d.db.syncState.get('device'))!.cursor).toBe(50);
    expect(await snapshot(b.d.db)).toEqual(await snapshot(a.db));
  });

  test('by default the phone asks for pages by bytes; with a page size in rows (tests) it does not', async () => {
    const server = new FakeServer();
    const b = await watchedPhone(server, 'b');
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport, batchSize: 10 });
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport, batchSize: 10, pageBytes: 4096 });
    expect(b.asked.map((x) => x.bytes)).toEqual([PHONE_PAGE_BYTES, undefined, 4096]);
  });

  test('a page read ahead that fails: the page before it is applied and kept, the error reaches the runner, the next cycle goes on from there', async () => {
    const server = new FakeServer();
    const { a, b } = await pushedAndWatched(server);
    let n = 0;
    const dying: SyncTransport = {
      ...b.transport,
      pull: async (req, page) => {
        if (++n === 3) throw new NetworkError('page closed');
        return b.transport.pull(req, page);
      },
    };
    await expect(runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: dying, batchSize: 10 })).rejects.toThrow('page closed');
    // pages 1 and 2 were answered; both are applied, nothing of page 3
    expect(await b.d.db.members.count()).toBe(20);
    expect((await b.d.db.syncState.get('device'))!.cursor).toBe(20);
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport, batchSize: 10 });
    expect(b.asked.slice(-3).map((x) => x.cursor)).toEqual([20, 30, 40]);
    expect(await snapshot(b.d.db)).toEqual(await snapshot(a.db));
  });
});

describe('against the real server', () => {
  test('the header goes with a pull only when pages by bytes are asked for', async () => {
    const seen: Record<string, string>[] = [];
    const fetch = async (_url: string, init?: RequestInit) => {
      seen.push(init?.headers as Record<string, string>);
      return new Response(JSON.stringify({ rows: [], cursor: 0, hasMore: false }), { status: 200 });
    };
    const t = httpTransport({ baseUrl: 'http://server', unitId: 'u1', deviceToken: 't' }, { fetch });
    await t.pull({ cursor: 0, limit: 1000 }, { bytes: 123_456 });
    await t.pull({ cursor: 0, limit: 1000 });
    expect(seen.map((h) => h[PAGE_BYTES_HEADER])).toEqual(['123456', undefined]);
  });

  test("pages by bytes: the whole unit in one page at the phone's size, the same rows; a page lost half-way loses nothing", async () => {
    srv = await startRealServer();
    const a = await makeDevice('a');
    await members(a, 60);
    await srv.join(a, 'secretary');
    await srv.sync(a);
    // every member in one page when the phone asks for its usual size (the unit's record too)
    const counted: string[] = [];
    const counting: FetchFn = async (input, init) => {
      if (input.endsWith('/pull')) counted.push((init?.headers as Record<string, string>)[PAGE_BYTES_HEADER]);
      return fetch(input, init);
    };
    const b = await makeDevice('b');
    await srv.join(b, 'deputy');
    await srv.sync(b, { fetch: counting });
    expect(counted).toEqual([String(PHONE_PAGE_BYTES)]);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
    // small byte pages, the third answer lost while the second is applied
    const c = await makeDevice('c');
    await srv.join(c, 'viewer');
    let pulls = 0;
    const dying: FetchFn = async (input, init) => {
      if (input.endsWith('/pull') && ++pulls === 3) throw new NetworkError('page closed');
      return fetch(input, init);
    };
    await expect(srv.sync(c, { fetch: dying, pageBytes: 2_000 })).rejects.toThrow();
    const kept = await c.db.members.count();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(60);
    const cursor = (await c.db.syncState.get('device'))!.cursor;
    const lastKept = Math.max(...(await c.db.members.toArray()).map((m) => Math.max(...Object.values(m.rev ?? {}))));
    expect(cursor).toBeGreaterThanOrEqual(lastKept);
    await srv.sync(c, { pageBytes: 2_000 });
    expect(await c.db.members.count()).toBe(60);
    expect(await snapshot(c.db)).toEqual(await snapshot(a.db));
  });
});
