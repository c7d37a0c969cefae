// The one way data is written: a row change and its outbox entry, in the caller's single
// Dexie read-write transaction (DESIGN.md). Nothing here awaits anything but Dexie, so
// IndexedDB never commits the transaction half-way.
import Dexie from 'dexie';
import { uuidv7 } from '../lib/ids';
import { midOf, nextHlc } from '../lib/hlc';
import type { SyncedTable, Mutation } from '../protocol/outbox';
import { META_FIELDS } from '../protocol/record-ids';
import type { DeviceState, UnitDb } from './db';

interface SyncedRow {
  id: string;
  unitId: string;
  rev: Record<string, number>;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

const META = new Set<string>(META_FIELDS);

export async function deviceState(db: UnitDb): Promise<DeviceState> {
  const s = await db.syncState.get('device');
  if (s) return s;
  const fresh: DeviceState = {
    key: 'device',
    deviceId: uuidv7(),
    nextSeq: 1,
    hlcMs: 0,
    hlcCounter: 0,
    cursor: 0,
    lastAckedSeq: 0,
  };
  await db.syncState.put(fresh);
  return fresh;
}

export type Change = { table: SyncedTable; rowId: string; op: Mutation['op']; fields: Record<string, unknown>; base: Record<string, number> };

/** Outbox entries for `changes` with consecutive seqs and stamps, and the device state after them. */
export function stampChanges(dev: DeviceState, changes: Change[], now: number): { entries: Mutation[]; next: DeviceState } {
  let clock = { ms: dev.hlcMs, counter: dev.hlcCounter };
  const entries: Mutation[] = changes.map((c, i) => {
    const { stamp, state } = nextHlc(clock, now, dev.deviceId);
    clock = state;
    return { mid: midOf(stamp), seq: dev.nextSeq + i, table: c.table, rowId: c.rowId, op: c.op, fields: c.fields, base: c.base, hlc: stamp };
  });
  return { entries, next: { ...dev, nextSeq: dev.nextSeq + entries.length, hlcMs: clock.ms, hlcCounter: clock.counter } };
}

/** Appends outbox entries with consecutive seqs, reading and bumping the device state once. */
async function appendAll(db: UnitDb, changes: Change[]) {
  if (!changes.length) return;
  const { entries, next } = stampChanges(await deviceState(db), changes, Date.now());
  await db.outbox.bulkAdd(entries);
  await db.syncState.put(next);
}

function assertInTransaction() {
  if (!Dexie.currentTransaction) throw new Error('outbox writes must run inside a Dexie transaction');
}

/** The row to store and the change to send for `patch` over `prev` (null: nothing changed). */
export function planUpsert<T extends SyncedRow>(prev: T | undefined, table: SyncedTable, id: string, unitId: string, patch: object, now: string): { row: T; change: Change | null } {
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (META.has(k)) continue;
    const before = prev ? (prev as Record<string, unknown>)[k] : undefined;
    if (!sameValue(before, v)) changed[k] = v;
  }
  if (prev && !prev.deleted && Object.keys(changed).length === 0) return { row: prev, change: null };
  const row = { ...(prev ?? { id, unitId, rev: {}, createdAt: now }), ...patch, deleted: false, updatedAt: now } as T;
  if (prev?.deleted) changed.deleted = false;
  const base = baseOf(prev?.rev ?? {}, Object.keys(changed));
  if (!prev) changed.createdAt = now;
  return { row, change: { table, rowId: id, op: 'upsert', fields: changed, base } };
}

/**
 * Creates or updates a synced row with `patch`, appending one outbox entry holding only the
 * fields that changed. Returns the row as stored. Must run inside db.transaction('rw', …).
 */
export async function upsertRow<T extends SyncedRow>(
  db: UnitDb,
  table: SyncedTable,
  id: string,
  unitId: string,
  patch: Partial<Omit<T, keyof SyncedRow>>,
): Promise<T> {
  assertInTransaction();
  const store = db.table<T, string>(table);
  const { row, change } = planUpsert<T>(await store.get(id), table, id, unitId, patch, new Date().toISOString());
  if (!change) return row;
  await store.put(row);
  await appendAll(db, [change]);
  return row;
}

/**
 * The same for many rows at once (imports, restores): one bulk read, one bulk write of rows
 * and of outbox entries — a 5,000-row import costs a handful of requests, not 25,000.
 */
export async function upsertRows<T extends SyncedRow>(
  db: UnitDb,
  table: SyncedTable,
  unitId: string,
  items: { id: string; patch: Partial<Omit<T, keyof SyncedRow>> }[],
): Promise<T[]> {
  assertInTransaction();
  const store = db.table<T, string>(table);
  const prevs = await store.bulkGet(items.map((i) => i.id));
  const now = new Date().toISOString();
  const rows: T[] = [];
  const changes: Change[] = [];
  const toPut: T[] = [];
  items.forEach((item, i) => {
    const { row, change } = planUpsert<T>(prevs[i], table, item.id, unitId, item.patch, now);
    rows.push(row);
    if (change) {
      toPut.push(row);
      changes.push(change);
    }
  });
  await store.bulkPut(toPut);
  await appendAll(db, changes);
  return rows;
}

/** Tombstones a row (deletes are never hard deletes) and appends the delete. */
export async function deleteRow(db: UnitDb, table: SyncedTable, id: string): Promise<void> {
  await deleteRows(db, table, [id]);
}

/** Tombstones many rows in one bulk write; rows already gone are skipped. */
export async function deleteRows(db: UnitDb, table: SyncedTable, ids: string[]): Promise<void> {
  assertInTransaction();
  const store = db.table<SyncedRow, string>(table);
  const prevs = await store.bulkGet(ids);
  const now = new Date().toISOString();
  const live = prevs.filter((p): p is SyncedRow => !!p && !p.deleted);
  await store.bulkPut(live.map((p) => ({ ...p, deleted: true, updatedAt: now })));
  await appendAll(db, live.map((p) => ({ table, rowId: p.id, op: 'delete' as const, fields: { deleted: true }, base: baseOf(p.rev, ['deleted']) })));
}

function baseOf(rev: Record<string, number>, fields: string[]): Record<string, number> {
  const base: Record<string, number> = {};
  for (const f of fields) base[f] = rev[f] ?? 0;
  return base;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === '') && (b === undefined || b === '')) return true;
  if (typeof a === 'object' && typeof b === 'object' && a && b) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

export async function pendingCount(db: UnitDb): Promise<number> {
  return db.outbox.count();
}
