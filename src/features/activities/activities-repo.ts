// Activities (hoạt động phong trào): plan, record results; participants use the roll
// (attendance rows with eventId = the activity's id).
import { uuidv7 } from '../../lib/ids';
import { activityFields, type Activity, type ActivityFields } from '../../protocol/meeting';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
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

// Reads live in activity-queries.ts (no zod); re-exported for callers of the repo.
export { listActivitiesInYear, getActivity } from './activity-queries';
