// PROVISIONAL — stands in for the "figures" helper's report-queries.ts (issue 10) so the
// print page builds and runs on this branch; the lead drops this commit at merge. Only the
// membership head counts are read from the records here; every other figure is zero.
import type { ReportFigures } from '../../protocol/report-figures-schema';
import type { ReportPeriod } from '../../protocol/report-period';
import { inUnitOn, listMembers } from '../members/member-queries';

export async function loadReportFigures(period: ReportPeriod, today: string): Promise<ReportFigures> {
  const asOf = today < period.to ? today : period.to;
  const members = await listMembers();
  const [atStart, atEnd] = await Promise.all([inUnitOn(period.from), inUnitOn(asOf)]);
  const year = Number(period.to.slice(0, 4));
  return {
    asOf,
    membership: {
      v: 1, start: members.filter(atStart).length, end: members.filter(atEnd).length, admitted: 0, transferredIn: 0, transferredOut: 0,
      graduated: 0, struckOff: 0, disciplined: 0, cardsIssued: 0, turned30: 0, groups: [],
    },
    meetings: { v: 1, byKind: [], regularHeld: 0, monthsWithoutRegular: [] },
    activities: { v: 1, byKind: [], total: 0, participants: 0 },
    projects: { v: 1, items: [] },
    training: { v: 1, year, roster: 0, registered: 0, assessed: 0, completing: 0 },
    dues: { v: 1, collected: 0, owedMonths: 0, owedMembers: 0, owedAmount: 0, remitted: 0, toRemit: 0 },
    recognition: { v: 1, commended: 0, disciplined: 0, introducedToParty: 0, admittedToParty: 0 },
  };
}
