// The member digests (src/data/member-digest.ts) always equal a rebuild from the rows, whatever
// writes the rows: single puts, bulk puts, soft and hard deletes, a row moving to another
// member, a table cleared, an explicit transaction that names only the source table, one that
// fails half-way (nothing of it stays), Collection.modify. Random sequences from a seed, so a
// failure can be replayed.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { UnitDb } from '../../../src/data/db';
import { buildDigests, DIGEST_SOURCE_TABLES, type MemberDigest } from '../../../src/data/member-digest';

/** mulberry32: a small seeded generator, so a failure can be replayed */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEMBERS = ['m1', 'm2', 'm3', 'm4'];
const EVENTS = ['meet-1', 'meet-2', 'act-1'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

function makeRow(table: string, r: () => number): Row {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const memberId = pick(MEMBERS);
  const deleted = r() < 0.2;
  const n = Math.floor(r() * 3);
  switch (table) {
    case 'members':
      return { id: memberId, fullName: pick(['Hồ Văn Minh', 'Lê Thị Lan', 'Trần B']), status: pick(['active', 'transferred_out']), duesCategory: pick(['salaried', 'unsalaried']), subGroup: pick([undefined, 'Tổ 1', '']), admissionDate: pick([undefined, '2020-03-26']), deleted };
    case 'memberEvents':
      return { id: `ev-${n}`, memberId, kind: pick(['transfer_in', 'transfer_out', 'discipline']), date: `2026-0${1 + n}-10`, disciplineLevel: pick([undefined, 'warning']), deleted };
    case 'attendance': {
      const eventId = pick(EVENTS);
      return { id: `${eventId}:${memberId}`, eventId, memberId, status: pick(['present', 'late', 'absent_unexcused']), deleted };
    }
    // Entries of one member often have the same brief (two phones collected the same month):
    // few months and amounts, so twins are common.
    case 'dues':
      return { id: `due-${n}`, memberId, period: pick(['2026-01', '2026-02']), amount: pick([2000, 5000]), paidAt: '2026-02-10', kind: pick([undefined, undefined, 'opening']), deleted };
    case 'duesExemptions':
      return { id: `ex-${n}`, memberId, fromPeriod: '2026-01', toPeriod: pick(['2026-02', '2026-03']), reason: 'Ốm', deleted };
    case 'trainingProgress': {
      const year = pick([2025, 2026]);
      const itemId = pick(['item-1', 'item-2']);
      return { id: `${year}:${memberId}:${itemId}`, year, memberId, itemId, done: r() < 0.7, doneAt: '2026-05-19', deleted };
    }
    default: {
      const year = pick([2025, 2026]);
      return { id: `${year}:${memberId}`, year, memberId, outcome: pick([undefined, '', 'good']), itemIds: pick([[], ['item-1'], ['item-1', 'item-2']]), deleted };
    }
  }
}

async function rebuilt(db: UnitDb): Promise<MemberDigest[]> {
  const rows = Object.fromEntries(await Promise.all(DIGEST_SOURCE_TABLES.map(async (t) => [t, await db.table(t).toArray()] as const)));
  return buildDigests(rows).sort((a, b) => a.id.localeCompare(b.id));
}

const emptyDigestOf = (id: string) => ({ id, events: {}, roll: {}, dues: [], exemptions: [], training: {}, progress: {} });

async function stored(db: UnitDb): Promise<MemberDigest[]> {
  return (await db.memberDigests.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

let db: UnitDb | undefined;
afterEach(async () => {
  if (db) await db.delete();
  db = undefined;
});

async function step(d: UnitDb, r: () => number): Promise<string> {
  const table = DIGEST_SOURCE_TABLES[Math.floor(r() * DIGEST_SOURCE_TABLES.length)];
  const t = d.table(table);
  const k = r();
  if (k < 0.35) {
    const row = makeRow(table, r);
    await t.put(row);
    return `put ${table} ${row.id}`;
  }
  if (k < 0.5) {
    await t.bulkPut([makeRow(table, r), makeRow(table, r), makeRow(table, r)].filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i));
    return `bulkPut ${table}`;
  }
  if (k < 0.6) {
    const keys = (await t.toCollection().primaryKeys()).filter(() => r() < 0.5);
    await t.bulkDelete(keys);
    return `bulkDelete ${table} ${keys.length}`;
  }
  if (k < 0.65) {
    await t.clear();
    return `clear ${table}`;
  }
  if (k < 0.75) {
    // Naming only the source table: the digest comes into the transaction by itself.
    await d.transaction('rw', t, async () => {
      await t.put(makeRow(table, r));
      await t.put(makeRow(table, r));
    });
    return `transaction ${table}`;
  }
  if (k < 0.85) {
    // A transaction that fails after writing: neither its rows nor its digests stay.
    await d
      .transaction('rw', [t, d.attendance], async () => {
        await t.put(makeRow(table, r));
        await d.attendance.put(makeRow('attendance', r) as never);
        throw new Error('half-way');
      })
      .catch(() => undefined);
    return `failed transaction ${table}`;
  }
  if (k < 0.92) {
    await t.toCollection().modify((row: Row) => {
      if (r() < 0.5) row.deleted = !row.deleted;
    });
    return `modify ${table}`;
  }
  // A row moves to another member (a key that does not carry the member).
  if (table === 'dues' || table === 'memberEvents' || table === 'duesExemptions') {
    const rows = await t.toArray();
    if (rows.length) {
      const row = rows[Math.floor(r() * rows.length)];
      await t.put({ ...row, memberId: MEMBERS[Math.floor(r() * MEMBERS.length)] });
      return `move ${table} ${row.id}`;
    }
  }
  await t.where('id').startsWith(table === 'attendance' ? 'meet-' : '2026:').delete();
  return `range delete ${table}`;
}

describe('member digests', () => {
  it('equal a rebuild from the rows after any sequence of writes', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = rng(seed);
      db = new UnitDb(`scd-digest-${seed}`);
      const done: string[] = [];
      for (let i = 0; i < 40; i++) {
        done.push(await step(db, r));
        expect(await stored(db), `seed ${seed} after ${done.join(' → ')}`).toEqual(await rebuilt(db));
      }
      await db.delete();
      db = undefined;
    }
  });

  // Above 32 members a bulk write first reads which digests exist (one key range), then only
  // those: the digests of members inside the range, at its ends and outside it must all hold.
  it('a bulk write of many members keeps the digests they already had, at the range\'s ends too', async () => {
    db = new UnitDb('scd-digest-bulk');
    const id = (i: number) => `m${String(i).padStart(3, '0')}`;
    const roll = [5, 10, 11, 47, 90, 95].map((i) => ({ id: `meet-1:${id(i)}`, eventId: 'meet-1', memberId: id(i), status: 'present', deleted: false }));
    await db.attendance.bulkPut(roll as never);
    const members = Array.from({ length: 40 }, (_, k) => id(10 + k * 2)).map((m) => ({ id: m, fullName: `Đoàn viên ${m}`, status: 'active', duesCategory: 'salaried', deleted: false }));
    await db.members.bulkPut(members as never);
    expect(await stored(db)).toEqual(await rebuilt(db));
    expect(await db.memberDigests.get(id(10))).toMatchObject({ roll: { 'meet-1': 'p' }, member: { fullName: 'Đoàn viên m010' } });
    expect(await db.memberDigests.get(id(11))).toEqual({ ...emptyDigestOf(id(11)), roll: { 'meet-1': 'p' } });
    expect(await db.memberDigests.count()).toBe(40 + 5);
  });

  it('a read-write transaction over a source table holds the digest table', async () => {
    db = new UnitDb('scd-digest-scope');
    await db.open();
    const scope = await db.transaction('rw', db.attendance, () => [...(Dexie.currentTransaction.idbtrans as IDBTransaction).objectStoreNames]);
    // (and the year views' table, whose token the write moves: data/year-view-middleware.ts)
    expect(scope).toEqual(['attendance', 'memberDigests', 'yearViews']);
    const read = await db.transaction('r', db.attendance, () => [...(Dexie.currentTransaction.idbtrans as IDBTransaction).objectStoreNames]);
    expect(read).toEqual(['attendance']);
    const other = await db.transaction('rw', db.meetings, () => [...(Dexie.currentTransaction.idbtrans as IDBTransaction).objectStoreNames]);
    expect(other).toEqual(['meetings', 'yearViews']);
  });

  // Found in use: restore clears and then writes every table at once (Promise.all) in one
  // transaction; each write read a member's digest, and the last to write it back won, so the
  // digests kept one table's part only (the year screens showed no members).
  it('writes to several tables at once in one transaction: every part stays', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = rng(100 + seed);
      db = new UnitDb(`scd-digest-parallel-${seed}`);
      // distinct ids per table, as a backup's rows are
      const distinct = (list: Row[]) => [...new Map(list.map((x) => [x.id, x])).values()];
      const rows = Object.fromEntries(DIGEST_SOURCE_TABLES.map((t) => [t, distinct(Array.from({ length: 8 }, () => ({ ...makeRow(t, r), deleted: false })))]));
      const d = db;
      await d.transaction('rw', DIGEST_SOURCE_TABLES, async () => {
        await Promise.all(DIGEST_SOURCE_TABLES.map((t) => d.table(t).clear()));
        await Promise.all(DIGEST_SOURCE_TABLES.map((t) => d.table(t).bulkPut(rows[t])));
      });
      expect(await stored(db), `seed ${seed}`).toEqual(await rebuilt(db));
      // and single writes of one member's rows side by side
      await d.transaction('rw', DIGEST_SOURCE_TABLES, () => Promise.all(DIGEST_SOURCE_TABLES.map((t) => d.table(t).put(makeRow(t, r)))));
      expect(await stored(db), `seed ${seed}, puts`).toEqual(await rebuilt(db));
      await db.delete();
      db = undefined;
    }
  });

  it('a member with nothing left keeps no digest', async () => {
    db = new UnitDb('scd-digest-empty');
    await db.attendance.put({ id: 'meet-1:m1', eventId: 'meet-1', memberId: 'm1', status: 'present', deleted: false } as never);
    expect(await db.memberDigests.get('m1')).toMatchObject({ roll: { 'meet-1': 'p' } });
    await db.attendance.put({ id: 'meet-1:m1', eventId: 'meet-1', memberId: 'm1', status: 'present', deleted: true } as never);
    expect(await db.memberDigests.count()).toBe(0);
  });
});
