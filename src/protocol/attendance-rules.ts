// Attendance rules as pure functions over plain rows (no zod, no Dexie): the roll's live
// counts, participation rates, the strike-off warning and the "meeting due" warning.
import type { AttendanceStatus, MeetingFrequency, MeetingStatus } from './meeting-enums';
import { PARTICIPATING_STATUSES, type MemberStatus } from './member-enums';
import { asSpan, inSpan, type YearLike } from './year';

export interface RollRow {
  memberId: string;
  status: AttendanceStatus;
  reason?: string;
}

/** One tap moves a member on: unmarked → present → late → absent (excused) → absent (unexcused) → present. */
export function nextStatus(current: AttendanceStatus | undefined): AttendanceStatus {
  switch (current) {
    case undefined:
      return 'present';
    case 'present':
      return 'late';
    case 'late':
      return 'absent_excused';
    case 'absent_excused':
      return 'absent_unexcused';
    case 'absent_unexcused':
      return 'present';
  }
}

export interface RollCounts {
  total: number;
  present: number;
  late: number;
  absentExcused: number;
  absentUnexcused: number;
  unmarked: number;
}

/** Counts over the roster: rows for members not on the roster (e.g. since archived) are ignored. */
export function countRoll(rosterIds: readonly string[], rows: readonly RollRow[]): RollCounts {
  const byMember = new Map(rows.map((r) => [r.memberId, r.status]));
  const c: RollCounts = { total: rosterIds.length, present: 0, late: 0, absentExcused: 0, absentUnexcused: 0, unmarked: 0 };
  for (const id of rosterIds) {
    const s = byMember.get(id);
    if (s === 'present') c.present++;
    else if (s === 'late') c.late++;
    else if (s === 'absent_excused') c.absentExcused++;
    else if (s === 'absent_unexcused') c.absentUnexcused++;
    else c.unmarked++;
  }
  return c;
}

/**
 * Who is on an open roll: everyone in the unit on the meeting's day (`inUnit`: the one head
 * count, protocol/headcount.ts; the status alone until it is read), in the meeting's sub-group
 * if any, plus anyone already marked on it who has since left, so no tick is dropped from the
 * record. The roll screen and the minutes' attendance block share it.
 */
export function isOnRoll<M extends { id: string; status: MemberStatus; subGroup?: string; archivedAt?: string; deleted?: boolean }>(
  m: M,
  subGroup: string | undefined,
  isMarked: (id: string) => boolean,
  inUnit: (m: M) => boolean = (x) => !x.archivedAt && PARTICIPATING_STATUSES.includes(x.status),
): boolean {
  return !m.deleted && (isMarked(m.id) || (inUnit(m) && (!subGroup || m.subGroup === subGroup)));
}

/**
 * Who is on the roll of a meeting whose minutes are finalized: the ids frozen with them.
 * Minutes finalized before the roster was kept hold only counts; those marked on the roll
 * stand in. Either way the same on every phone: the server refuses changes to finalized
 * minutes and to their roll, so neither moves after finalizing.
 */
export function frozenRoster(snapshot: { rosterIds?: readonly string[] } | undefined, rows: readonly { memberId: string }[]): Set<string> {
  return new Set(snapshot?.rosterIds ?? rows.map((r) => r.memberId));
}

export const isAttending = (s: AttendanceStatus) => s === 'present' || s === 'late';

export interface HeldEvent {
  id: string;
  /** yyyy-mm-dd… (meeting startsAt or activity date) */
  date: string;
}

export interface AttendanceFact {
  eventId: string;
  memberId: string;
  status: AttendanceStatus;
}

/**
 * A member's participation in a year (a calendar year's number, or the unit's year as a span): of the held meetings and activities of that year on
 * which the member was marked, the share attended (present or late). Unmarked events do not
 * count either way: the app cannot know whether the member was expected.
 */
export function participation(memberId: string, events: readonly HeldEvent[], facts: readonly AttendanceFact[], year: YearLike) {
  const span = asSpan(year);
  const inYear = new Set(events.filter((e) => inSpan(e.date, span)).map((e) => e.id));
  let marked = 0;
  let attended = 0;
  let absentUnexcused = 0;
  for (const f of facts) {
    if (f.memberId !== memberId || !inYear.has(f.eventId)) continue;
    marked++;
    if (isAttending(f.status)) attended++;
    if (f.status === 'absent_unexcused') absentUnexcused++;
  }
  return { marked, attended, absentUnexcused, rate: marked ? attended / marked : undefined };
}

/**
 * Strike-off warning (DOMAIN.md, Điều lệ Đoàn guidance: a member absent from activities
 * without reason for 3 months within a year may be struck off — the secretary decides, the
 * app only warns): members absent without reason in `threshold` or more distinct months.
 */
export function unexcusedAbsenceWarnings(
  events: readonly HeldEvent[],
  facts: readonly AttendanceFact[],
  year: YearLike,
  threshold = 3,
): { memberId: string; months: string[] }[] {
  const span = asSpan(year);
  const monthOf = new Map(events.filter((e) => inSpan(e.date, span)).map((e) => [e.id, e.date.slice(0, 7)]));
  const months = new Map<string, Set<string>>();
  for (const f of facts) {
    const month = monthOf.get(f.eventId);
    if (!month || f.status !== 'absent_unexcused') continue;
    if (!months.has(f.memberId)) months.set(f.memberId, new Set());
    months.get(f.memberId)!.add(month);
  }
  return [...months]
    .filter(([, m]) => m.size >= threshold)
    .map(([memberId, m]) => ({ memberId, months: [...m].sort() }));
}

export interface PlannedMeeting {
  kind: string;
  startsAt: string;
  status: 'planned' | 'held' | 'cancelled';
}

/**
 * The home warning: is this period's regular meeting held or at least planned? A chi đoàn
 * meets monthly; quarterly where members are dispersed and cấp trên agreed (a unit setting).
 */
export function regularMeetingDue(meetings: readonly PlannedMeeting[], frequency: MeetingFrequency, today: string) {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  const months =
    frequency === 'monthly'
      ? [today.slice(0, 7)]
      : [0, 1, 2].map((i) => `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1 + i).padStart(2, '0')}`);
  const inPeriod = meetings.filter((x) => x.kind === 'regular' && x.status !== 'cancelled' && months.includes(x.startsAt.slice(0, 7)));
  if (inPeriod.some((x) => x.status === 'held')) return { state: 'held' as const, months };
  if (inPeriod.length) return { state: 'planned' as const, months };
  return { state: 'missing' as const, months };
}

// ---------------------------------------------------------------------------------------
// Events of a year that count (the member's attendance year, the absence list, the rating)

export interface YearEvent {
  type: 'meeting' | 'activity';
  id: string;
  kind: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  /** a meeting whose roll is one sub-group */
  subGroup?: string;
}

interface MeetingLike {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  status: MeetingStatus;
  subGroup?: string;
}
interface ActivityLike {
  id: string;
  kind: string;
  title: string;
  date: string;
  status: MeetingStatus;
}

/**
 * Events that count for participation: those marked held, and planned ones whose day has
 * come (a roll taken at a meeting nobody marked "held" still happened). Cancelled never
 * count; a future meeting never counts, even if an excused absence was noted in advance.
 */
export function countedEvents(meetings: readonly MeetingLike[], activities: readonly ActivityLike[], today: string): YearEvent[] {
  const counts = (status: MeetingStatus, date: string) => status === 'held' || (status === 'planned' && date <= today);
  const out: YearEvent[] = [];
  for (const m of meetings) {
    const date = m.startsAt.slice(0, 10);
    if (counts(m.status, date)) out.push({ type: 'meeting', id: m.id, kind: m.kind, title: m.title, date, subGroup: m.subGroup });
  }
  for (const a of activities) if (counts(a.status, a.date)) out.push({ type: 'activity', id: a.id, kind: a.kind, title: a.title, date: a.date });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
