// Youth project writes (công trình / phần việc thanh niên): register and edit a project, move
// it through its stages (protocol/youth-project-rules.ts), drop it, take back the last step,
// and keep its progress log. Each write is one transaction with the outbox; a refusal is a
// UserError with a plain Vietnamese message and nothing written.
import { uuidv7 } from '../../lib/ids';
import { todayIso } from '../../lib/dates';
import { UserError } from '../../lib/user-error';
import { commit } from '../../data/commit';
import { upsertRow, deleteRow, deleteRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { currentUnitYear } from '../../data/unit-year';
import type { UnitDb } from '../../data/db';
import {
  youthProjectFields,
  youthProjectLogFields,
  type YouthProject,
  type YouthProjectFields,
  type YouthProjectLog,
  type YouthProjectLogFields,
} from '../../protocol/youth-project';
import { advance, budgetTotal, drop, stageProblem, undoLast, type StageOutcome } from '../../protocol/youth-project-rules';

/** What the registration form gives: the project without its year (read from the date) and stages. */
export type ProjectInput = Pick<
  YouthProjectFields,
  'title' | 'kind' | 'place' | 'description' | 'startsOn' | 'endsOn' | 'budget' | 'budgetSources' | 'volunteerDays' | 'beneficiaries' | 'leaderId' | 'registeredOn'
>;

const INPUT_KEYS = ['title', 'kind', 'place', 'description', 'startsOn', 'endsOn', 'budget', 'budgetSources', 'volunteerDays', 'beneficiaries', 'leaderId', 'registeredOn'] as const satisfies readonly (keyof ProjectInput)[];

/** Numbers a form can empty: an emptied one is written 0, since an absent field does not sync. */
const CLEARABLE_NUMBERS = ['budget', 'volunteerDays', 'beneficiaries'] as const;

function parseProject(fields: unknown): YouthProjectFields {
  const r = youthProjectFields.safeParse(fields);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  const p = r.data;
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) throw new UserError('projects.errEndBeforeStart');
  if (p.registeredOn > todayIso()) throw new UserError('projects.errFuture');
  const total = budgetTotal(p.budget, p.budgetSources);
  if ('error' in total) throw new UserError(total.error);
  const problem = stageProblem(p);
  if (problem) throw new UserError(problem);
  return { ...p, budget: total.budget };
}

async function liveProject(db: UnitDb, id: string): Promise<YouthProject> {
  const p = await db.youthProjects.get(id);
  if (!p || p.deleted) throw new UserError('projects.errGone');
  return p;
}

export async function registerProject(input: ProjectInput): Promise<YouthProject> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  // Read before the transaction: the year's kind (calendar or school year) is Dexie too, but
  // this keeps the write's scope to the project and the outbox.
  const { year } = await currentUnitYear(input.registeredOn || todayIso(), db);
  const fields = parseProject({ ...input, year, stage: 'registered' });
  return commit(db, [db.youthProjects], () => upsertRow<YouthProject>(db, 'youthProjects', uuidv7(), unitId, fields));
}

/** Edits what was registered; the stage and its dates move only through the steps below. */
export async function updateProject(id: string, input: ProjectInput): Promise<YouthProject> {
  const db = await activeDb();
  const { year } = await currentUnitYear(input.registeredOn || todayIso(), db);
  return commit(db, [db.youthProjects], async () => {
    const prev = await liveProject(db, id);
    // The whole input replaces what was registered: a field left out is an emptied one.
    const next: Record<string, unknown> = { ...prev, year };
    for (const k of INPUT_KEYS) next[k] = input[k];
    for (const k of CLEARABLE_NUMBERS) if (next[k] === undefined && prev[k] !== undefined) next[k] = 0;
    if (!input.budgetSources?.length && prev.budgetSources?.length) next.budgetSources = [];
    return upsertRow<YouthProject>(db, 'youthProjects', id, prev.unitId, parseProject(next));
  });
}

async function applyStage(id: string, rule: (p: YouthProject) => StageOutcome): Promise<YouthProject> {
  const db = await activeDb();
  return commit(db, [db.youthProjects], async () => {
    const prev = await liveProject(db, id);
    const outcome = rule(prev);
    if ('error' in outcome) throw new UserError(outcome.error);
    return upsertRow<YouthProject>(db, 'youthProjects', id, prev.unitId, parseProject({ ...prev, ...outcome.patch }));
  });
}

/** The next step on `date`; "accepted" (nghiệm thu) also needs the decision number and who accepted. */
export function advanceProject(id: string, input: { date: string; acceptanceDecision?: string; acceptedBy?: string }, today = todayIso()): Promise<YouthProject> {
  return applyStage(id, (p) => advance(p, input, today));
}

export function dropProject(id: string, input: { date: string; reason: string }, today = todayIso()): Promise<YouthProject> {
  return applyStage(id, (p) => drop(p, input, today));
}

/** Takes back the last step (or the drop) entered by mistake. */
export function undoLastStep(id: string): Promise<YouthProject> {
  return applyStage(id, undoLast);
}

/** Removes a project registered by mistake, with its log (the roll's marks stay, unseen). */
export async function deleteProject(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.youthProjects, db.youthProjectLogs], async () => {
    await liveProject(db, id);
    const log = await db.youthProjectLogs.where('projectId').equals(id).primaryKeys();
    await deleteRows(db, 'youthProjectLogs', log);
    await deleteRow(db, 'youthProjects', id);
  });
}

// The progress log.

export type LogInput = Omit<YouthProjectLogFields, 'projectId'>;

function parseLog(fields: unknown): YouthProjectLogFields {
  const r = youthProjectLogFields.safeParse(fields);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  if (!r.data.note?.trim() && !r.data.photos.length) throw new UserError('projects.errLogEmpty');
  if (r.data.date > todayIso()) throw new UserError('projects.errFuture');
  return r.data;
}

export async function addLogEntry(projectId: string, input: LogInput): Promise<YouthProjectLog> {
  const db = await activeDb();
  const fields = parseLog({ ...input, projectId });
  return commit(db, [db.youthProjects, db.youthProjectLogs], async () => {
    const p = await liveProject(db, projectId);
    return upsertRow<YouthProjectLog>(db, 'youthProjectLogs', uuidv7(), p.unitId, fields);
  });
}

export async function updateLogEntry(id: string, input: LogInput): Promise<YouthProjectLog> {
  const db = await activeDb();
  return commit(db, [db.youthProjectLogs], async () => {
    const prev = await db.youthProjectLogs.get(id);
    if (!prev || prev.deleted) throw new UserError('projects.errLogGone');
    const fields = parseLog({ ...input, projectId: prev.projectId });
    return upsertRow<YouthProjectLog>(db, 'youthProjectLogs', id, prev.unitId, { ...fields, note: fields.note ?? '' });
  });
}

export async function deleteLogEntry(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.youthProjectLogs], async () => {
    const prev = await db.youthProjectLogs.get(id);
    if (!prev || prev.deleted) throw new UserError('projects.errLogGone');
    await deleteRow(db, 'youthProjectLogs', id);
  });
}

export { listProjectsInYear, acceptedProjectsInYear, getProject, loadProject } from './projects-queries';
