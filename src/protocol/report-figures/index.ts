// A report's figures (issue 10) from the records of its period: one named, versioned rule per
// section (report-figures-schema.ts), each reusing the rule its own screen uses so every number
// equals the one on that screen. Pure: no zod, no Dexie, no DOM — the unit's phone and, later,
// the supervisor's view compute the same figures from the same rows.
//
// asOf: the day counted up to — the period's last day, or today while the period runs.
// The per-member part (head count, dues owed, who can be rated) is the heavy one for a
// 5,000-member unit: figureSteps yields between slices of members and between figures, so the
// loader (features/reports/report-queries.ts) gives the browser a turn in between;
// computeReportFigures runs the same steps at once.
import type { ReportFigures } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { needsEligibility } from '../target-rules';
import { live, type ReportInputs } from './inputs';
import { factContextSteps, memberFacts, type MemberFacts } from './member-facts';
import { MEMBERSHIP_V, membershipFigure } from './membership';
import { MEETINGS_V, meetingsFigure } from './meetings';
import { ACTIVITIES_V, activitiesFigure } from './activities';
import { PROJECTS_V, projectsFigure } from './projects';
import { TRAINING_V, trainingFigure } from './training';
import { RATINGS_V, ratingsFigure } from './ratings';
import { DUES_V, duesFigure } from './dues';
import { RECOGNITION_V, recognitionFigure } from './recognition';
import { TARGETS_V, targetsSteps } from './targets';

export { asOfFor } from './as-of';
export type { ReportInputs, ReportMember, ReportMemberEvent, ReportMeeting, ReportActivity, ReportProject } from './inputs';

/** Every figure rule and its version (a sent version's figures carry each in `v`). */
export const FIGURE_RULES: readonly { name: keyof Omit<ReportFigures, 'asOf'>; version: number }[] = [
  { name: 'membership', version: MEMBERSHIP_V },
  { name: 'meetings', version: MEETINGS_V },
  { name: 'activities', version: ACTIVITIES_V },
  { name: 'projects', version: PROJECTS_V },
  { name: 'training', version: TRAINING_V },
  { name: 'ratings', version: RATINGS_V },
  { name: 'dues', version: DUES_V },
  { name: 'recognition', version: RECOGNITION_V },
  { name: 'targets', version: TARGETS_V },
];

/** Members per slice: their head count, dues year and eligibility (a cold slice of 250 is ~10 ms unthrottled). */
export const MEMBER_SLICE = 250;

/** The figures, one step at a time: the shared part, members in slices, then one figure (or target) per step. */
export function* figureSteps(inputs: ReportInputs, period: ReportPeriod, asOf: string, slice = MEMBER_SLICE): Generator<void, ReportFigures> {
  const isYear = period.kind === 'year';
  const ctx = yield* factContextSteps(inputs, period, asOf, isYear || needsEligibility(live(inputs.targets)));
  yield;
  const members = live(inputs.members);
  const facts: MemberFacts[] = [];
  for (let i = 0; i < members.length; i++) {
    facts.push(memberFacts(members[i], ctx));
    if ((i + 1) % slice === 0 && i + 1 < members.length) yield;
  }
  yield;
  const membership = membershipFigure(inputs, period, asOf, facts);
  yield;
  const training = trainingFigure(inputs, period, asOf, facts);
  yield;
  const dues = duesFigure(inputs, period, asOf, facts, ctx.ledger);
  yield;
  const meetings = meetingsFigure(inputs, period, asOf, facts);
  yield;
  const activities = activitiesFigure(inputs, period, asOf);
  const projects = projectsFigure(inputs, period, asOf);
  const recognition = recognitionFigure(inputs, period, asOf);
  yield;
  const ratings = isYear ? ratingsFigure(inputs, period, asOf, facts) : undefined;
  if (ratings) yield;
  const targets = yield* targetsSteps(inputs, asOf, facts);
  const out: ReportFigures = { asOf, membership, meetings, activities, projects, training, dues, recognition };
  if (ratings) out.ratings = ratings;
  if (targets) out.targets = targets;
  return out;
}

/** The period's figures counted up to `asOf` (the period's last day, or today while it runs). */
export function computeReportFigures(inputs: ReportInputs, period: ReportPeriod, asOf: string): ReportFigures {
  const steps = figureSteps(inputs, period, asOf, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
