// The engine against an in-memory model of the server (fake-server.ts): batches in seq
// order, pull pages, rejected → needs attention, gap, 401 keeps the outbox, one tab at a time.
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_BATCH } from '../../../src/protocol/sync';
import { createMemoryLocks, oneEditPerField, runCycle, toWire } from '../../../src/sync/engine';
import { AuthError, HttpError, NetworkError, type SyncTransport } from '../../../src/sync/api';
import { FakeServer } from './fake-server';
import { dropAllDatabases, makeDevice, snapshot, type Device } from './devices';

afterEach(dropAllDatabases);

const id = (i: number) => `member-${String(i).padStart(5, '0')}`;

async function joined(name: string, server: FakeServer, role = 'secretary') {
  const d = await makeDevice(name);
  await d.link({ role });
  return { d, transport: server.transport(d.deviceId) };
}

/**
 * n new members written the way the repos write them (one transaction, row + outbox entry
 * each). Large counts skip the rows and append outbox entries directly: fake-indexeddb is
 * slow, and the push does not read the rows.
 */
async function bulkWrite(d: Device, n: number, from = 1) {
  const { upsertRow } = await import('../../../src/data/outbox');
  if (n <= 100) {
    await d.db.transaction('rw', [d.db.members, d.db.outbox, d.db.syncState], async () => {
      for (let i = from; i < from + n; i++) await upsertRow(d.db, 'members', id(i), d.localUnitId, { fullName: `Đoàn viên ${i}` } as never);
    });
    return;
  }
  await d.db.transaction('rw', [d.db.outbox, d.db.syncState], async () => {
    const dev = (await d.db.syncState.get('device'))!;
    const entries = Array.from({ length: n }, (_, k) => ({
      mid: `mid-${d.deviceId}-${dev.nextSeq + k}`,
      seq: dev.nextSeq + k,
      table: 'members' as const,
      rowId: id(from + k),
      op: 'upsert' as const,
      fields: { fullName: `Đoàn viên ${from + k}`, createdAt: '2026-01-01T00:00:00.000Z' },
      base: { fullName: 0, createdAt: 0 },
      hlc: `${String(Date.now()).padStart(13, '0')}:${String(k % 10_000).padStart(4, '0')}:${d.deviceId}`,
    }));
    await d.db.outbox.bulkAdd(entries);
    await d.db.syncState.update('device', { nextSeq: dev.nextSeq + n });
  });
}

describe('push', () => {
  test('the whole outbox goes in seq order, in batches of at most 1,000, then leaves the outbox', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 2_345);
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(r).toMatchObject({ kind: 'done', pushed: 2_345, applied: 2_345 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([MAX_BATCH, MAX_BATCH, 345]);
    const seqs = server.pushes.flatMap((p) => p.mutations.map((m) => m.seq));
    expect(seqs).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
    expect(await d.db.outbox.count()).toBe(0);
    expect((await d.db.syncState.get('device'))!.lastAckedSeq).toBe(2_345);
  });

  test('bulk work: each batch leaves as soon as the one before is answered, before that answer is recorded', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 2_345);
    // At each push, is the batch before it still in the outbox (its answer not yet recorded)?
    const previousWaiting: boolean[] = [];
    const watched: SyncTransport = {
      ...transport,
      push: async (req) => {
        const n = server.pushes.length;
        if (n > 0) previousWaiting.push((await d.db.outbox.get(server.pushes[n - 1].mutations[0].seq)) !== undefined);
        return transport.push(req);
      },
    };
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport: watched });
    expect(r).toMatchObject({ kind: 'done', pushed: 2_345, applied: 2_345 });
    expect(previousWaiting).toEqual([true, true]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.seq))).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
    expect(await d.db.outbox.count()).toBe(0);
    expect((await d.db.syncState.get('device'))!.lastAckedSeq).toBe(2_345);
  });

  test('one rejected change among 1,000: the rest apply, it waits in needs attention, the queue moves on', async () => {
    const server = new FakeServer();
    server.rejectIf = (m) => (m.rowId === id(500) ? 'err.tooLong' : undefined);
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 1_000);
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(r).toMatchObject({ kind: 'done', applied: 999, rejected: 1 });
    expect(await d.db.outbox.count()).toBe(0);
    const na = await d.db.needsAttention.toArray();
    expect(na.map((x) => [x.mutation.rowId, x.reason])).toEqual([[id(500), 'err.tooLong']]);
    expect(server.rows.size).toBe(999);
    // The next change still goes through.
    await d.write('members', id(2_000), { fullName: 'Sau đó' });
    await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(server.rows.has(`members:${id(2_000)}`)).toBe(true);
  });

  test('a gap is resent from the server lastSeq + 1 (entries renumbered when the server lost them)', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 5);
    // As if 1–2 had been acknowledged by a server that then lost this device's history.
    await d.db.outbox.bulkDelete([1, 2]);
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(r).toMatchObject({ kind: 'done', applied: 3 });
    expect(server.pushes[0].mutations[0].seq).toBe(3);
    expect(server.pushes[1].mutations.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect([...server.rows.keys()].sort()).toEqual([id(3), id(4), id(5)].map((x) => `members:${x}`));
    expect((await d.db.syncState.get('device'))!.nextSeq).toBe(4);
  });

  test('a crash between the push answer and the outbox delete: the retry answers duplicate, one effect', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 3);
    // The server commits, the answer never arrives.
    const lost: SyncTransport = { ...transport, push: async (req) => (await transport.push(req), Promise.reject(new NetworkError('cut'))) };
    await expect(runCycle({ db: d.db, localUnitId: d.localUnitId, transport: lost })).rejects.toThrow(NetworkError);
    expect(await d.db.outbox.count()).toBe(3);
    const versionBefore = server.version;
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(r).toMatchObject({ kind: 'done', pushed: 3, applied: 3 });
    expect(server.version).toBe(versionBefore);
    expect(await d.db.outbox.count()).toBe(0);
  });

  test('a 401 in the middle of the queue keeps every unacknowledged entry and pauses', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 2_500);
    let calls = 0;
    const revokedAfterFirst: SyncTransport = {
      ...transport,
      push: async (req) => {
        if (++calls === 2) server.revoked.add(d.deviceId);
        return transport.push(req);
      },
    };
    await expect(runCycle({ db: d.db, localUnitId: d.localUnitId, transport: revokedAfterFirst })).rejects.toThrow(AuthError);
    const left = await d.db.outbox.orderBy('seq').toArray();
    expect(left).toHaveLength(1_500);
    expect(left[0].seq).toBe(1_001);
    expect((await d.db.syncState.get('device'))!.pausedReason).toBe('auth');
    // Paused: no request at all until the user joins again.
    const before = server.pushes.length;
    expect(await runCycle({ db: d.db, localUnitId: d.localUnitId, transport })).toEqual({ kind: 'paused' });
    expect(server.pushes.length).toBe(before);
    expect(await d.db.outbox.count()).toBe(1_500);
  });

  test('a batch the server finds too large (413) is halved until it fits', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 40);
    const picky: SyncTransport = {
      ...transport,
      push: async (req) => {
        if ('mutations' in req && req.mutations.length > 10) throw new HttpError(413, 'payload_too_large', 'too large');
        return transport.push(req);
      },
    };
    expect(await runCycle({ db: d.db, localUnitId: d.localUnitId, transport: picky })).toMatchObject({ kind: 'done', applied: 40 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([10, 10, 10, 10]);
  });

  test('a reader (viewer) pulls but never pushes', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('v', server, 'viewer');
    // the app refuses a viewer's write (src/data/commit.ts); one left from before the phone
    // became a viewer stays in the outbox
    await expect(d.write('members', id(1), { fullName: 'Không gửi' })).rejects.toThrow('err.readOnly');
    await bulkWrite(d, 1);
    expect(await runCycle({ db: d.db, localUnitId: d.localUnitId, transport })).toMatchObject({ kind: 'done', pushed: 0 });
    expect(server.pushes).toHaveLength(0);
    expect(await d.db.outbox.count()).toBe(1);
  });
});

describe('edits in a row on one phone', () => {
  test('several offline edits of one field reach the server as a sequence, not as conflicts with itself', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await d.write('minutes', 'meeting-0001', { discussion: 'a' });
    for (const text of ['ab', 'abc', 'abcd']) await d.write('minutes', 'meeting-0001', { discussion: text });
    await d.remove('minutes', 'meeting-0001');
    await d.write('minutes', 'meeting-0001', { discussion: 'restored' });
    const r = await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(r).toMatchObject({ kind: 'done', conflicts: 0, applied: 6 });
    // one edit of a field per batch: the follower's base moves to the leader's version first
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([1, 1, 1, 2, 1]);
    expect(server.conflicts).toHaveLength(0);
    const row = [...server.rows.values()][0];
    expect(row).toMatchObject({ deleted: false, fields: { discussion: 'restored' } });
    expect((await d.db.minutes.get('meeting-0001'))!.discussion).toBe('restored');
  });
});

describe('cleared fields', () => {
  test('a field the user cleared travels as an empty value, not dropped by JSON', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await d.write('members', id(1), { fullName: 'Lê Thị Hoa', phone: '0900000000' });
    await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    await d.write('members', id(1), { phone: undefined });
    const [entry] = await d.db.outbox.toArray();
    expect('phone' in entry.fields).toBe(true);
    expect(toWire(entry).fields).toEqual({ phone: '' });
    await runCycle({ db: d.db, localUnitId: d.localUnitId, transport });
    expect(server.rows.get(`members:${id(1)}`)!.fields.phone).toBe('');
    expect((await d.db.members.get(id(1)))!.phone ?? '').toBe('');
  });
});

describe('pull', () => {
  test('pages until hasMore is false; a second device receives everything', async () => {
    const server = new FakeServer();
    const a = await joined('a', server);
    const b = await joined('b', server, 'deputy');
    await bulkWrite(a.d, 2_100);
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    const r = await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    expect(r).toMatchObject({ kind: 'done', pulled: 2_100 });
    expect(server.pulls.slice(-3).map((p) => p.cursor)).toEqual([0, 1_000, 2_000]);
    expect(await b.d.db.members.count()).toBe(2_100);
    // A pulls back what it pushed (it had only outbox entries here): both equal.
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    expect(await snapshot(b.d.db)).toEqual(await snapshot(a.d.db));
  });

  test('concurrent edits of one field: one value everywhere, the other kept as a conflict on both phones', async () => {
    const server = new FakeServer();
    const a = await joined('a', server);
    const b = await joined('b', server, 'deputy');
    await a.d.write('members', id(1), { fullName: 'Lê Thị Hoa', phone: '0900000000' });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    await a.d.write('members', id(1), { phone: '0911111111' });
    await b.d.write('members', id(1), { phone: '0922222222' });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    const pa = (await a.d.db.members.get(id(1)))!.phone;
    const pb = (await b.d.db.members.get(id(1)))!.phone;
    expect(pa).toBe(pb);
    for (const d of [a.d, b.d]) {
      const cs = await d.db.conflicts.toArray();
      expect(cs).toHaveLength(1);
      expect(new Set([cs[0].mine, cs[0].theirs])).toEqual(new Set(['0911111111', '0922222222']));
    }
    const mineOnB = (await b.d.db.conflicts.toArray())[0].mine;
    expect(mineOnB).toBe('0922222222');
  });

  test('a field written during the cycle is kept by the pull and set right after its push (repull)', async () => {
    const server = new FakeServer();
    const a = await joined('a', server);
    const b = await joined('b', server, 'deputy');
    await a.d.write('members', id(1), { fullName: 'Lê Thị Hoa', phone: '0900000000' });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    // A edits and syncs; B edits the same field *between its push and its pull* and loses.
    await a.d.write('members', id(1), { phone: '0911111111' });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    const sneaky: SyncTransport = {
      ...b.transport,
      pull: async (req) => {
        if ((await b.d.db.outbox.count()) === 0) await b.d.write('members', id(1), { phone: '0900000001' });
        return b.transport.pull(req);
      },
    };
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: sneaky });
    expect((await b.d.db.members.get(id(1)))!.phone).toBe('0900000001'); // kept: not yet pushed
    // Older HLC than A's? B's stamp is newer, so make it lose by making the server prefer A.
    await runCycle({ db: b.d.db, localUnitId: b.d.localUnitId, transport: b.transport });
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    const server_ = [...server.rows.values()].find((r) => r.id === id(1))!;
    expect((await b.d.db.members.get(id(1)))!.phone).toBe(server_.fields.phone);
    expect((await a.d.db.members.get(id(1)))!.phone).toBe(server_.fields.phone);
    expect(server.conflicts).toHaveLength(1);
  });
});

describe('server restored from an older backup', () => {
  test('resetRequired: push first, then read everything again from 0', async () => {
    const server = new FakeServer();
    const a = await joined('a', server);
    await bulkWrite(a.d, 3);
    await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: a.transport });
    // The phone's cursor is ahead of what the restored server has.
    await a.d.db.syncState.update('device', { cursor: 50 });
    await a.d.write('members', id(9), { fullName: 'Ghi sau khi máy chủ khôi phục' });
    const resetting: SyncTransport = {
      ...a.transport,
      pull: async (req) => (req.cursor > server.version ? { rows: [], cursor: req.cursor, hasMore: false, resetRequired: true } as never : a.transport.pull(req)),
    };
    const r = await runCycle({ db: a.d.db, localUnitId: a.d.localUnitId, transport: resetting });
    expect(r).toMatchObject({ kind: 'done', pushed: 1, pulled: 4 });
    expect(server.pulls.map((p) => p.cursor).slice(-1)).toEqual([0]);
    expect((await a.d.db.syncState.get('device'))!.cursor).toBe(server.version);
  });
});

describe('one tab at a time (Web Lock)', () => {
  test('two tabs of one unit: never two cycles at once; a waiting tab runs after', async () => {
    const server = new FakeServer();
    const { d, transport } = await joined('a', server);
    await bulkWrite(d, 50);
    const locks = createMemoryLocks();
    let inFlight = 0;
    let maxInFlight = 0;
    const slow: SyncTransport = {
      ...transport,
      push: async (req) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return transport.push(req);
      },
    };
    const opts = { db: d.db, localUnitId: d.localUnitId, transport: slow, locks, batchSize: 10 };
    const [x, y] = await Promise.all([runCycle(opts), runCycle(opts)]);
    expect([x.kind, y.kind].sort()).toEqual(['busy', 'done']);
    await bulkWrite(d, 20, 100);
    const [p, q] = await Promise.all([runCycle({ ...opts, wait: true }), runCycle({ ...opts, wait: true })]);
    expect([p.kind, q.kind]).toEqual(['done', 'done']);
    expect(maxInFlight).toBe(1);
    expect(server.rows.size).toBe(70);
  });
});

describe('oneEditPerField', () => {
  const e = (seq: number, rowId: string, fields: Record<string, unknown>) => ({ mid: `m${seq}`, seq, table: 'members' as const, rowId, op: 'upsert' as const, fields, base: {}, hlc: '' });

  test('a batch of distinct rows goes whole; the second edit of a field starts the next batch', () => {
    const distinct = [e(1, 'a', { fullName: 'A' }), e(2, 'b', { fullName: 'B' }), e(3, 'c', { phone: '09' })];
    expect(oneEditPerField(distinct)).toBe(distinct);
    // the same row twice, other fields: still one batch
    const otherFields = [e(1, 'a', { fullName: 'A' }), e(2, 'a', { phone: '09' }), e(3, 'b', { fullName: 'B' })];
    expect(oneEditPerField(otherFields)).toHaveLength(3);
    const again = [e(1, 'a', { fullName: 'A' }), e(2, 'b', { fullName: 'B' }), e(3, 'a', { phone: '09', fullName: 'A2' }), e(4, 'c', {})];
    expect(oneEditPerField(again).map((x) => x.seq)).toEqual([1, 2]);
  });
});
