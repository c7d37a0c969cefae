// meetings-v1 (issue 10): the meetings held in the period by kind, their attendance and the
// months without a regular meeting.
//   - held: status 'held' and a start from the period's first day to the day computed, as the
//     year's regular-meetings target counts them (committee-rules meetingsByPeriod). A meeting
//     counts in the month it was held: one planned for March and held on 1 April is April's.
//   - a meeting's attendance: those attending (present or late) over the members on its roll —
//     the number its minutes print ("Có mặt: x/y đồng chí"): the attendance frozen with
//     finalized minutes, else the open roll's roster (attendance-rules isOnRoll: in the unit on
//     the meeting's day, in its sub-group if any, plus anyone marked). An unmarked member on the
//     roster is not attending. A held meeting with nobody marked took no roll: no rate.
//   - per kind and on average: the mean of the meetings' rates (each meeting weighs the same,
//     as a secretary averages her minutes: "tỷ lệ tham dự bình quân").
//   - months without a regular meeting: the period's months that have ended by the day
//     computed (the current month may still hold one) with no regular meeting held in them.
import { MEETING_KINDS } from '../meeting-enums';
import type { MeetingsFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { meetingsByPeriod } from '../committee-rules';
import { isAttending } from '../attendance-rules';
import { live, type ReportInputs } from './inputs';
import { allFacts, heldMeetings, type MemberFacts } from './member-facts';
import type { AttendanceStatus } from '../meeting-enums';

export const MEETINGS_V = 1;

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Per event id: members marked and attending (one row per member and event: the roll's id is `${eventId}:${memberId}`). */
export function rollCounts(rows: ReportInputs['attendance'], ids: ReadonlySet<string>): Map<string, { marked: number; attending: number }> {
  const out = new Map<string, { marked: number; attending: number }>();
  for (const r of rows) {
    if (r.deleted || !ids.has(r.eventId)) continue;
    let c = out.get(r.eventId);
    if (!c) out.set(r.eventId, (c = { marked: 0, attending: 0 }));
    c.marked++;
    if (isAttending(r.status as AttendanceStatus)) c.attending++;
  }
  return out;
}

/** The mean as a percentage with one decimal; summed in sorted order so row order never shows. */
const mean = (xs: readonly number[]): number | undefined =>
  xs.length ? Math.round(([...xs].sort((a, b) => a - b).reduce((s, x) => s + x, 0) / xs.length) * 1000) / 10 : undefined;

/** Per held meeting: how many members its roll counts (the head count's and the marked). */
function rosterSizes(inputs: ReportInputs, held: readonly { id: string }[], facts: readonly MemberFacts[]): Map<string, number> {
  const ids = new Set(held.map((m) => m.id));
  const onRoll = new Map<string, Set<string>>([...ids].map((id) => [id, new Set<string>()]));
  for (const f of facts) for (const id of f.rolls) onRoll.get(id)?.add(f.id);
  for (const r of inputs.attendance) if (!r.deleted && ids.has(r.eventId)) onRoll.get(r.eventId)!.add(r.memberId);
  return new Map([...onRoll].map(([id, set]) => [id, set.size]));
}

/** `facts`: the members' facts of the same period (index.ts makes them in slices); made here when absent. */
export function meetingsFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[]): MeetingsFigure {
  const held = heldMeetings(inputs, period, asOf);
  const rolls = rollCounts(inputs.attendance, new Set(held.map((m) => m.id)));
  const rosters = rosterSizes(inputs, held, facts ?? allFacts(inputs, period, asOf, false));
  const frozen = new Map(live(inputs.minutes ?? []).filter((x) => x.status === 'finalized' && x.attendance?.total).map((x) => [x.id, x.attendance!]));
  const rates = new Map<string, number[]>();
  const count = new Map<string, number>();
  const all: number[] = [];
  for (const m of held) {
    count.set(m.kind, (count.get(m.kind) ?? 0) + 1);
    const c = rolls.get(m.id);
    const snap = frozen.get(m.id);
    if (!snap && !c?.marked) continue;
    const rate = snap ? Math.min(1, snap.present / snap.total) : c!.attending / Math.max(rosters.get(m.id) ?? 0, c!.marked);
    all.push(rate);
    rates.set(m.kind, [...(rates.get(m.kind) ?? []), rate]);
  }
  const byKind = MEETING_KINDS.filter((k) => count.has(k)).map((kind) => ({ kind, held: count.get(kind)!, attendancePct: mean(rates.get(kind) ?? []) }));
  const months = meetingsByPeriod(held, 'regular', 'monthly', period.from, asOf);
  return {
    v: MEETINGS_V,
    byKind,
    attendancePct: mean(all),
    regularHeld: count.get('regular') ?? 0,
    monthsWithoutRegular: months.filter((p) => !p.held && lastDayOf(p.period) <= asOf).map((p) => p.period),
  };
}
