// membership-v1 (issue 10, DOMAIN.md "A quarterly report usually holds"): who was in the unit on
// the period's first day and on the day computed (the one head count, headcount.ts countsOn, as
// every screen counts), and the moves dated in between: admitted, transferred in and out,
// graduated, struck off, disciplined (any level), cards issued — events of live member records,
// as the year's targets count admissions (target-compute memberEventsOf). turned30: members whose
// 30th birthday falls in the period and who are still in the unit (due to graduate, DOMAIN.md
// "Member": graduation at 30). Sub-groups: the unit's, in its order, then any other a member
// carries; a member is counted in the sub-group the record holds now (no history is kept of it).
import type { MembershipFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { live, within, type ReportInputs } from './inputs';
import { allFacts, type MemberFacts } from './member-facts';

export const MEMBERSHIP_V = 1;

const MOVE_FIELDS: Record<string, keyof MembershipFigure> = {
  admission: 'admitted',
  transfer_in: 'transferredIn',
  transfer_out: 'transferredOut',
  graduation: 'graduated',
  struck_off: 'struckOff',
  discipline: 'disciplined',
  card_issued: 'cardsIssued',
};

/** Events of live members dated from the period's first day to the day computed. */
export function eventsInPeriod(inputs: ReportInputs, period: ReportPeriod, asOf: string): ReportInputs['memberEvents'] {
  const members = new Set(live(inputs.members).map((m) => m.id));
  return live(inputs.memberEvents).filter((e) => members.has(e.memberId) && within(e.date, period.from, asOf));
}

export function membershipFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[]): MembershipFigure {
  const all = facts ?? allFacts(inputs, period, asOf, false);
  const out: MembershipFigure = {
    v: MEMBERSHIP_V, start: 0, end: 0, admitted: 0, transferredIn: 0, transferredOut: 0, graduated: 0, struckOff: 0,
    disciplined: 0, cardsIssued: 0, turned30: 0, groups: [],
  };
  const groups = new Map<string, { name: string; start: number; end: number }>(inputs.subGroups.map((name) => [name, { name, start: 0, end: 0 }]));
  const extra: string[] = [];
  for (const f of all) {
    if (f.atStart) out.start++;
    if (f.atEnd) out.end++;
    if (f.turned30) out.turned30++;
    if (!f.subGroup || !(f.atStart || f.atEnd)) continue;
    let g = groups.get(f.subGroup);
    if (!g) {
      groups.set(f.subGroup, (g = { name: f.subGroup, start: 0, end: 0 }));
      extra.push(f.subGroup);
    }
    if (f.atStart) g.start++;
    if (f.atEnd) g.end++;
  }
  for (const e of eventsInPeriod(inputs, period, asOf)) {
    const field = MOVE_FIELDS[e.kind];
    if (field) (out[field] as number)++;
  }
  const order = [...inputs.subGroups, ...extra.sort((a, b) => a.localeCompare(b, 'vi'))];
  out.groups = [...new Set(order)].map((n) => groups.get(n)!).slice(0, 100);
  return out;
}
