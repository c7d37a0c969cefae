// PROVISIONAL stand-in for the figures helper's report-queries.ts (same exports), so the editor
// can be built and tested on its own branch: the members in the unit on the last day, the
// meetings and activities held in the period; every other figure is zero. Dropped at merge.
import type { UnitDb } from '../../data/db';
import { activeDb } from '../../data/session';
import type { ReportPeriod } from '../../protocol/report-period';
import type { ReportFigures } from '../../protocol/report-figures-schema';
import { MEETING_KINDS, ACTIVITY_KINDS } from '../../protocol/meeting-enums';

/** The tables the figures read. */
export const REPORT_TABLES = ['members', 'meetings', 'activities'] as const;

const IN_UNIT = new Set(['active', 'temporary']);

/** The figures of a period as of `today` (the period's end once it is over). */
export async function loadReportFigures(period: ReportPeriod, today: string, db?: UnitDb): Promise<ReportFigures> {
  const d = db ?? (await activeDb());
  const asOf = today < period.to ? today : period.to;
  const members = (await d.members.toArray()).filter((m) => !m.deleted && IN_UNIT.has(m.status));
  const count = members.length;
  const meetings = (await d.meetings.toArray()).filter((m) => !m.deleted && m.status === 'held' && m.startsAt.slice(0, 10) >= period.from && m.startsAt.slice(0, 10) <= asOf);
  const activities = (await d.activities.toArray()).filter((a) => !a.deleted && a.status === 'held' && a.date >= period.from && a.date <= asOf);
  const byKind = MEETING_KINDS.map((kind) => ({ kind, held: meetings.filter((m) => m.kind === kind).length, attendancePct: undefined })).filter((k) => k.held);
  const actByKind = ACTIVITY_KINDS.map((kind) => ({ kind, count: activities.filter((a) => a.kind === kind).length, participants: 0 })).filter((k) => k.count);
  return {
    asOf,
    membership: { v: 1, start: count, end: count, admitted: 0, transferredIn: 0, transferredOut: 0, graduated: 0, struckOff: 0, disciplined: 0, cardsIssued: 0, turned30: 0, groups: [] },
    meetings: { v: 1, byKind, attendancePct: undefined, regularHeld: meetings.filter((m) => m.kind === 'regular').length, monthsWithoutRegular: [] },
    activities: { v: 1, byKind: actByKind, total: activities.length, participants: 0 },
    projects: { v: 1, items: [] },
    training: { v: 1, year: period.year, roster: count, registered: 0, registeredPct: undefined, assessed: 0, completing: 0, completingPct: undefined },
    dues: { v: 1, collected: 0, owedMonths: 0, owedMembers: 0, owedAmount: 0, remitted: 0, toRemit: 0 },
    recognition: { v: 1, commended: 0, disciplined: 0, introducedToParty: 0, admittedToParty: 0 },
  };
}
