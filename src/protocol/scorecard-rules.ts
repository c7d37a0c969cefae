// The level above's scorecard (issue 11 item 3): one row per unit, one cell per indicator,
// coloured against the year's thresholds. Pure, no zod, no Dexie. Every figure comes from the
// rule the unit's own screen uses (the loader, features/above/scorecard/scorecard-queries.ts,
// runs them): the meeting due (Home, attendance-rules regularMeetingDue), the year's figures
// (report-figures: head count, training, rating, meetings missed, projects — each equal to its
// screen), the year's targets (target-rules, as on /year), reports (report-status), remittances
// (target-compute duesRemittedMonths' months), and the check-in rules. Here only the facts are
// picked out of those answers and judged.
//
// Thresholds (DOMAIN.md "The seed plan's targets", the year's own targets when set):
//   - a percentage at or above its goal is good, within WARN_BAND points below it a warning,
//     further below bad: good or better ≥ 80 %, registered 100 %, completing ≥ 90 %, targets on
//     track ≥ 80 % (the plan's "80 % of targets met");
//   - the regular meeting: bad when two or more ended months this year had none, a warning when
//     one had none or this month's is neither held nor planned;
//   - dues remitted: each ended month of the year has its slip; one missing is a warning, two bad;
//   - the last report (the latest period ended): sent on time good; sent late, returned or due
//     soon a warning; not sent after its due date bad;
//   - a check-in each quarter: this quarter's held good; the quarter before ended with none bad;
//   - actions: one overdue is bad; open ones within their dates are fine.
//   - the youth project: under way or done good; registered or planned a warning; none by the
//     middle of the year (or only dropped ones) bad.
import { regularMeetingDue, type PlannedMeeting } from './attendance-rules';
import { GOOD_OR_BETTER_TARGET } from './rating-rules';
import { TRAINING_TARGETS } from './training-rules';
import { YOUTH_PROJECT_STAGES, type YouthProjectStage } from './youth-project-enums';
import { inSight, type PeriodStanding } from './report-year-rules';
import type { ReportState } from './report-status';
import type { ReportKind } from './report-enums';
import type { MeetingFrequency } from './meeting-enums';
import { yearMonths, type YearSpan } from './year';
import { isOverdue, lastCheckIn, openActions, quarterCheckIns } from './checkin-rules';

/** Bump when a column's facts or judgement change: cached rows of another version are recomputed. */
export const SCORECARD_RULES_V = 2;

export const SCORECARD_COLUMNS = ['meeting', 'members', 'training', 'rating', 'targets', 'project', 'dues', 'report', 'checkIn', 'actions'] as const;
export type ScorecardColumn = (typeof SCORECARD_COLUMNS)[number];
export type CellTone = 'good' | 'warn' | 'bad' | 'none';
export type ScorecardCells = Record<ScorecardColumn, CellTone>;

/** Percentage points below a goal that are a warning rather than bad. */
export const WARN_BAND = 10;
/** The plan's share of targets met (or on track), as a fraction. */
export const TARGETS_ON_PACE_GOAL = 0.8;

/** The year's thresholds, fractions 0–1. */
export interface ScorecardGoals {
  goodOrBetter: number;
  registered: number;
  completing: number;
  targetsOnPace: number;
}

/** The year's own goals (data/year-goals.ts loadYearGoals), the plan's where the year set none. */
export function scorecardGoals(year: Partial<Pick<ScorecardGoals, 'goodOrBetter' | 'registered' | 'completing'>> = {}): ScorecardGoals {
  return {
    goodOrBetter: year.goodOrBetter ?? GOOD_OR_BETTER_TARGET,
    registered: year.registered ?? TRAINING_TARGETS.registered,
    completing: year.completing ?? TRAINING_TARGETS.completing,
    targetsOnPace: TARGETS_ON_PACE_GOAL,
  };
}

export interface ScorecardRow {
  unitId: string;
  name: string;
  /** the day computed */
  today: string;
  /** the unit's year the day falls in */
  span: YearSpan;
  /** in the year's consolidation plan (consolidations row consolidation:YEAR, weak) */
  weak: boolean;
  /** the goals the unit's year set (absent: the plan's) */
  goals: Partial<Pick<ScorecardGoals, 'goodOrBetter' | 'registered' | 'completing'>>;
  meeting: {
    frequency: MeetingFrequency;
    /** this month's (or quarter's) regular meeting, as Home's warning says */
    current: 'held' | 'planned' | 'missing';
    /** the months that warning looks at */
    months: string[];
    /** ended months of the year with no regular meeting held (report-figures meetings-v1) */
    missedMonths: string[];
  };
  members: { count: number };
  training: { roster: number; registered: number; registeredPct?: number; assessed: number; completing: number; completingPct?: number };
  rating: { eligible: number; goodOrBetter: number; goodOrBetterPct?: number; undecided: number };
  targets: { onPace: number; total: number; /** titles of the targets behind or out of reach */ slipping: string[] };
  project: { count: number; stage?: YouthProjectStage; title?: string };
  dues: { /** the last month of the unbroken run of remitted months from the year's first */ through?: string; missing: string[] };
  report?: {
    id: string;
    kind: ReportKind;
    year: number;
    index: number;
    state: ReportState;
    sent: number;
    onTime?: boolean;
    late: boolean;
    dueSoon: boolean;
    dueOn: string;
    firstSentOn?: string;
  };
  checkIn: { last?: string; quarter: number; heldThisQuarter: number; previousMissed: boolean; missedQuarters: number[] };
  actions: { open: number; overdue: number; /** the longest overdue's due day */ oldestDue?: string };
}

// --- the facts of a column, from the rules' answers -------------------------------------------

/**
 * Home's warning for this period, with the year's ended months that had no regular meeting —
 * from the month the unit started its book in the app (`since`, as the reports list judges
 * lateness): a unit set up in December has not "missed" January to November.
 */
export function meetingFacts(meetings: readonly PlannedMeeting[], frequency: MeetingFrequency, today: string, missedMonths: readonly string[], since?: string): ScorecardRow['meeting'] {
  const due = regularMeetingDue(meetings, frequency, today);
  return { frequency, current: due.state, months: due.months, missedMonths: missedMonths.filter((m) => !since || m >= since.slice(0, 7)) };
}

/** The year's remitted months (target-compute duesRemittedMonths: months over with no slip are missing). */
export function duesFacts(remittances: readonly { period: string; deleted?: boolean }[], span: YearSpan, today: string, since?: string): ScorecardRow['dues'] {
  const months = yearMonths(span);
  const done = new Set(remittances.filter((r) => !r.deleted).map((r) => r.period));
  let through: string | undefined;
  for (const m of months) {
    if (!done.has(m)) break;
    through = m;
  }
  // months before the unit started its book are nobody's missing slips (as for meetings)
  return { through, missing: months.filter((m) => m < today.slice(0, 7) && !done.has(m) && (!since || m >= since.slice(0, 7))) };
}

const STAGE_ORDER = YOUTH_PROJECT_STAGES.filter((s) => s !== 'dropped');

/** The year's projects (report-figures projects-v1 items): the furthest along, dropped ones last. */
export function projectFacts(items: readonly { title: string; stage: YouthProjectStage }[]): ScorecardRow['project'] {
  const rank = (s: YouthProjectStage) => (s === 'dropped' ? -1 : STAGE_ORDER.indexOf(s));
  const best = [...items].sort((a, b) => rank(b.stage) - rank(a.stage))[0];
  return { count: items.length, stage: best?.stage, title: best?.title };
}

const KIND_ORDER: readonly ReportKind[] = ['quarter', 'half_year', 'year'];

/**
 * The last report: of the periods that have ended (and whose report falls due after the unit
 * began in the app), the latest; a quarter before the half-year and the year ending with it.
 */
export function lastReportFacts(items: readonly PeriodStanding[], today: string, since?: string): ScorecardRow['report'] {
  const ended = items.filter((i) => i.period.to < today && inSight(i, since));
  const last = ended.sort((a, b) => b.period.to.localeCompare(a.period.to) || KIND_ORDER.indexOf(a.period.kind) - KIND_ORDER.indexOf(b.period.kind))[0];
  if (!last) return undefined;
  const s = last.standing;
  return {
    id: last.id, kind: last.period.kind, year: last.period.year, index: last.period.index,
    state: s.state, sent: s.sent, onTime: s.onTime, late: s.late, dueSoon: s.dueSoon, dueOn: s.dueOn, firstSentOn: s.firstSentOn,
  };
}

/** The calendar quarter of a day and the one before it. */
function quarters(today: string) {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return { y, q, prevY: q === 1 ? y - 1 : y, prevQ: q === 1 ? 4 : q - 1 };
}

/** The last check-in, this quarter's, and whether the quarter before ended with none. */
export function checkInFacts(checkIns: { date: string; deleted?: boolean }[], today: string, since?: string): ScorecardRow['checkIn'] {
  const { y, q, prevY, prevQ } = quarters(today);
  // a quarter that ended before the unit started its book was nobody's to check in on
  const seen = (year: number) => quarterCheckIns(checkIns, year, today, since);
  const thisYear = seen(y);
  const before = prevY === y ? thisYear : seen(prevY);
  return {
    last: lastCheckIn(checkIns)?.date,
    quarter: q,
    heldThisQuarter: thisYear[q - 1].held,
    previousMissed: before[prevQ - 1].state === 'missed',
    missedQuarters: thisYear.filter((x) => x.state === 'missed').map((x) => x.quarter),
  };
}

export function actionFacts(actions: { status: string; dueOn?: string; deleted?: boolean }[], today: string): ScorecardRow['actions'] {
  const open = openActions(actions);
  const overdue = open.filter((a) => isOverdue(a, today)).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return { open: open.length, overdue: overdue.length, oldestDue: overdue[0]?.dueOn };
}

// --- the judgement ----------------------------------------------------------------------------

/** A percentage (0–100) against a goal (fraction): good at or above, a warning within WARN_BAND. */
export function againstGoal(pct: number | undefined, goal: number): CellTone {
  if (pct === undefined) return 'none';
  const g = goal * 100;
  return pct >= g - 1e-9 ? 'good' : pct >= g - WARN_BAND - 1e-9 ? 'warn' : 'bad';
}

const RANK: Record<CellTone, number> = { none: 0, good: 1, warn: 2, bad: 3 };
const worse = (a: CellTone, b: CellTone): CellTone => (RANK[a] >= RANK[b] ? a : b);

/** The middle of the unit's year (a youth project is expected registered by then). */
function midYear(span: YearSpan): string {
  const months = yearMonths(span);
  return `${months[Math.floor(months.length / 2)]}-01`;
}

/** Each column's colour against the year's thresholds. */
export function scorecardCells(row: ScorecardRow, goals: ScorecardGoals): ScorecardCells {
  const m = row.meeting;
  const meeting: CellTone = m.missedMonths.length >= 2 ? 'bad' : m.missedMonths.length === 1 || m.current === 'missing' ? 'warn' : 'good';
  const t = row.training;
  const training = t.roster ? worse(againstGoal(t.registeredPct, goals.registered), againstGoal(t.completingPct, goals.completing)) : 'none';
  const rating = againstGoal(row.rating.goodOrBetterPct, goals.goodOrBetter);
  const targets = row.targets.total ? againstGoal((row.targets.onPace / row.targets.total) * 100, goals.targetsOnPace) : 'none';
  const p = row.project;
  const project: CellTone =
    !p.stage || p.stage === 'dropped'
      ? row.today >= midYear(row.span) ? 'bad' : 'warn'
      : p.stage === 'registered' || p.stage === 'planApproved' ? 'warn' : 'good';
  // nothing remitted and nothing due yet (a unit begun this month): not "Đạt" (found in use:
  // "✓ Đạt — chưa nộp tháng nào")
  const dues: CellTone = row.dues.missing.length >= 2 ? 'bad' : row.dues.missing.length === 1 ? 'warn' : row.dues.through ? 'good' : 'none';
  const r = row.report;
  const report: CellTone = !r
    ? 'none'
    : r.late ? 'bad'
    : r.sent === 0 ? r.dueSoon ? 'warn' : 'none'
    : r.state === 'returned' || r.onTime === false ? 'warn' : 'good';
  const c = row.checkIn;
  const checkIn: CellTone = c.heldThisQuarter > 0 ? 'good' : c.previousMissed ? 'bad' : 'warn';
  const a = row.actions;
  const actions: CellTone = a.overdue > 0 ? 'bad' : a.open > 0 ? 'good' : 'none';
  return { meeting, members: 'none', training, rating, targets, project, dues, report, checkIn, actions };
}

export interface Tally {
  bad: number;
  warn: number;
}

export function tally(cells: ScorecardCells): Tally {
  const v = Object.values(cells);
  return { bad: v.filter((x) => x === 'bad').length, warn: v.filter((x) => x === 'warn').length };
}

/** The units slipping most first: more bad cells, then more warnings, then by name. */
export function worstFirst<R extends ScorecardRow>(rows: readonly R[]): R[] {
  const t = new Map(rows.map((r) => [r, tally(scorecardCells(r, scorecardGoals(r.goals)))]));
  return [...rows].sort((a, b) => t.get(b)!.bad - t.get(a)!.bad || t.get(b)!.warn - t.get(a)!.warn || byName(a, b));
}

export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'vi');
