// Minutes: drafts save as you type; finalize freezes the attendance block from the roll and
// locks minutes and roll in the same transaction; afterwards only dated addenda are added.
import { uuidv7 } from '../../lib/ids';
import { minutesFields, addendumFields, type Minutes, type MinutesFields, type Addendum } from '../../protocol/minutes';
import { buildAttendanceSnapshot } from '../../protocol/minutes-text';
import { rollRoster } from './roll-roster';
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { Meeting } from '../../protocol/meeting';

export type DraftPatch = Partial<Omit<MinutesFields, 'meetingId' | 'status' | 'finalizedAt' | 'attendance'>>;

export async function saveMinutesDraft(meetingId: string, patch: DraftPatch): Promise<Minutes> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.minutes], async () => {
    const prev = await db.minutes.get(meetingId);
    if (prev && !prev.deleted && prev.status === 'finalized') throw new UserError('err.locked');
    const fields = minutesFields.parse({ votes: [], tasks: [], ...prev, ...patch, meetingId, status: 'draft' });
    return upsertRow<Minutes>(db, 'minutes', meetingId, unitId, fields);
  });
}

/**
 * Finalize: the attendance block is computed from the roll at this moment and stored in the
 * record, with the ids of who was on the roll (the locked roll shows exactly them); the
 * meeting is marked held. Nothing can edit the minutes or the roll afterwards.
 */
export async function finalizeMinutes(meetingId: string): Promise<Minutes> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.minutes, db.meetings, db.members, db.attendance], async () => {
    const prev = await db.minutes.get(meetingId);
    if (prev && !prev.deleted && prev.status === 'finalized') throw new UserError('err.locked');
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deleted) throw new Error(`meeting ${meetingId} not found`);
    const roster = await rosterFor(meeting);
    const rows = (await db.attendance.where('eventId').equals(meetingId).toArray()).filter((r) => !r.deleted);
    const attendance = { ...buildAttendanceSnapshot(roster, rows, meeting.guests), rosterIds: roster.map((m) => m.id) };
    const fields = minutesFields.parse({
      votes: [],
      tasks: [],
      ...prev,
      meetingId,
      status: 'finalized',
      finalizedAt: new Date().toISOString(),
      attendance,
    });
    const saved = await upsertRow<Minutes>(db, 'minutes', meetingId, unitId, fields);
    if (meeting.status !== 'held') await upsertRow<Meeting>(db, 'meetings', meeting.id, meeting.unitId, { status: 'held' });
    return saved;
  });

  async function rosterFor(meeting: Meeting) {
    const members = await db.members.toArray();
    const marked = new Set((await db.attendance.where('eventId').equals(meetingId).toArray()).filter((r) => !r.deleted).map((r) => r.memberId));
    return rollRoster(members, meeting.subGroup, marked);
  }
}

/** A dated correction to finalized minutes (append-only rows: never edited). */
export async function addAddendum(meetingId: string, text: string): Promise<Addendum> {
  const fields = addendumFields.parse({ meetingId, text, writtenAt: new Date().toISOString() });
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.minutes, db.minutesAddenda], async () => {
    const minutes = await db.minutes.get(meetingId);
    if (!minutes || minutes.status !== 'finalized') throw new UserError('err.notFinalized');
    return upsertRow<Addendum>(db, 'minutesAddenda', uuidv7(), unitId, fields);
  });
}

export async function getMinutes(meetingId: string): Promise<Minutes | undefined> {
  const db = await activeDb();
  const m = await db.minutes.get(meetingId);
  return m && !m.deleted ? m : undefined;
}

export async function listAddenda(meetingId: string): Promise<Addendum[]> {
  const db = await activeDb();
  const rows = await db.minutesAddenda.where('meetingId').equals(meetingId).toArray();
  return rows.filter((r) => !r.deleted).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.id.localeCompare(b.id));
}
