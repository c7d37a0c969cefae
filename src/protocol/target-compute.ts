// One computed target's value and evidence, rule by rule (target-rules.ts computes the year,
// its pace and status). Pure, no zod. Every list is sorted so row order never shows.
import type { RatingLevel } from './rating-enums';
import { yearMonths } from './year';
import { eligibility, ratingSummary, type SummaryRow } from './rating-rules';
import { childUnitsCheck, unitLevelOf } from './recognition-rules';
import { trainingRates } from './training-rules';
import { committeeOn, meetingsByPeriod } from './committee-rules';
import { DEFAULT_REPORT_DUE_DAYS } from './report-enums';
import { onTimeShare, standingsOf, yearReportPeriods } from './report-year-rules';
import type { Evidence, TargetLike, YearContext } from './target-rules';

/** A rating level as a number, so "excellent" (4) ≥ "good" (3) … "not completed" (1). */
export const LEVEL_RANK: Record<RatingLevel, number> = { excellent: 4, good: 3, completed: 2, not_completed: 1 };

export interface RuleResult {
  value?: number;
  evidence: Evidence;
  /** the goal can no longer be reached this year, whatever happens next */
  outOfReach?: boolean;
  /** a second condition of the target failed whatever the value (a chi đoàn rated "not completed"): a message key, targets.warn_<code> */
  failed?: string;
}

const live = <T extends { deleted?: boolean }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deleted);
const sorted = (ids: Iterable<string>): string[] => [...ids].sort();
const pct = (n: number, of: number): number | undefined => (of ? (n / of) * 100 : undefined);

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Periods (months or quarters) up to the day, split into held, missed (closed, not held) and the one still open. */
function periodsOf(ctx: YearContext, kind: string, frequency: 'monthly' | 'quarterly') {
  const { span, meetings } = ctx.inputs;
  const periods = meetingsByPeriod(meetings, kind, frequency, span.from, ctx.day);
  const last = periods[periods.length - 1];
  const open = !!last && !last.held && ctx.day < lastDayOf(last.months[last.months.length - 1]);
  const closed = open ? periods.slice(0, -1) : periods;
  const total = meetingsByPeriod([], kind, frequency, span.from, span.to).length;
  const heldIds = live(meetings)
    .filter((m) => m.kind === kind && m.status === 'held' && m.startsAt.slice(0, 10) >= span.from && m.startsAt.slice(0, 10) <= ctx.day)
    .map((m) => m.id);
  return {
    held: periods.filter((p) => p.held).length,
    missed: closed.filter((p) => !p.held).map((p) => p.period),
    /** periods not yet closed: the open one and those to come */
    remaining: total - closed.length,
    heldIds: sorted(heldIds),
  };
}

function goodOrBetter(ctx: YearContext): RuleResult {
  const { members, ratings, span } = ctx.inputs;
  const levels = new Map(live(ratings).map((r) => [r.memberId, r.level || undefined]));
  const isEligible = ctx.eligible ? (m: { id: string }) => ctx.eligible!.has(m.id) : (m: (typeof members)[number]) => eligibility(m, ctx.moves.get(m.id) ?? [], span).eligible;
  const rows: SummaryRow[] = live(members).map((m) => ({ memberId: m.id, eligible: isEligible(m), level: levels.get(m.id) }));
  const s = ratingSummary(rows, 0);
  const good = rows.filter((r) => r.eligible && (r.level === 'excellent' || r.level === 'good')).map((r) => r.memberId);
  const missing = rows.filter((r) => r.eligible && r.level !== 'excellent' && r.level !== 'good').map((r) => r.memberId);
  const why = [{ code: 'decided', params: { n: s.decided, total: s.eligible } }];
  if (s.notCompleted) why.push({ code: 'notCompleted', params: { n: s.notCompleted, total: s.eligible } });
  // Nothing decided yet: 0 % would read as a result; the year-end judgement has not started.
  const value = s.decided ? pct(good.length, s.eligible) : undefined;
  // The plan's target 2 also asks that no chi đoàn be rated "not completed": a parent unit's
  // children, by their recognised levels, when this phone holds them. One such child and the
  // target cannot be met this year.
  const kids = childUnitsCheck(ctx.inputs.childUnits ?? []);
  if (kids) why.push({ code: kids.notCompleted.length ? 'childrenNotCompleted' : 'childrenRecognised', params: { n: kids.notCompleted.length || kids.recognised, total: kids.total } });
  return { value, ...(kids?.notCompleted.length ? { failed: 'childNotCompletedOut' } : {}), evidence: { members: sorted(good), missingMembers: sorted(missing), why } };
}

function training(ctx: YearContext, which: 'registered' | 'completing'): RuleResult {
  const regs = live(ctx.inputs.registrations);
  const r = trainingRates(ctx.roster, regs);
  const byId = new Map(regs.map((x) => [x.memberId, x]));
  if (which === 'registered') {
    const members = ctx.roster.filter((id) => byId.has(id));
    return { value: pct(r.registered, r.expected), evidence: { members, missingMembers: sorted(r.notRegistered), why: [{ code: 'roster', params: { n: r.registered, total: r.expected } }] } };
  }
  const done = new Set([...r.notRegistered, ...r.notAssessed, ...r.notCompleting]);
  const members = ctx.roster.filter((id) => !done.has(id));
  // No outcome assessed yet: the year-end judgement has not started.
  const value = r.assessed ? pct(r.completing, r.expected) : undefined;
  return { value, evidence: { members, missingMembers: sorted(done), why: [{ code: 'assessed', params: { n: r.assessed, total: r.expected } }] } };
}

function committee(ctx: YearContext): RuleResult {
  const { terms, seats, committeeMeetingFrequency } = ctx.inputs;
  const here = new Set(ctx.roster);
  const state = committeeOn(terms, seats, ctx.day, (id) => here.has(id));
  const p = periodsOf(ctx, 'committee', committeeMeetingFrequency);
  const why: NonNullable<Evidence['why']> = [];
  if (!state) why.push({ code: 'noTerm' });
  else {
    if (state.vacancies) why.push({ code: 'vacancies', params: { n: state.vacancies, size: state.size } });
    if (!state.hasSecretary) why.push({ code: 'noSecretary' });
  }
  if (p.missed.length) why.push({ code: 'committeeMissed', params: { n: p.missed.length } });
  const ok = !!state?.complete && !p.missed.length;
  return {
    value: ok ? 1 : 0,
    // a period without its meeting cannot be made up later
    outOfReach: p.missed.length > 0,
    evidence: { members: sorted(new Set(state?.seats.map((s) => s.memberId) ?? [])), meetings: p.heldIds, missingMonths: p.missed, why },
  };
}

function regularMeetings(t: TargetLike, ctx: YearContext): RuleResult {
  const p = periodsOf(ctx, 'regular', ctx.inputs.meetingFrequency);
  return { value: p.held, outOfReach: p.held + p.remaining < t.goal, evidence: { meetings: p.heldIds, missingMonths: p.missed } };
}

function memberEventsOf(ctx: YearContext, kind: string): RuleResult {
  const { members, memberEvents, span } = ctx.inputs;
  const liveMembers = new Set(live(members).map((m) => m.id));
  const found = live(memberEvents).filter((e) => e.kind === kind && e.date >= span.from && e.date <= span.to && liveMembers.has(e.memberId));
  return { value: found.length, evidence: { memberEvents: sorted(found.map((e) => e.id)), members: sorted(new Set(found.map((e) => e.memberId))) } };
}

/**
 * The share of the year's reports already due that were sent on time (report-year-rules
 * onTimeShare). Out of reach once even every report still to come sent on time cannot lift
 * the year's share to the goal.
 */
function reportsOnTime(t: TargetLike, ctx: YearContext): RuleResult {
  const { span, today, reports } = ctx.inputs;
  const records = reports ?? { rows: [], versions: [], reviews: [], dueDays: DEFAULT_REPORT_DUE_DAYS };
  const share = onTimeShare(standingsOf(yearReportPeriods(span.year, span.kind), records, today), today, records.since);
  const due = share.onTime.length + share.missed.length;
  const why: NonNullable<Evidence['why']> = [{ code: 'reportsDue', params: { n: share.onTime.length, total: due } }];
  if (share.late) why.push({ code: 'reportsLate', params: { n: share.late } });
  if (share.notSent) why.push({ code: 'reportsNotSent', params: { n: share.notSent } });
  return { value: share.value, outOfReach: share.best !== undefined && share.best + 1e-9 < t.goal, evidence: { reports: share.onTime, missingReports: share.missed, why } };
}

export function computeRule(t: TargetLike, ctx: YearContext): RuleResult {
  const { span, today } = ctx.inputs;
  switch (t.rule) {
    case 'unitRatingLevel': {
      // The plan's target 1 is the recognised level; before cấp trên recognises one, the
      // unit's proposal stands in, said to be only a proposal.
      const u = unitLevelOf(ctx.inputs.unitRating, ctx.inputs.unitRecognition);
      if (!u) return { evidence: { why: [{ code: 'noUnitRating' }] } };
      return { value: LEVEL_RANK[u.level], evidence: { why: [{ code: u.recognised ? 'recognised' : 'proposalOnly' }] } };
    }
    case 'goodOrBetterPct':
      return goodOrBetter(ctx);
    case 'trainingRegisteredPct':
      return training(ctx, 'registered');
    case 'trainingCompletingPct':
      return training(ctx, 'completing');
    case 'projectsAccepted': {
      const mine = live(ctx.inputs.youthProjects).filter((p) => p.year === span.year);
      const accepted = mine.filter((p) => p.stage === 'accepted').map((p) => p.id);
      const going = mine.filter((p) => p.stage !== 'accepted' && p.stage !== 'dropped').length;
      return { value: accepted.length, evidence: { projects: sorted(accepted), why: going ? [{ code: 'projectsGoing', params: { n: going } }] : [] } };
    }
    case 'committeeComplete':
      return committee(ctx);
    case 'regularMeetingsHeld':
      return regularMeetings(t, ctx);
    case 'activitiesOfKind': {
      const kind = t.ruleParam || '';
      const found = live(ctx.inputs.activities).filter((a) => a.status === 'held' && (!kind || a.kind === kind) && a.date >= span.from && a.date <= span.to);
      return { value: found.length, evidence: { activities: sorted(found.map((a) => a.id)) } };
    }
    case 'membersAdmitted':
      return memberEventsOf(ctx, 'admission');
    case 'partyIntroductions':
      return memberEventsOf(ctx, 'party_introduction');
    case 'duesRemittedMonths': {
      const months = yearMonths(span);
      const done = new Set(live(ctx.inputs.remittances).map((r) => r.period).filter((p) => months.includes(p)));
      // months already over and not remitted (the current month's slip is not due yet)
      const missing = months.filter((m) => m < today.slice(0, 7) && !done.has(m));
      return { value: done.size, evidence: { months: sorted(done), missingMonths: missing } };
    }
    case 'reportsOnTime':
      return reportsOnTime(t, ctx);
    default:
      // otherTargetsMetPct (computed from the others), or no rule
      return { evidence: { why: [{ code: 'noRule' }] } };
  }
}
