// Activity reads, without zod (list screens and the member view import this).
import type { Activity } from '../../protocol/meeting';
import { activeDb } from '../../data/session';

export async function listActivitiesInYear(year: number): Promise<Activity[]> {
  const db = await activeDb();
  const rows = await db.activities.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
  return rows.filter((a) => !a.deleted);
}

/** Activities in a month ("yyyy-mm"), for the month view. */
export async function listActivitiesInMonth(month: string): Promise<Activity[]> {
  const db = await activeDb();
  const rows = await db.activities.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray();
  return rows.filter((a) => !a.deleted);
}

export async function getActivity(id: string): Promise<Activity | undefined> {
  const db = await activeDb();
  const a = await db.activities.get(id);
  return a && !a.deleted ? a : undefined;
}
