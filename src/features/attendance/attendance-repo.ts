// The roll. One row per member per meeting or activity, id = eventId:memberId, so two
// phones ticking the same person make one row. A finalized minutes record locks its roll:
// the check runs inside the write transaction, so a tap can never slip past a finalize.
import { attendanceFields, attendanceId, type Attendance, type AttendanceStatus } from '../../protocol/meeting';
import { commit } from '../../data/commit';
import { tapWrite } from './tap-repo';
import { UserError } from '../../lib/user-error';
import { deleteRow, deleteRows, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';

async function assertRollOpen(db: UnitDb, eventId: string) {
  const minutes = await db.minutes.get(eventId);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
}

/**
 * Sets one member's status (and reason) on the roll: the tap, written in a transaction of its
 * own (tap-repo.ts, PERFORMANCE.md B4); a device that never wrote takes the shared path, which
 * creates its state.
 */
export async function markAttendance(eventId: string, memberId: string, status: AttendanceStatus, reason?: string): Promise<Attendance> {
  const fields = attendanceFields.parse({ eventId, memberId, status, reason: reason || undefined, checkedAt: new Date().toISOString() });
  const db = await activeDb();
  const unitId = await activeUnitId();
  // Dexie opens the database on its first use; the tap goes past Dexie, so it asks first.
  if (!db.isOpen()) await db.open();
  const row = await tapWrite(db, unitId, fields);
  if (row) return row;
  return commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, fields.eventId);
    return upsertRow<Attendance>(db, 'attendance', attendanceId(eventId, memberId), unitId, fields);
  });
}

/** Back to unmarked (undo of a first tap): the row becomes a tombstone. */
export async function clearAttendance(eventId: string, memberId: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, eventId);
    await deleteRow(db, 'attendance', attendanceId(eventId, memberId));
  });
}

/** Marks everyone on the roster who is still unmarked as present, in one transaction. */
export async function markAllPresent(eventId: string, memberIds: readonly string[]): Promise<number> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const checkedAt = new Date().toISOString();
  return commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, eventId);
    const existing = await db.attendance.bulkGet(memberIds.map((m) => attendanceId(eventId, m)));
    // One bulk write of rows and outbox entries: 5,000 people cost a handful of requests.
    const items = memberIds
      .filter((_, i) => !existing[i] || existing[i]!.deleted)
      .map((memberId) => ({ id: attendanceId(eventId, memberId), patch: { eventId, memberId, status: 'present' as const, checkedAt } }));
    await upsertRows<Attendance>(db, 'attendance', unitId, items);
    return items.length;
  });
}

/** Back to unmarked for many members in one transaction (undo of "everyone present"). */
export async function clearAttendanceMany(eventId: string, memberIds: readonly string[]): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, eventId);
    await deleteRows(db, 'attendance', memberIds.map((m) => attendanceId(eventId, m)));
  });
}

export async function listAttendance(eventId: string): Promise<Attendance[]> {
  const db = await activeDb();
  const rows = await db.attendance.where('eventId').equals(eventId).toArray();
  return rows.filter((r) => !r.deleted);
}

export async function listMemberAttendance(memberId: string): Promise<Attendance[]> {
  const db = await activeDb();
  const rows = await db.attendance.where('memberId').equals(memberId).toArray();
  return rows.filter((r) => !r.deleted);
}
