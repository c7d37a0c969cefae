// The figures of a report (issue 10), as computed from the records of a period and frozen into
// each sent version. One section per figure rule (src/protocol/report-figures/), each carrying
// the version of the rule that computed it (`v`), so a version sent in 2027 still says how its
// numbers were made after a rule changes. Percentages are 0–100 with one decimal at most, and
// absent where nothing could be measured (no meeting held: no attendance rate).
// Money is whole đồng. Months are 'yyyy-mm', days 'yyyy-mm-dd'.
import * as z from 'zod/mini';
import { ACTIVITY_KINDS, MEETING_KINDS } from './meeting-enums';
import { RATING_LEVELS } from './rating-enums';
import { YOUTH_PROJECT_STAGES } from './youth-project-enums';
import { TARGET_MEASURES } from './target-enums';
import { TARGET_STATUSES } from './target-pace';

const n = z.int().check(z.gte(0), z.lte(100_000_000));
const money = z.number().check(z.int(), z.gte(-1e13), z.lte(1e13));
const pct = z.optional(z.number().check(z.gte(0), z.lte(100)));
const v = z.int().check(z.gte(1), z.lte(1000));
const name = z.string().check(z.maxLength(300));
const month = z.string().check(z.regex(/^\d{4}-\d{2}$/));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** membership-v1: who was in the unit on the first and last day, and what moved in between */
export const membershipFigure = z.object({
  v,
  start: n,
  end: n,
  admitted: n,
  transferredIn: n,
  transferredOut: n,
  graduated: n,
  struckOff: n,
  /** discipline decisions of any level in the period (expulsion also ends a stay) */
  disciplined: n,
  cardsIssued: n,
  /** members who turned 30 in the period and are still in the unit at its end (due to graduate) */
  turned30: n,
  /** per sub-group (tổ, lớp), where the unit has them: members at the start and end */
  groups: z.array(z.object({ name, start: n, end: n })).check(z.maxLength(100)),
});

/** meetings-v1: meetings held in the period by kind, with attendance, and months missed */
export const meetingsFigure = z.object({
  v,
  byKind: z.array(z.object({ kind: z.enum(MEETING_KINDS), held: n, attendancePct: pct })).check(z.maxLength(20)),
  /** the average attendance over the held meetings that took a roll */
  attendancePct: pct,
  /** regular meetings held in the period */
  regularHeld: n,
  /** months of the period (ended by the day computed) with no regular meeting held */
  monthsWithoutRegular: z.array(month).check(z.maxLength(12)),
});

/** activities-v1: activities done in the period by kind, with participants (roll marks present) */
export const activitiesFigure = z.object({
  v,
  byKind: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), count: n, participants: n })).check(z.maxLength(20)),
  total: n,
  participants: n,
});

/** projects-v1: the year's youth projects and where each stood at the period's end */
export const projectsFigure = z.object({
  v,
  items: z
    .array(z.object({ id: z.string().check(z.maxLength(100)), title: name, stage: z.enum(YOUTH_PROJECT_STAGES), acceptedInPeriod: z.boolean() }))
    .check(z.maxLength(100)),
});

/** training-v1: the training programme of the year the period falls in, at the period's end */
export const trainingFigure = z.object({
  v,
  year: z.int(),
  roster: n,
  registered: n,
  registeredPct: pct,
  assessed: n,
  completing: n,
  completingPct: pct,
});

/** ratings-v1 (year reports): the members' levels and the unit's own proposed level */
export const ratingsFigure = z.object({
  v,
  eligible: n,
  excellent: n,
  good: n,
  completed: n,
  notCompleted: n,
  undecided: n,
  goodOrBetterPct: pct,
  unitLevel: z.optional(z.enum(RATING_LEVELS)),
});

/** dues-v1: money received in the period, still owed at its end, remitted to cấp trên */
export const duesFigure = z.object({
  v,
  collected: money,
  /** months owed at the period's end, over the members who owe */
  owedMonths: n,
  owedMembers: n,
  owedAmount: money,
  remitted: money,
  /** the 1/3 of the period's collection that is due upward */
  toRemit: money,
});

/** recognition-v1: commendations, discipline and Party introductions dated in the period */
export const recognitionFigure = z.object({
  v,
  commended: n,
  disciplined: n,
  introducedToParty: n,
  admittedToParty: n,
});

/** targets-v1: each target of the year, as on the year's screen on the period's last day */
export const targetsFigure = z.object({
  v,
  year: z.int(),
  items: z
    .array(
      z.object({
        id: z.string().check(z.maxLength(100)),
        title: name,
        measure: z.enum(TARGET_MEASURES),
        value: z.optional(z.number()),
        goal: z.number(),
        pct: pct,
        status: z.enum(TARGET_STATUSES),
      }),
    )
    .check(z.maxLength(200)),
});

export const reportFigures = z.object({
  /** the day the figures were computed for: the period's end, or today while it runs */
  asOf: day,
  membership: membershipFigure,
  meetings: meetingsFigure,
  activities: activitiesFigure,
  projects: projectsFigure,
  training: trainingFigure,
  /** year reports only */
  ratings: z.optional(ratingsFigure),
  dues: duesFigure,
  recognition: recognitionFigure,
  /** absent when the year has no targets */
  targets: z.optional(targetsFigure),
});
export type ReportFigures = z.infer<typeof reportFigures>;
export type MembershipFigure = z.infer<typeof membershipFigure>;
export type MeetingsFigure = z.infer<typeof meetingsFigure>;
export type ActivitiesFigure = z.infer<typeof activitiesFigure>;
export type ProjectsFigure = z.infer<typeof projectsFigure>;
export type TrainingFigure = z.infer<typeof trainingFigure>;
export type RatingsFigure = z.infer<typeof ratingsFigure>;
export type DuesFigure = z.infer<typeof duesFigure>;
export type RecognitionFigure = z.infer<typeof recognitionFigure>;
export type TargetsFigure = z.infer<typeof targetsFigure>;
