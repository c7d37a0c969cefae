// Meeting reads (no zod: list and roll screens stay small).
import type { Meeting } from '../../protocol/meeting';
import { activeDb } from '../../data/session';

/** Meetings whose start falls in a month ("yyyy-mm"), in time order. */
export async function listMeetingsInMonth(month: string): Promise<Meeting[]> {
  const db = await activeDb();
  const rows = await db.meetings.where('startsAt').between(`${month}-01`, `${month}-31T99`, true, true).toArray();
  return rows.filter((m) => !m.deleted);
}

export async function listMeetingsInYear(year: number): Promise<Meeting[]> {
  const db = await activeDb();
  const rows = await db.meetings.where('startsAt').between(`${year}-01-01`, `${year}-12-31T99`, true, true).toArray();
  return rows.filter((m) => !m.deleted);
}

export async function getMeeting(id: string): Promise<Meeting | undefined> {
  const db = await activeDb();
  const m = await db.meetings.get(id);
  return m && !m.deleted ? m : undefined;
}

/**
 * Planned meetings from a day on (yyyy-mm-dd), in time order. The first is the home screen's
 * next meeting, the one it offers the roll for: one earlier today still counts (the roll is
 * taken on site, after it started).
 */
export async function listUpcomingMeetings(fromDate: string, limit = 5): Promise<Meeting[]> {
  const db = await activeDb();
  const rows = await db.meetings
    .where('startsAt')
    .aboveOrEqual(fromDate)
    .filter((m) => !m.deleted && m.status === 'planned')
    .limit(limit)
    .toArray();
  return rows;
}

/** True once the meeting's minutes are finalized: the meeting is then a closed record. */
export async function isMinutesFinalized(meetingId: string): Promise<boolean> {
  const db = await activeDb();
  const m = await db.minutes.get(meetingId);
  return !!m && !m.deleted && m.status === 'finalized';
}
