// The notes between a unit and the level above (issue 11 item 7): guidance from above or a
// question from the unit opens a thread (threadId = its own id), replies follow in it, and
// opening a thread marks the other side's notes read (readAt). The same functions serve both
// sides on any unit database: the side is the database's role (a supervisor's copy: 'above').
// Each write is one transaction with its outbox entries (data/commit.ts), after the schema.
import * as z from 'zod/mini';
import type { UnitDb } from '../../data/db';
import { commit } from '../../data/commit';
import { upsertRow, upsertRows } from '../../data/outbox';
import { uuidv7 } from '../../lib/ids';
import { UserError } from '../../lib/user-error';
import { keyOf } from './unit-db-queries';
import { unitNoteFields, type UnitNote, type UnitNoteFields } from '../../protocol/oversight';
import { isUnreadBy, sideOfRole } from '../../protocol/note-rules';
import { canWriteTable } from '../../protocol/permissions';
import { rowUnitId, sideOf } from './unit-db-queries';

function check(fields: unknown): UnitNoteFields {
  const r = z.safeParse(unitNoteFields, fields);
  if (!r.success) throw new UserError(keyOf(r.error.issues[0]?.message), r.error);
  return r.data;
}

/**
 * Opens a thread: guidance when the level above writes, a question ("xin ý kiến") when the
 * unit does — the side decides the kind, so neither can pose as the other.
 */
export async function startThread(db: UnitDb, body: string, authorName?: string, now = new Date()): Promise<UnitNote> {
  const from = await sideOf(db);
  const id = uuidv7(now.getTime());
  const fields = check({ threadId: id, kind: from === 'above' ? 'guidance' : 'question', from, body: body.trim(), authorName: authorName?.trim() || undefined, at: now.toISOString() });
  const unitId = await rowUnitId(db);
  return commit(db, [db.unitNotes], () => upsertRow<UnitNote>(db, 'unitNotes', id, unitId, fields));
}

/** Answers in a thread; the thread must exist. Answering also marks the other side's notes read. */
export async function reply(db: UnitDb, threadId: string, body: string, authorName?: string, now = new Date()): Promise<UnitNote> {
  const from = await sideOf(db);
  const id = uuidv7(now.getTime());
  const fields = check({ threadId, kind: 'reply', from, body: body.trim(), authorName: authorName?.trim() || undefined, at: now.toISOString() });
  const unitId = await rowUnitId(db);
  return commit(db, [db.unitNotes], async () => {
    const thread = (await db.unitNotes.where('threadId').equals(threadId).toArray()).filter((n) => !n.deleted);
    if (!thread.length) throw new UserError('inbox.errNoThread');
    const unread = thread.filter((n) => isUnreadBy(n, from));
    await upsertRows<UnitNote>(db, 'unitNotes', unitId, unread.map((n) => ({ id: n.id, patch: { readAt: now.toISOString() } })));
    return upsertRow<UnitNote>(db, 'unitNotes', id, unitId, fields);
  });
}

/**
 * Opening a thread: the notes the other side wrote, not yet read, get readAt. Nothing to mark
 * writes nothing (a viewer may open a thread; it cannot write and need not).
 */
export async function markThreadRead(db: UnitDb, threadId: string, now = new Date()): Promise<number> {
  const role = (await db.syncState.get('device'))?.server?.role;
  if (!canWriteTable(role, 'unitNotes')) return 0;
  const side = sideOfRole(role);
  const unread = (await db.unitNotes.where('threadId').equals(threadId).toArray()).filter((n) => !n.deleted && isUnreadBy(n, side));
  if (!unread.length) return 0;
  const unitId = await rowUnitId(db);
  await commit(db, [db.unitNotes], () =>
    upsertRows<UnitNote>(db, 'unitNotes', unitId, unread.map((n) => ({ id: n.id, patch: { readAt: now.toISOString() } }))),
  );
  return unread.length;
}
