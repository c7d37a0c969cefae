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

export async function listActivitiesInYear(year: number): Promise<Activity[]> {
  const db = await activeDb();
  const rows = await db.activities.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
  return rows.filter((a) => !a.deleted);
}

export async function getActivity(id: string): Promise<Activity | undefined> {
  const db = await activeDb();
  const a = await db.activities.get(id);
  return a && !a.deleted ? a : undefined;
}
