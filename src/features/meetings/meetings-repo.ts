// Meetings: plan, edit, mark held or cancelled. Writes are row + outbox in one transaction.
import { uuidv7 } from '../../lib/ids';
import { meetingFields, type Meeting, type MeetingFields } from '../../protocol/meeting';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';

export async function createMeeting(input: MeetingFields): Promise<Meeting> {
  const fields = meetingFields.parse(input);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.meetings], () => upsertRow<Meeting>(db, 'meetings', uuidv7(), unitId, fields));
}

export async function updateMeeting(id: string, patch: Partial<MeetingFields>): Promise<Meeting> {
  const db = await activeDb();
  return commit(db, [db.meetings], async () => {
    const prev = await db.meetings.get(id);
    if (!prev || prev.deleted) throw new Error(`meeting ${id} not found`);
    const fields = meetingFields.parse({ ...prev, ...patch });
    return upsertRow<Meeting>(db, 'meetings', id, prev.unitId, fields);
  });
}
