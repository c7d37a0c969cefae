// targets-v1 (issue 10): each target of the unit's year as the year's screen showed it on the day
// computed — target-rules computeSteps with that day as "today", over the records as they stood
// then (meetings, activities, events, registrations, projects' stages, remittances, ratings
// decided and reports sent up to that day), and with the report's own head count and eligibility (member facts), so the roster the
// targets judge is the one membership-v1 counts. Absent when the year has no targets.
import type { TargetsFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { computeSteps, needsEligibility, yearContext, type TargetResult, type YearInputs } from '../target-rules';
import { live, type ReportInputs } from './inputs';
import { allFacts, type MemberFacts } from './member-facts';
import { stageOn } from './projects';
import { registrationsBy } from './training';

export const TARGETS_V = 1;

/** The year's records as they stood on `asOf`, in the shape the year's rules read. */
export function yearInputsOn(inputs: ReportInputs, asOf: string): YearInputs {
  const month = asOf.slice(0, 7);
  return {
    span: inputs.span,
    today: asOf,
    members: live(inputs.members),
    memberEvents: live(inputs.memberEvents).filter((e) => e.date <= asOf),
    // decided by then: a quarter's report does not claim the year-end rating made since
    ratings: live(inputs.ratings).filter((r) => !r.decidedAt || r.decidedAt <= asOf),
    unitRating: inputs.unitRating && !inputs.unitRating.deleted && !(inputs.unitRating.decidedAt && inputs.unitRating.decidedAt > asOf) ? inputs.unitRating : undefined,
    // the reports sent by then, as the year's screen counts them (reportsOnTime); without
    // them every report already due counted as not sent
    reports: inputs.reports && {
      ...inputs.reports,
      versions: inputs.reports.versions.filter((v) => v.submittedAt.slice(0, 10) <= asOf),
      reviews: inputs.reports.reviews.filter((r) => r.reviewedAt.slice(0, 10) <= asOf),
    },
    registrations: registrationsBy(inputs, asOf),
    youthProjects: live(inputs.youthProjects).filter((p) => p.registeredOn <= asOf).map((p) => ({ id: p.id, year: p.year, stage: stageOn(p, asOf) })),
    meetings: live(inputs.meetings).filter((m) => m.startsAt.slice(0, 10) <= asOf),
    activities: live(inputs.activities).filter((a) => a.date <= asOf),
    terms: live(inputs.terms),
    seats: live(inputs.seats),
    remittances: live(inputs.remittances).filter((r) => r.period <= month),
    meetingFrequency: inputs.meetingFrequency,
    committeeMeetingFrequency: inputs.committeeMeetingFrequency,
  };
}

const one = (x: number | undefined): number | undefined => (x === undefined ? undefined : Math.round(x * 10) / 10);

export function targetsItems(results: readonly TargetResult[]): TargetsFigure['items'] {
  return results.slice(0, 200).map((r) => ({
    id: r.target.id,
    title: r.target.title,
    measure: r.target.measure,
    value: r.target.measure === 'percent' ? one(r.value) : r.value,
    goal: r.goal,
    pct: r.pctOfGoal === undefined ? undefined : Math.min(100, Math.max(0, one(r.pctOfGoal)!)),
    status: r.status,
  }));
}

/** The targets, one per step (the loader gives the browser a turn between them). */
export function* targetsSteps(inputs: ReportInputs, asOf: string, facts: readonly MemberFacts[]): Generator<void, TargetsFigure | undefined> {
  const targets = live(inputs.targets);
  if (!targets.length) return undefined;
  const year = yearInputsOn(inputs, asOf);
  yield;
  // the report's head count on asOf (= the year's judged day: asOf falls in the span)
  const ctx = yearContext(year, facts.map((f) => ({ id: f.id, here: f.atEnd, eligible: f.eligible })), needsEligibility(targets));
  yield;
  const results = yield* computeSteps(targets, year, ctx);
  return { v: TARGETS_V, year: inputs.span.year, items: targetsItems(results) };
}

export function targetsFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[]): TargetsFigure | undefined {
  const steps = targetsSteps(inputs, asOf, facts ?? allFacts(inputs, period, asOf, true));
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
