// Youth projects' stages (issue 9 item 4, DOMAIN.md "Youth project"): registered → plan
// approved → in progress → completed → accepted by cấp trên (nghiệm thu), each step in order
// with its date, never before the previous step's; dropped with a reason from any stage before
// accepted. The plan's target 5 counts a project of a year as accepted when its stage is
// 'accepted' (isAcceptedIn): the step dates, the decision and who accepted are all present then.
// Pure: no zod, no Dexie. Errors are i18n keys.
import type { BudgetSource, YouthProjectFields } from './youth-project';
import type { YouthProjectStage } from './youth-project-enums';

export const STAGE_STEPS = ['registered', 'planApproved', 'inProgress', 'completed', 'accepted'] as const;
export type StageStep = (typeof STAGE_STEPS)[number];

/** The date field each step sets. */
export const STEP_DATE = {
  registered: 'registeredOn',
  planApproved: 'planApprovedOn',
  inProgress: 'startedOn',
  completed: 'completedOn',
  accepted: 'acceptedOn',
} as const satisfies Record<StageStep, keyof YouthProjectFields>;

type StageFields = Pick<
  YouthProjectFields,
  'stage' | 'registeredOn' | 'planApprovedOn' | 'startedOn' | 'completedOn' | 'acceptedOn' | 'acceptanceDecision' | 'acceptedBy' | 'droppedOn' | 'dropReason'
>;
type Patch = Partial<StageFields>;
export type StageOutcome = { patch: Patch } | { error: string };

const filled = (s: string | undefined): s is string => !!s && s.trim() !== '';

/** The step a project has reached; for a dropped one, the last step it had reached. */
export function reachedStep(p: StageFields): StageStep {
  if (p.stage !== 'dropped') return p.stage;
  let last: StageStep = 'registered';
  for (const s of STAGE_STEPS) if (filled(p[STEP_DATE[s]])) last = s;
  return last;
}

/** The step that comes next, or undefined (accepted, dropped). */
export function nextStep(p: StageFields): StageStep | undefined {
  if (p.stage === 'dropped' || p.stage === 'accepted') return undefined;
  return STAGE_STEPS[STAGE_STEPS.indexOf(p.stage) + 1];
}

/** The date of the step reached (the floor for the next step's date). */
export function reachedOn(p: StageFields): string {
  return p[STEP_DATE[reachedStep(p)]] || p.registeredOn;
}

function dateProblem(date: string | undefined, floor: string, today: string): string | undefined {
  if (!filled(date)) return 'err.required';
  if (date < floor) return 'projects.errBeforePrevious';
  if (date > today) return 'projects.errFuture';
  return undefined;
}

/** The next step, taken on `date`; acceptance needs the decision number and who accepted. */
export function advance(p: StageFields, input: { date: string; acceptanceDecision?: string; acceptedBy?: string }, today: string): StageOutcome {
  const step = nextStep(p);
  if (!step) return { error: 'projects.errNoNextStep' };
  const problem = dateProblem(input.date, reachedOn(p), today);
  if (problem) return { error: problem };
  if (step !== 'accepted') return { patch: { stage: step, [STEP_DATE[step]]: input.date } };
  if (!filled(input.acceptanceDecision)) return { error: 'projects.errDecision' };
  if (!filled(input.acceptedBy)) return { error: 'projects.errAcceptedBy' };
  return { patch: { stage: 'accepted', acceptedOn: input.date, acceptanceDecision: input.acceptanceDecision.trim(), acceptedBy: input.acceptedBy.trim() } };
}

/** Stops a project that will not be carried out: any stage before accepted, with a reason. */
export function drop(p: StageFields, input: { date: string; reason: string }, today: string): StageOutcome {
  if (p.stage === 'accepted' || p.stage === 'dropped') return { error: 'projects.errCannotDrop' };
  if (!filled(input.reason)) return { error: 'projects.errDropReason' };
  const problem = dateProblem(input.date, reachedOn(p), today);
  if (problem) return { error: problem };
  return { patch: { stage: 'dropped', droppedOn: input.date, dropReason: input.reason.trim() } };
}

/**
 * Takes back the last step entered by mistake: its date (or the drop's date and reason) is
 * cleared with '' — a cleared field must travel to the other phones, and an absent one would
 * not. An undone acceptance keeps its decision number and who accepted: they count for
 * nothing until the project is accepted again (stage 'accepted', isAcceptedIn), and the
 * acceptance form comes back filled with them, so the secretary correcting one slip does
 * not type the whole decision again.
 */
export function undoLast(p: StageFields): StageOutcome {
  if (p.stage === 'dropped') return { patch: { stage: reachedStep(p), droppedOn: '', dropReason: '' } };
  if (p.stage === 'registered') return { error: 'projects.errNothingToUndo' };
  const back = STAGE_STEPS[STAGE_STEPS.indexOf(p.stage) - 1];
  return { patch: { stage: back, [STEP_DATE[p.stage]]: '' } };
}

/**
 * Whether a record's stage agrees with its dates (an edit moving the registration date, a
 * synced row): every step reached has its date, in order, none after; acceptance and drop
 * have what they need. Undefined when it does.
 */
export function stageProblem(p: StageFields): string | undefined {
  const reached = STAGE_STEPS.indexOf(reachedStep(p));
  let floor = '';
  for (const [i, s] of STAGE_STEPS.entries()) {
    const date = p[STEP_DATE[s]];
    if (i > reached) {
      if (filled(date)) return 'projects.errStageDates';
      continue;
    }
    if (!filled(date)) return 'projects.errStageDates';
    if (date < floor) return 'projects.errBeforePrevious';
    floor = date;
  }
  if (p.stage === 'accepted' && !filled(p.acceptanceDecision)) return 'projects.errDecision';
  if (p.stage === 'accepted' && !filled(p.acceptedBy)) return 'projects.errAcceptedBy';
  if (p.stage === 'dropped') {
    if (!filled(p.dropReason)) return 'projects.errDropReason';
    if (!filled(p.droppedOn)) return 'err.required';
    if (p.droppedOn < floor) return 'projects.errBeforePrevious';
  }
  return undefined;
}

/**
 * The budget: with sources, the total is their sum (a total typed as well must agree, so a
 * slip in one of them is caught, not silently overwritten); without, the total as entered.
 */
export function budgetTotal(budget: number | undefined, sources: readonly BudgetSource[] | undefined): { budget: number | undefined } | { error: string } {
  if (!sources?.length) return { budget };
  const sum = sources.reduce((s, x) => s + x.amount, 0);
  if (budget !== undefined && budget !== sum) return { error: 'projects.errBudgetSum' };
  return { budget: sum };
}

/** A project that counts toward its year's target 5 ("one project accepted"). */
export function isAcceptedIn(p: { year: number; stage: YouthProjectStage; deleted?: boolean }, year: number): boolean {
  return !p.deleted && p.year === year && p.stage === 'accepted';
}

/**
 * Volunteer-days done (ngày công): one a participant on the project's roll. The roll holds one
 * mark a member, so a member who worked several days still counts one.
 */
export function volunteerDaysDone(participants: number): number {
  return participants;
}
