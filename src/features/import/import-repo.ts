// Imports and their undo (RELIABILITY.md 22: nothing half-imported, undo restores the
// previous state). An import is ONE transaction: every member row with its outbox entry
// plus the local ImportRecord; any failure rolls all of it back. Undo tombstones the
// members of the import (deletes sync as tombstones, never hard deletes) in one transaction
// — except those the register has since recorded something about (dues paid, roll marks,
// training, ratings, events): they are KEPT, so no money or mark is ever left without its
// member, and the secretary is told who and why before she confirms (docs/decisions.md).
import { uuidv7 } from '../../lib/ids';
import { memberFields, MEMBER_DEFAULTS, type Member, type MemberFields } from '../../protocol/member';
import type { DuesCategory } from '../../protocol/member-enums';
import { rateFor } from '../../protocol/dues-rules';
import { todayIso } from '../../lib/dates';
import { commit } from '../../data/commit';
import { deleteRows, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { ImportRecord, UnitDb } from '../../data/db';
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

/** This month's dues rates of the unit (its recorded rates, else the defaults), for the choice of the list's category. */
export async function currentDuesRates(): Promise<Record<DuesCategory, number>> {
  const db = await activeDb();
  const rates = await db.duesRates.toArray();
  const month = todayIso().slice(0, 7);
  return { unsalaried: rateFor(rates, 'unsalaried', month), salaried: rateFor(rates, 'salaried', month) };
}

/**
 * Creates every member (defaults for position, dues, Party and status; importId set) and
 * the import record in one transaction. Rows are validated with the shared schema first,
 * so a bad row stops the import before anything is written. `onProgress` (synchronous,
 * e.g. a state setter) hears every 250 rows: a big file takes a while on a phone.
 * `duesDefault` (the category chosen for the members the file gave none, and how many they
 * are) is kept with the record, for the history to say.
 */
export async function importMembers(
  fileName: string,
  members: MemberFields[],
  onProgress?: (done: number) => void,
  duesDefault?: ImportRecord['duesDefault'],
): Promise<ImportRecord> {
  const rows = members.map((m) => memberFields.parse({ ...MEMBER_DEFAULTS, ...m }));
  const db = await activeDb();
  const unitId = await activeUnitId();
  const now = Date.now();
  const record: ImportRecord = { id: uuidv7(now), at: new Date(now).toISOString(), fileName, memberIds: [] };
  if (duesDefault?.count) record.duesDefault = duesDefault;
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

/** What else in the register refers to a member (the names are i18n keys import.use_*). */
export type MemberUse = 'dues' | 'exemption' | 'attendance' | 'training' | 'rating' | 'event' | 'seat';

export interface UndoPlan {
  /** members nothing else refers to: undo removes them */
  removable: string[];
  /** members the register has used since the import: undo keeps them */
  kept: { id: string; fullName: string; uses: MemberUse[] }[];
}

const referringTables = (db: UnitDb) => [db.dues, db.duesExemptions, db.attendance, db.trainingRegistrations, db.trainingProgress, db.ratings, db.memberEvents, db.committeeSeats];

/** Which members of the import undo would remove, and which it keeps (and why). */
async function planUndo(db: UnitDb, record: ImportRecord): Promise<UndoPlan> {
  const members = (await db.members.bulkGet(record.memberIds)).filter((m): m is Member => !!m && !m.deleted);
  const ids = members.map((m) => m.id);
  const uses = new Map<string, Set<MemberUse>>();
  const note = (use: MemberUse) => (row: { memberId: string; deleted?: boolean }) => {
    if (row.deleted) return;
    if (!uses.has(row.memberId)) uses.set(row.memberId, new Set());
    uses.get(row.memberId)!.add(use);
  };
  const inImport = new Set(ids);
  await Promise.all([
    // Every ledger entry counts, a reversed one too: it is money history of that person.
    db.dues.where('memberId').anyOf(ids).each(note('dues')),
    db.duesExemptions.where('memberId').anyOf(ids).each(note('exemption')),
    db.attendance.where('memberId').anyOf(ids).each(note('attendance')),
    db.trainingRegistrations.where('memberId').anyOf(ids).each(note('training')),
    db.trainingProgress.filter((r) => inImport.has(r.memberId)).each(note('training')),
    db.ratings.where('memberId').anyOf(ids).each(note('rating')),
    db.memberEvents.where('memberId').anyOf(ids).each(note('event')),
    // a seat on the committee, held or ended: the committee's record names them
    db.committeeSeats.where('memberId').anyOf(ids).each(note('seat')),
  ]);
  const plan: UndoPlan = { removable: [], kept: [] };
  for (const m of members) {
    const u = uses.get(m.id);
    if (u) plan.kept.push({ id: m.id, fullName: m.fullName, uses: [...u] });
    else plan.removable.push(m.id);
  }
  return plan;
}

/** What undoing the import would do, for the confirmation. */
export async function previewUndo(importId: string): Promise<UndoPlan> {
  const db = await activeDb();
  return db.transaction('r', [db.imports, db.members, ...referringTables(db)], async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error(`import ${importId} not found`);
    return planUndo(db, record);
  });
}

/**
 * Tombstones the members of the import nothing else refers to, keeps the others (listed in
 * keptMemberIds), and marks the import undone. The plan is made again inside the write, so a
 * payment recorded between the confirmation and the tap is never orphaned. Undoing twice is a no-op.
 */
export async function undoImport(importId: string): Promise<ImportRecord> {
  const db = await activeDb();
  return commit(db, [db.members, db.imports, ...referringTables(db)], async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error(`import ${importId} not found`);
    if (record.undoneAt) return record;
    const plan = await planUndo(db, record);
    await deleteRows(db, 'members', plan.removable);
    const done: ImportRecord = { ...record, undoneAt: new Date().toISOString(), removedCount: plan.removable.length, keptMemberIds: plan.kept.map((k) => k.id) };
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
