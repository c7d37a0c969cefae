// The roll. One row per member per meeting or activity, id = eventId:memberId, so two
// phones ticking the same person make one row. A finalized minutes record locks its roll:
// the check runs inside the write transaction, so a tap can never slip past a finalize.
import { attendanceFields, attendanceId, type Attendance, type AttendanceFields, type AttendanceStatus } from '../../protocol/meeting';
import { assertWritable, commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { deleteRow, deleteRows, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { midOf, nextHlc } from '../../lib/hlc';

async function assertRollOpen(db: UnitDb, eventId: string) {
  const minutes = await db.minutes.get(eventId);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
}

/** Sets one member's status (and reason) on the roll. */
export async function markAttendance(eventId: string, memberId: string, status: AttendanceStatus, reason?: string): Promise<Attendance> {
  const fields = attendanceFields.parse({ eventId, memberId, status, reason: reason || undefined, checkedAt: new Date().toISOString() });
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.attendance, db.minutes], () => tapWrite(db, unitId, fields), true);
}

/**
 * The tap's write, in the caller's transaction: exactly what upsertRow (src/data/outbox.ts)
 * stores — the row, one outbox entry with only the changed fields and their base versions, the
 * device seq and HLC advanced — but with the three reads (lock, previous row, device state)
 * issued together and the three writes issued together, commit's role check made from the same
 * device state: two IndexedDB round trips instead of seven on the path a secretary waits on 100
 * times a meeting (PERFORMANCE.md B4: tap → committed p95 ≤ 30 ms at 4×). test/unit/attendance/attendance-repo.test.ts keeps it equal to upsertRow.
 */
async function tapWrite(db: UnitDb, unitId: string, fields: AttendanceFields): Promise<Attendance> {
  const id = attendanceId(fields.eventId, fields.memberId);
  const [minutes, prev, dev] = await Promise.all([db.minutes.get(fields.eventId), db.attendance.get(id), db.syncState.get('device')]);
  // commit's role check, made here from the device state read with the rest (commit(…, true)).
  assertWritable(dev?.server?.role, [db.attendance, db.minutes]);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
  // A device that never wrote has no state yet: the shared path creates it.
  if (!dev) return upsertRow<Attendance>(db, 'attendance', id, unitId, fields);
  const changed: Record<string, unknown> = {};
  for (const k of ATTENDANCE_FIELD_KEYS) {
    const before = prev?.[k];
    const after = fields[k];
    if (!(before === after || ((before === undefined || before === '') && (after === undefined || after === '')))) changed[k] = after;
  }
  if (prev && !prev.deleted && Object.keys(changed).length === 0) return prev;
  const now = new Date().toISOString();
  const row = { ...(prev ?? { id, unitId, rev: {}, createdAt: now }), ...fields, deleted: false, updatedAt: now } as Attendance;
  if (prev?.deleted) changed.deleted = false;
  const base: Record<string, number> = {};
  for (const k of Object.keys(changed)) base[k] = prev?.rev[k] ?? 0;
  if (!prev) changed.createdAt = now;
  const { stamp, state } = nextHlc({ ms: dev.hlcMs, counter: dev.hlcCounter }, Date.now(), dev.deviceId);
  await Promise.all([
    db.attendance.put(row),
    db.outbox.add({ mid: midOf(stamp), seq: dev.nextSeq, table: 'attendance', rowId: id, op: 'upsert', fields: changed, base, hlc: stamp }),
    db.syncState.put({ ...dev, nextSeq: dev.nextSeq + 1, hlcMs: state.ms, hlcCounter: state.counter }),
  ]);
  return row;
}

const ATTENDANCE_FIELD_KEYS = ['eventId', 'memberId', 'status', 'reason', 'checkedAt'] as const satisfies readonly (keyof AttendanceFields)[];

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
