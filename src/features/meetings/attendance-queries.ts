// Reads for the member view of attendance: a year's meetings and activities with their roll
// rows. No zod: these pages only read.
import type { Activity, Attendance, Meeting } from '../../protocol/meeting';
import { activeDb } from '../../data/session';
import { listMeetingsInYear } from './meeting-queries';
import { listActivitiesInYear } from '../activities/activity-queries';

export interface YearRecords {
  meetings: Meeting[];
  activities: Activity[];
}

export async function loadYearRecords(year: number): Promise<YearRecords> {
  const [meetings, activities] = await Promise.all([listMeetingsInYear(year), listActivitiesInYear(year)]);
  return { meetings, activities };
}

/** Every roll row of the given meetings and activities (one indexed query). */
export async function listAttendanceOf(eventIds: readonly string[]): Promise<Attendance[]> {
  if (!eventIds.length) return [];
  const db = await activeDb();
  const rows = await db.attendance.where('eventId').anyOf(eventIds as string[]).toArray();
  return rows.filter((r) => !r.deleted);
}
