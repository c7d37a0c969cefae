// Reads for the member view of attendance: a year's meetings and activities with their roll
// rows. No zod: these pages only read.
import type { Activity, Attendance, Meeting } from '../../protocol/meeting';
import { activeDb } from '../../data/session';
import { unitYearSpan } from '../../data/unit-year';
import { spanEndStamp, type YearLike, type YearSpan } from '../../protocol/year';

export interface YearRecords {
  /** the unit's year (calendar, or school year 1/9–31/8): the warnings and a member's year count in it */
  span: YearSpan;
  meetings: Meeting[];
  activities: Activity[];
}

/** The meetings and activities of the unit's year (a number: the unit's year of that number). */
export async function loadYearRecords(year: YearLike): Promise<YearRecords> {
  const db = await activeDb();
  const span = typeof year === 'number' ? await unitYearSpan(year, db) : year;
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(span.from, spanEndStamp(span), true, true).toArray(),
    db.activities.where('date').between(span.from, span.to, true, true).toArray(),
  ]);
  return { span, meetings: meetings.filter((m) => !m.deleted), activities: activities.filter((a) => !a.deleted) };
}

/** Every roll row of the given meetings and activities (one indexed query). */
export async function listAttendanceOf(eventIds: readonly string[]): Promise<Attendance[]> {
  if (!eventIds.length) return [];
  const db = await activeDb();
  const rows = await db.attendance.where('eventId').anyOf(eventIds as string[]).toArray();
  return rows.filter((r) => !r.deleted);
}
