// RELIABILITY.md 8, 9, 14, 17 and "a 401 mid-queue keeps the outbox", with the real client
// code over fake-indexeddb against the real server in process (real SQLite file).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UnitDb } from '../../../src/data/db';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';
import { AuthError, NetworkError, type FetchFn } from '../../../src/sync/api';
import { createMemoryLocks, runCycle } from '../../../src/sync/engine';
import { dropAllDatabases, makeDevice, snapshot, type Device } from './devices';
import { Network } from './network';
import { startRealServer, type RealServer } from './real-server';

let srv: RealServer;
beforeEach(async () => {
  srv = await startRealServer();
});
afterEach(async () => {
  await srv.close();
  await dropAllDatabases();
});

const member = (i: number) => `member-${String(i).padStart(4, '0')}`;
const MEMBER = { position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' };

async function members(d: Device, n: number, from = 0) {
  for (let i = from; i < from + n; i++) await d.write('members', member(i), { fullName: `Đoàn viên ${i}`, ...MEMBER });
}

/** The same database opened again, as after the page was closed and opened. */
function reopen(d: Device): Device {
  d.db.close();
  const db = new UnitDb(d.db.name);
  return { ...d, db };
}

describe('RELIABILITY 8: the page dies at the worst moments', () => {
  test('between the push answer and the outbox delete: the reopened page converges, no duplicates', async () => {
    const a = await makeDevice('a');
    await members(a, 12);
    await srv.join(a, 'secretary');
    // The server commits the first batch; the page is gone before it records the answer.
    let calls = 0;
    const dying: FetchFn = async (input, init) => {
      const res = await fetch(input, init);
      if (input.endsWith('/push') && ++calls === 1) {
        await res.text();
        throw new NetworkError('page closed');
      }
      return res;
    };
    await expect(srv.sync(a, { fetch: dying, batchSize: 5 })).rejects.toThrow();
    expect(await a.db.outbox.count()).toBe(12); // the server has 5 of them; the phone does not know
    const a2 = reopen(a);
    const r = await srv.sync(a2);
    expect(r).toMatchObject({ kind: 'done', pushed: 12 });
    expect(await a2.db.outbox.count()).toBe(0);
    const b = await makeDevice('b');
    await srv.join(b, 'viewer');
    await srv.sync(b);
    expect(await b.db.members.count()).toBe(12);
    expect(await snapshot(b.db)).toEqual(await snapshot(a2.db));
    // exactly one effect per change: 12 rows, and no conflict from the replay
    expect(await srv.conflicts()).toEqual([]);
  });

  test('in the middle of a pull: the reopened page resumes from the last whole page', async () => {
    const a = await makeDevice('a');
    await members(a, 30);
    await srv.join(a, 'secretary');
    await srv.sync(a);
    const b = await makeDevice('b');
    await srv.join(b, 'deputy');
    let pulls = 0;
    const dying: FetchFn = async (input, init) => {
      if (input.endsWith('/pull') && ++pulls === 3) throw new NetworkError('page closed');
      return fetch(input, init);
    };
    await expect(srv.sync(b, { fetch: dying, batchSize: 10 })).rejects.toThrow();
    // two whole pages (the unit's record and 19 members), nothing of the third
    expect(await b.db.members.count()).toBe(19);
    const cursor = (await b.db.syncState.get('device'))!.cursor;
    expect(cursor).toBeGreaterThan(0);
    const b2 = reopen(b);
    await srv.sync(b2, { batchSize: 10 });
    expect(await b2.db.members.count()).toBe(30);
    expect(await snapshot(b2.db)).toEqual(await snapshot(a.db));
  });
});

describe('RELIABILITY 9: the same member ticked on two phones offline', () => {
  async function twoPhones() {
    const a = await makeDevice('a');
    await members(a, 2);
    await a.write('meetings', 'meeting-0001', { kind: 'regular', title: 'Sinh hoạt tháng 4', startsAt: '2026-04-15T19:30', guests: [], status: 'planned' });
    await srv.join(a, 'secretary');
    await srv.sync(a);
    const b = await makeDevice('b');
    await srv.join(b, 'deputy');
    await srv.sync(b);
    return { a, b };
  }
  const mark = (d: Device, m: string, status: string) =>
    d.write('attendance', `meeting-0001:${m}`, { eventId: 'meeting-0001', memberId: m, status, checkedAt: new Date().toISOString() });

  test('same status: one row, no conflict', async () => {
    const { a, b } = await twoPhones();
    await mark(a, member(0), 'present');
    await mark(b, member(0), 'present');
    for (const d of [a, b, a]) await srv.sync(d);
    expect(await a.db.attendance.count()).toBe(1);
    expect(await b.db.attendance.count()).toBe(1);
    expect(await srv.conflicts()).toEqual([]);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });

  test('different status: one row, and a conflict to review on both phones', async () => {
    const { a, b } = await twoPhones();
    await mark(a, member(1), 'present');
    await mark(b, member(1), 'absent_excused');
    for (const d of [a, b, a]) await srv.sync(d);
    expect(await a.db.attendance.count()).toBe(1);
    const [ra, rb] = [await a.db.attendance.get(`meeting-0001:${member(1)}`), await b.db.attendance.get(`meeting-0001:${member(1)}`)];
    expect(ra!.status).toBe(rb!.status);
    const conflicts = await srv.conflicts();
    expect(conflicts.map((c) => c.field)).toEqual(['status']);
    expect(new Set([conflicts[0].winnerValue, conflicts[0].loserValue])).toEqual(new Set(['present', 'absent_excused']));
    for (const d of [a, b]) expect((await d.db.conflicts.toArray()).map((c) => c.field)).toEqual(['status']);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });

  test('taps through the statuses on both phones: an offline tap passing the other phone\'s value does not overwrite its later mark', async () => {
    // Found in use: A, offline, taps unexcused → present → late; later B, online, taps
    // unexcused → present and syncs. A's "present" equals B's stored value, so the server
    // writes nothing for it; its answer must not make A's "late" look like an edit made
    // after B's, which would overwrite B's later mark without a conflict.
    const { a, b } = await twoPhones();
    await mark(a, member(0), 'absent_excused');
    await srv.sync(a);
    await srv.sync(b);
    for (const s of ['absent_unexcused', 'present', 'late']) await mark(a, member(0), s);
    for (const s of ['absent_unexcused', 'present']) await mark(b, member(0), s);
    await srv.sync(b);
    for (const d of [a, b, a]) await srv.sync(d);
    const id = `meeting-0001:${member(0)}`;
    expect((await a.db.attendance.get(id))!.status).toBe('present');
    expect((await b.db.attendance.get(id))!.status).toBe('present');
    const lost = (await srv.conflicts()).filter((c) => c.field === 'status').map((c) => c.loserValue);
    expect(lost).toContain('late');
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });

  test('minutes finalized on one phone while another edited them offline: it shows the final minutes and roll, and keeps what it typed on a card', async () => {
    const { a, b } = await twoPhones();
    const minutes = { meetingId: 'meeting-0001', status: 'draft', discussion: 'Thu 54/59 đoàn phí (A)' };
    await a.write('minutes', 'meeting-0001', minutes);
    await a.write('attendance', `meeting-0001:${member(0)}`, { eventId: 'meeting-0001', memberId: member(0), status: 'present', checkedAt: new Date().toISOString() });
    await srv.sync(a);
    await srv.sync(b);
    // B, offline: another text and another mark; A finalizes meanwhile
    await b.write('minutes', 'meeting-0001', { discussion: 'Thu 55/59 đoàn phí (B, sửa sau)' });
    await b.write('attendance', `meeting-0001:${member(0)}`, { status: 'absent_excused', checkedAt: new Date().toISOString() });
    await b.write('attendance', `meeting-0001:${member(1)}`, { eventId: 'meeting-0001', memberId: member(1), status: 'late', checkedAt: new Date().toISOString() });
    await a.write('minutes', 'meeting-0001', { status: 'finalized' });
    await srv.sync(a);
    for (let i = 0; i < 2; i++) await srv.sync(b);
    expect((await b.db.minutes.get('meeting-0001'))!).toMatchObject({ status: 'finalized', discussion: 'Thu 54/59 đoàn phí (A)' });
    expect((await b.db.attendance.get(`meeting-0001:${member(0)}`))!.status).toBe('present');
    // a mark the server never had leaves the roll
    expect(await b.db.attendance.get(`meeting-0001:${member(1)}`)).toBeUndefined();
    const cards = await b.db.needsAttention.toArray();
    expect(cards.map((c) => c.reason)).toEqual(['err.locked', 'err.locked', 'err.locked']);
    expect(cards.map((c) => c.mutation.fields.discussion).filter(Boolean)).toEqual(['Thu 55/59 đoàn phí (B, sửa sau)']);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });
});

describe('the dues ledger on two phones', () => {
  test('the same payment reversed on both phones offline: reversed once, nothing for the user to fix', async () => {
    const a = await makeDevice('a');
    await members(a, 1);
    const pay = { memberId: member(0), period: '2026-03', amount: 5000, paidAt: '2026-03-05', method: 'cash', receiptNo: 'PT-0001' };
    await a.write('dues', 'dues-0001', pay);
    await srv.join(a, 'secretary');
    await srv.sync(a);
    const b = await makeDevice('b');
    await srv.join(b, 'deputy');
    await srv.sync(b);
    // Both cancel it (the reversal's id comes from the entry: dues-repo reversalId).
    const reversal = (note: string, paidAt: string) => ({ ...pay, amount: -5000, paidAt, reversesId: 'dues-0001', note });
    await a.write('dues', 'dues-0001-r', reversal('Thu nhầm tháng', '2026-03-06'));
    await b.write('dues', 'dues-0001-r', reversal('Ghi trùng', '2026-03-07'));
    for (const d of [a, b, a]) await srv.sync(d);
    for (const d of [a, b]) {
      expect(await d.db.needsAttention.count()).toBe(0);
      const net = (await d.db.dues.toArray()).reduce((sum, e) => sum + e.amount, 0);
      expect(net).toBe(0);
    }
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
    expect((await b.db.dues.get('dues-0001-r'))!.note).toBe('Thu nhầm tháng');
  });
});

describe('RELIABILITY 14: schema skew', () => {
  test('a phone one schema version behind and one ahead sync with a current one; nothing dropped', async () => {
    const old = await makeDevice('old');
    const cur = await makeDevice('cur');
    const next = await makeDevice('next');
    for (const [d, role] of [
      [old, 'secretary'],
      [cur, 'deputy'],
      [next, 'deputy'],
    ] as const)
      await srv.join(d, role);
    const as = (d: Device, v: number) => srv.sync(d, { schemaVersion: v });
    await old.write('members', member(1), { fullName: 'Ghi bằng bản cũ', ...MEMBER });
    await cur.write('members', member(2), { fullName: 'Ghi bằng bản hiện tại', ...MEMBER });
    // The newer app knows a field this version does not.
    await next.write('members', member(3), { fullName: 'Ghi bằng bản mới', ...MEMBER, zaloId: 'zalo-123' });
    expect(await as(old, SCHEMA_VERSION - 1)).toMatchObject({ kind: 'done', applied: 1, rejected: 0 });
    expect(await as(cur, SCHEMA_VERSION)).toMatchObject({ kind: 'done', applied: 1, rejected: 0 });
    expect(await as(next, SCHEMA_VERSION + 1)).toMatchObject({ kind: 'done', applied: 1, rejected: 0 });
    // The older phones keep the field they do not know, and editing the row keeps it too.
    await as(old, SCHEMA_VERSION - 1);
    await as(cur, SCHEMA_VERSION);
    await old.write('members', member(3), { fullName: 'Sửa bằng bản cũ' });
    await as(old, SCHEMA_VERSION - 1);
    for (const d of [cur, next, old]) await as(d, d === next ? SCHEMA_VERSION + 1 : d === cur ? SCHEMA_VERSION : SCHEMA_VERSION - 1);
    const snaps = await Promise.all([old, cur, next].map((d) => snapshot(d.db)));
    expect(snaps[0]).toEqual(snaps[1]);
    expect(snaps[1]).toEqual(snaps[2]);
    const row = snaps[0].members.find((r) => r.id === member(3))!;
    expect(row).toMatchObject({ fullName: 'Sửa bằng bản cũ', zaloId: 'zalo-123' });
    expect(snaps[0].members).toHaveLength(3);
  });
});

describe('RELIABILITY 17: two tabs of one phone', () => {
  test('only one tab syncs at a time (Web Lock); both tabs\u2019 writes reach the server', async () => {
    const tab1 = await makeDevice('tab');
    await srv.join(tab1, 'secretary');
    const tab2: Device = { ...tab1, db: new UnitDb(tab1.db.name) };
    await tab2.db.open();
    const locks = createMemoryLocks(); // navigator.locks is per origin: one manager for both tabs
    const net = new Network(tab1.deviceId);
    const slowFetch: FetchFn = async (i, init) => {
      await new Promise((r) => setTimeout(r, 5));
      return net.fetch(i, init);
    };
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      await tab1.write('members', member(i), { fullName: `Tab một ${i}`, ...MEMBER });
      await tab2.write('members', member(100 + i), { fullName: `Tab hai ${i}`, ...MEMBER });
      runs.push(runCycle({ db: tab1.db, localUnitId: tab1.localUnitId, locks, fetch: slowFetch, batchSize: 2 }));
      runs.push(runCycle({ db: tab2.db, localUnitId: tab2.localUnitId, locks, fetch: slowFetch, batchSize: 2 }));
    }
    const results = (await Promise.all(runs)) as { kind: string }[];
    expect(results.some((r) => r.kind === 'busy')).toBe(true);
    expect(net.maxInFlight).toBe(1);
    await runCycle({ db: tab2.db, localUnitId: tab2.localUnitId, locks, wait: true });
    const observer = await makeDevice('observer');
    await srv.join(observer, 'viewer');
    await srv.sync(observer);
    expect(await observer.db.members.count()).toBe(12);
    expect(await tab1.db.outbox.count()).toBe(0);
    tab2.db.close();
  });
});

describe('on the wire', () => {
  test('a batch of 1,000 changes travels gzip-compressed and the server takes it all', async () => {
    const a = await makeDevice('a');
    await srv.join(a, 'secretary');
    await a.db.transaction('rw', [a.db.members, a.db.outbox, a.db.syncState], async () => {
      const { upsertRow } = await import('../../../src/data/outbox');
      for (let i = 0; i < 1_000; i++) await upsertRow(a.db, 'members', member(i), a.localUnitId, { fullName: `Đoàn viên số ${i}`, phone: `09${String(10_000_000 + i)}` } as never);
    });
    let bytes = 0;
    let encodings: (string | undefined)[] = [];
    const measure: FetchFn = async (input, init) => {
      if (input.endsWith('/push')) {
        bytes += (init!.body as Uint8Array).byteLength;
        encodings.push((init!.headers as Record<string, string>)['Content-Encoding']);
      }
      return fetch(input, init);
    };
    expect(await srv.sync(a, { fetch: measure })).toMatchObject({ kind: 'done', applied: 1_000 });
    expect(encodings).toEqual(['gzip']);
    console.log(`[sync] push of 1,000 new members: ${bytes} bytes gzip, ${(bytes / 1_000).toFixed(1)} bytes per change`);
    expect(bytes / 1_000).toBeLessThan(120);
    encodings = [];
  });
});

describe('B6 (PERFORMANCE.md): 10,000 changes A → server → B, connection cut at 50 %', () => {
  test('resumes with at most one batch resent, and B ends identical to A', async () => {
    const a = await makeDevice('a');
    await srv.join(a, 'secretary');
    const N = 10_000;
    const now = new Date().toISOString();
    // Rows and their outbox entries as the repos write them, in bulk (fake-indexeddb is slow
    // one by one; the engine does not care how they got there).
    await a.db.transaction('rw', [a.db.members, a.db.outbox, a.db.syncState], async () => {
      const dev = (await a.db.syncState.get('device'))!;
      const rows = Array.from({ length: N }, (_, i) => ({ id: member(i), unitId: a.localUnitId, rev: {}, deleted: false, createdAt: now, updatedAt: now, fullName: `Đoàn viên số ${i}`, ...MEMBER }));
      await a.db.members.bulkAdd(rows as never);
      await a.db.outbox.bulkAdd(
        rows.map((r, i) => ({
          mid: `${dev.deviceId.slice(0, 24)}-${String(i).padStart(8, '0')}`,
          seq: dev.nextSeq + i,
          table: 'members' as const,
          rowId: r.id,
          op: 'upsert' as const,
          fields: { fullName: r.fullName, ...MEMBER, createdAt: now },
          base: {},
          hlc: `${String(Date.now()).padStart(13, '0')}:${String(i % 10_000).padStart(4, '0')}:${dev.deviceId}`,
        })),
      );
      await a.db.syncState.update('device', { nextSeq: dev.nextSeq + N });
    });
    let pushes = 0;
    let cut = true;
    const cutAtHalf: FetchFn = async (input, init) => {
      const res = await fetch(input, init);
      if (input.endsWith('/push') && ++pushes === 6 && cut) {
        cut = false;
        await res.text();
        throw new NetworkError('connection cut');
      }
      return res;
    };
    const started = Date.now();
    await expect(srv.sync(a, { fetch: cutAtHalf })).rejects.toThrow(NetworkError);
    expect(await a.db.outbox.count()).toBe(5_000); // batch 6 went in, its answer did not arrive
    expect(await srv.sync(a, { fetch: cutAtHalf })).toMatchObject({ kind: 'done', pushed: 5_000, conflicts: 0 });
    expect(pushes - 10).toBe(1); // one batch resent (answered duplicate), nothing else
    const pushedAt = Date.now();
    const b = await makeDevice('b');
    await srv.join(b, 'deputy');
    expect(await srv.sync(b)).toMatchObject({ kind: 'done', pulled: N + 1 }); // + the unit's record
    const doneAt = Date.now();
    await srv.sync(a);
    expect(await b.db.members.count()).toBe(N);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
    console.log(`[sync] B6 in Node over fake-indexeddb: push ${N} ${pushedAt - started} ms (with a cut and a resend), pull ${doneAt - pushedAt} ms`);
  }, 300_000);
});

describe('a 401 in the middle of the queue', () => {
  test('revoked between two batches: the rest stays in the outbox, sync pauses, a new code resumes', async () => {
    const a = await makeDevice('a');
    await members(a, 9);
    await srv.join(a, 'secretary');
    let pushes = 0;
    const revokeAfterFirst: FetchFn = async (input, init) => {
      if (input.endsWith('/push') && ++pushes === 2) await srv.revoke(a.deviceId);
      return fetch(input, init);
    };
    await expect(srv.sync(a, { fetch: revokeAfterFirst, batchSize: 4 })).rejects.toThrow(AuthError);
    expect((await a.db.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([5, 6, 7, 8, 9]);
    expect((await a.db.syncState.get('device'))!.pausedReason).toBe('auth');
    expect(await srv.sync(a)).toEqual({ kind: 'paused' });
    // The secretary gives the phone a new code (a revoked device of the same unit is re-admitted).
    await srv.join(a, 'secretary');
    expect(await srv.sync(a)).toMatchObject({ kind: 'done', pushed: 5 });
    const b = await makeDevice('b');
    await srv.join(b, 'viewer');
    await srv.sync(b);
    expect(await b.db.members.count()).toBe(9);
  });
});
