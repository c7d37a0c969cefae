// Runs a user write: one read-write transaction over the row tables plus outbox and
// syncState. Afterwards asks for persistent storage once (DESIGN.md: after the first saved
// record) and tells listeners (sync) that there is something to push.
import type { Table } from 'dexie';
import type { UnitDb } from './db';
import { requestPersistOnce } from './storage';
import { UserError } from '../lib/user-error';
import { canWriteTable } from '../protocol/permissions';
import { SYNCED_TABLES } from '../protocol/tables';

type WriteListener = () => void;
const listeners = new Set<WriteListener>();
export function onLocalWrite(fn: WriteListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * `fn` runs in the transaction after the role check; with `checksRole`, `fn` makes the check
 * itself (assertWritable) from the device state it reads anyway, before it writes anything —
 * one IndexedDB round trip less on the roll's tap (B4).
 */
export async function commit<T>(db: UnitDb, tables: Table[], fn: () => Promise<T>, checksRole = false): Promise<T> {
  let result: T;
  try {
    result = await db.transaction('rw', [...tables, db.outbox, db.syncState], async () => {
      if (!checksRole) assertWritable((await db.syncState.get('device'))?.server?.role, tables);
      return fn();
    });
  } catch (e) {
    if (isQuotaError(e)) throw new UserError('err.quota', e);
    throw e;
  }
  void requestPersistOnce();
  for (const fn of listeners) fn();
  return result;
}

/**
 * A role that may not write a table (a viewer; a supervisor outside the level above's tables)
 * is stopped before anything is written: the server would refuse it and the change would wait
 * in the outbox forever.
 */
export function assertWritable(role: string | undefined, tables: Table[]): void {
  for (const t of tables) if ((SYNCED_TABLES as readonly string[]).includes(t.name) && !canWriteTable(role, t.name)) throw new UserError('err.readOnly');
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string; inner?: { name?: string } })?.name;
  const inner = (e as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
