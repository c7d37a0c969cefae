// Activities (hoạt động phong trào): plan, record results; participants use the roll
// (attendance rows with eventId = the activity's id).
import { uuidv7 } from '../../lib/ids';
import { activityFields, type Activity, type ActivityFields } from '../../protocol/meeting';
import { commit } from '../../data/commit';
import { deleteRow, upsertRow } from '../../data/outbox';
import { UserError } from '../../lib/user-error';
import { activeDb, activeUnitId } from '../../data/session';

export async function createActivity(input: ActivityFields): Promise<Activity> {
  const fields = activityFields.parse(input);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.activities], () => upsertRow<Activity>(db, 'activities', uuidv7(), unitId, fields));
}

export async function updateActivity(id: string, patch: Partial<ActivityFields>): Promise<Activity> {
  const db = await activeDb();
  return commit(db, [db.activities], async () => {
    const prev = await db.activities.get(id);
    if (!prev || prev.deleted) throw new Error(`activity ${id} not found`);
    return upsertRow<Activity>(db, 'activities', id, prev.unitId, activityFields.parse({ ...prev, ...patch }));
  });
}

/** Removes an activity recorded by mistake; refused once it has a roll mark or a photo (cancel it then). */
export async function deleteActivity(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.activities, db.attendance], async () => {
    const a = await db.activities.get(id);
    if (a?.photos?.length || (await db.attendance.where('eventId').equals(id).filter((r) => !r.deleted).count())) throw new UserError('activities.errInUse');
    await deleteRow(db, 'activities', id);
  });
}

// Reads live in activity-queries.ts (no zod); re-exported for callers of the repo.
export { listActivitiesInYear, getActivity } from './activity-queries';
