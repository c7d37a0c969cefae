// The member view of attendance (issue 3, item 5), pure and tested: which meetings and
// activities of a year count, one member's history, and the strike-off warning list.
import { unexcusedAbsenceWarnings, type AttendanceFact, type YearEvent } from '../../protocol/attendance-rules';
import type { AttendanceStatus } from '../../protocol/meeting-enums';
import { PARTICIPATING_STATUSES, type MemberStatus } from '../../protocol/member-enums';
import { sortByName } from '../../lib/names';
import type { YearLike } from '../../protocol/year';

// Which events count (and their shape) is a rule the rating shares: protocol/attendance-rules.
export { countedEvents, type YearEvent } from '../../protocol/attendance-rules';

export interface FactWithReason extends AttendanceFact {
  reason?: string;
}

export interface HistoryRow {
  event: YearEvent;
  /** undefined: not marked on that roll */
  status?: AttendanceStatus;
  reason?: string;
}

/**
 * One member's year, newest first. Every event the member was marked on; besides those,
 * meetings the member was expected at but not marked (whole-unit or own sub-group rolls,
 * after admission) so a gap in the roll shows. Committee (BCH) meetings and activities are
 * not for everyone: only marked ones.
 */
export function memberHistory(
  member: { id: string; subGroup?: string; admissionDate?: string },
  events: readonly YearEvent[],
  facts: readonly FactWithReason[],
): HistoryRow[] {
  const mine = new Map(facts.filter((f) => f.memberId === member.id).map((f) => [f.eventId, f]));
  const rows: HistoryRow[] = [];
  for (const e of events) {
    const f = mine.get(e.id);
    if (f) {
      rows.push({ event: e, status: f.status, reason: f.reason });
      continue;
    }
    if (e.type !== 'meeting' || e.kind === 'committee') continue;
    if (e.subGroup && e.subGroup !== member.subGroup) continue;
    if (member.admissionDate && e.date < member.admissionDate) continue;
    rows.push({ event: e });
  }
  return rows.sort((a, b) => b.event.date.localeCompare(a.event.date) || b.event.id.localeCompare(a.event.id));
}

export interface WarningRow {
  memberId: string;
  fullName: string;
  subGroup?: string;
  /** yyyy-mm, in order */
  months: string[];
}

/**
 * Members absent without reason in 3 or more months of the year (the app warns, the
 * secretary decides). Only members who still take part are listed — `inUnit`, the one head
 * count (protocol/headcount.ts), when given; else the status — most months first, then by given name.
 */
export function absenceWarnings(
  events: readonly YearEvent[],
  facts: readonly AttendanceFact[],
  year: YearLike,
  members: readonly { id: string; fullName: string; status: MemberStatus; subGroup?: string; archivedAt?: string }[],
  threshold = 3,
  inUnit?: ReadonlySet<string>,
): WarningRow[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows: WarningRow[] = [];
  for (const w of unexcusedAbsenceWarnings(events, facts, year, threshold)) {
    const m = byId.get(w.memberId);
    if (!m || (inUnit ? !inUnit.has(m.id) : m.archivedAt || !PARTICIPATING_STATUSES.includes(m.status))) continue;
    rows.push({ memberId: m.id, fullName: m.fullName, subGroup: m.subGroup, months: w.months });
  }
  // By name, then (a stable sort) most months first.
  return sortByName(rows, (r) => r.fullName).sort((a, b) => b.months.length - a.months.length);
}
