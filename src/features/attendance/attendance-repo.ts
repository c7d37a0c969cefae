// The roll. One row per member per meeting or activity, id = eventId:memberId, so two
// phones ticking the same person make one row. A finalized minutes record locks its roll:
// the check runs inside the write transaction, so a tap can never slip past a finalize.
import { attendanceFields, attendanceId, type Attendance, type AttendanceStatus } from '../../protocol/meeting';
import { commit, UserError } from '../../data/commit';
import { deleteRow, upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';

async function assertRollOpen(db: UnitDb, eventId: string) {
  const minutes = await db.minutes.get(eventId);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
}

/** Sets one member's status (and reason) on the roll. */
export async function markAttendance(eventId: string, memberId: string, status: AttendanceStatus, reason?: string): Promise<Attendance> {
  const fields = attendanceFields.parse({ eventId, memberId, status, reason: reason || undefined, checkedAt: new Date().toISOString() });
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, eventId);
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
    let n = 0;
    for (let i = 0; i < memberIds.length; i++) {
      if (existing[i] && !existing[i]!.deleted) continue;
      await upsertRow<Attendance>(db, 'attendance', attendanceId(eventId, memberIds[i]), unitId, { eventId, memberId: memberIds[i], status: 'present', checkedAt });
      n++;
    }
    return n;
  });
}

/** Back to unmarked for many members in one transaction (undo of "everyone present"). */
export async function clearAttendanceMany(eventId: string, memberIds: readonly string[]): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.attendance, db.minutes], async () => {
    await assertRollOpen(db, eventId);
    for (const memberId of memberIds) await deleteRow(db, 'attendance', attendanceId(eventId, memberId));
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
