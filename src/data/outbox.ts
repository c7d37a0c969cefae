// The one way data is written: a row change and its outbox entry, in the caller's single
// Dexie read-write transaction (DESIGN.md). Nothing here awaits anything but Dexie, so
// IndexedDB never commits the transaction half-way.
import Dexie from 'dexie';
import { uuidv7 } from '../lib/ids';
import { nextHlc } from '../lib/hlc';
import type { SyncedTable, Mutation } from '../protocol/outbox';
import { META_FIELDS } from '../protocol/common';
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

/** The tables every write transaction must include besides the row's own. */
export function writeTables(db: UnitDb) {
  return [db.outbox, db.syncState] as const;
}

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

async function append(db: UnitDb, table: SyncedTable, rowId: string, op: Mutation['op'], fields: Record<string, unknown>, base: Record<string, number>) {
  const dev = await deviceState(db);
  const { stamp, state } = nextHlc({ ms: dev.hlcMs, counter: dev.hlcCounter }, Date.now(), dev.deviceId);
  const entry: Mutation = { mid: uuidv7(), seq: dev.nextSeq, table, rowId, op, fields, base, hlc: stamp };
  await db.outbox.add(entry);
  await db.syncState.put({ ...dev, nextSeq: dev.nextSeq + 1, hlcMs: state.ms, hlcCounter: state.counter });
}

function assertInTransaction() {
  if (!Dexie.currentTransaction) throw new Error('outbox writes must run inside a Dexie transaction');
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
  const now = new Date().toISOString();
  const prev = await store.get(id);
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (META.has(k)) continue;
    const before = prev ? (prev as Record<string, unknown>)[k] : undefined;
    if (!sameValue(before, v)) changed[k] = v;
  }
  if (prev && !prev.deleted && Object.keys(changed).length === 0) return prev;
  const row = {
    ...(prev ?? { id, unitId, rev: {}, createdAt: now }),
    ...patch,
    deleted: false,
    updatedAt: now,
  } as T;
  await store.put(row);
  if (prev?.deleted) changed.deleted = false;
  const base = baseOf(prev?.rev ?? {}, Object.keys(changed));
  if (!prev) changed.createdAt = now;
  await append(db, table, id, 'upsert', changed, base);
  return row;
}

/** Tombstones a row (deletes are never hard deletes) and appends the delete. */
export async function deleteRow(db: UnitDb, table: SyncedTable, id: string): Promise<void> {
  assertInTransaction();
  const store = db.table<SyncedRow, string>(table);
  const prev = await store.get(id);
  if (!prev || prev.deleted) return;
  await store.put({ ...prev, deleted: true, updatedAt: new Date().toISOString() });
  await append(db, table, id, 'delete', { deleted: true }, baseOf(prev.rev, ['deleted']));
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
