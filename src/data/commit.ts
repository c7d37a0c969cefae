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

/** `fn` runs in the transaction after the role check. */
export async function commit<T>(db: UnitDb, tables: Table[], fn: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await db.transaction('rw', [...tables, db.outbox, db.syncState], async () => {
      assertWritable((await db.syncState.get('device'))?.server?.role, tables.map((t) => t.name));
      return fn();
    });
  } catch (e) {
    throw asQuotaError(e);
  }
  afterCommit();
  return result;
}

/** After a user write committed (also one made without Dexie: the roll's tap). */
export function afterCommit(): void {
  void requestPersistOnce();
  for (const fn of listeners) fn();
}

/** A full disk, in plain words; any other error as it is. */
export function asQuotaError(e: unknown): unknown {
  return isQuotaError(e) ? new UserError('err.quota', e) : e;
}

/**
 * A role that may not write a table (a viewer; a supervisor outside the level above's tables)
 * is stopped before anything is written: the server would refuse it and the change would wait
 * in the outbox forever.
 */
export function assertWritable(role: string | undefined, tables: readonly string[]): void {
  for (const t of tables) if ((SYNCED_TABLES as readonly string[]).includes(t) && !canWriteTable(role, t)) throw new UserError('err.readOnly');
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string; inner?: { name?: string } })?.name;
  const inner = (e as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
