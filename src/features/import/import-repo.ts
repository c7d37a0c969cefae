// Imports and their undo (RELIABILITY.md 22: nothing half-imported, undo restores the
// previous state). An import is ONE transaction: every member row with its outbox entry
// plus the local ImportRecord; any failure rolls all of it back. Undo tombstones every
// member of the import (deletes sync as tombstones, never hard deletes) in one transaction.
import { uuidv7 } from '../../lib/ids';
import { memberFields, MEMBER_DEFAULTS, type Member, type MemberFields } from '../../protocol/member';
import { commit } from '../../data/commit';
import { deleteRows, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { ImportRecord } from '../../data/db';
import { cardKey, personKey, type ExistingKeys } from './convert';

export type { ImportRecord };

/** Card numbers and name + birth date keys of the register, for the duplicate check. */
export async function loadExistingKeys(): Promise<ExistingKeys> {
  const db = await activeDb();
  const keys: ExistingKeys = { cardNumbers: [], people: [] };
  await db.members.each((m) => {
    if (m.deleted) return;
    if (m.cardNumber) keys.cardNumbers.push(cardKey(m.cardNumber));
    if (m.dateOfBirth) keys.people.push(personKey(m.fullName, m.dateOfBirth));
  });
  return keys;
}

/**
 * Creates every member (defaults for position, dues, Party and status; importId set) and
 * the import record in one transaction. Rows are validated with the shared schema first,
 * so a bad row stops the import before anything is written. `onProgress` (synchronous,
 * e.g. a state setter) hears every 250 rows: a big file takes a while on a phone.
 */
export async function importMembers(
  fileName: string,
  members: MemberFields[],
  onProgress?: (done: number) => void,
): Promise<ImportRecord> {
  const rows = members.map((m) => memberFields.parse({ ...MEMBER_DEFAULTS, ...m }));
  const db = await activeDb();
  const unitId = await activeUnitId();
  const now = Date.now();
  const record: ImportRecord = { id: uuidv7(now), at: new Date(now).toISOString(), fileName, memberIds: [] };
  return commit(db, [db.members, db.imports], async () => {
    // Bulk writes in slices: a few IndexedDB requests per 500 members instead of ~5 per member.
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500).map((fields) => ({ id: uuidv7(), patch: { ...fields, importId: record.id } }));
      await upsertRows<Member>(db, 'members', unitId, slice);
      for (const item of slice) record.memberIds.push(item.id);
      onProgress?.(record.memberIds.length);
    }
    await db.imports.put(record);
    return record;
  });
}

/** Tombstones every member the import created and marks it undone. Undoing twice is a no-op. */
export async function undoImport(importId: string): Promise<ImportRecord> {
  const db = await activeDb();
  return commit(db, [db.members, db.imports], async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error(`import ${importId} not found`);
    if (record.undoneAt) return record;
    await deleteRows(db, 'members', record.memberIds);
    const done = { ...record, undoneAt: new Date().toISOString() };
    await db.imports.put(done);
    return done;
  });
}

/** The latest imports, newest first. */
export async function listImports(limit = 5): Promise<ImportRecord[]> {
  const db = await activeDb();
  return db.imports.orderBy('at').reverse().limit(limit).toArray();
}

export async function getImport(id: string): Promise<ImportRecord | undefined> {
  const db = await activeDb();
  return db.imports.get(id);
}
