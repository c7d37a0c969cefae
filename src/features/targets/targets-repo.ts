// The year's plan writes: start a year (from the consolidation plan's template, empty, or a copy
// of another year's targets), add / edit / delete a target, enter an entered target's value.
// Every write is one Dexie transaction with its outbox entries (data/commit.ts); bad input is
// refused before anything is written (UserError, keys of the "targets" namespace or err.*).
import type * as z from 'zod/mini';
import { uuidv7 } from '../../lib/ids';
import { commit } from '../../data/commit';
import { deleteRow, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { yearKindOf } from '../../data/unit-year';
import { UserError } from '../../lib/user-error';
import { isValidIsoDate } from '../../lib/dates';
import { ACTIVITY_KINDS } from '../../protocol/meeting-enums';
import { targetFields, yearPlanFields, yearPlanId, type Target, type TargetFields, type YearPlan } from '../../protocol/target';
import { AVAILABLE_RULES, RULE_MEASURE } from '../../protocol/target-rules';
import { copiedTargetId, templateTargets } from '../../protocol/target-template';
import { listTargets } from './targets-queries';

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

/** What a screen edits: the rest (year, sort order, entered value) is kept by the repo. */
export interface TargetInput {
  title: string;
  measure: TargetFields['measure'];
  goal: number;
  source: TargetFields['source'];
  rule?: TargetFields['rule'];
  ruleParam?: string;
}

/**
 * The checks beyond the schema: a percent goal ≤ 100; a computed target needs an offered rule,
 * and takes the rule's measure; activitiesOfKind's kind is a known one or empty (all kinds);
 * a yes/no goal is 1, a level a rank 1–4, a count whole.
 */
export function targetChecks(f: TargetFields): TargetFields {
  const out = { ...f };
  if (out.source === 'computed') {
    if (!out.rule) throw new UserError('targets.errRule');
    if (!AVAILABLE_RULES.includes(out.rule)) throw new UserError('targets.errRuleUnavailable');
    out.measure = RULE_MEASURE[out.rule];
    if (out.rule === 'activitiesOfKind') {
      if (out.ruleParam && !(ACTIVITY_KINDS as readonly string[]).includes(out.ruleParam)) throw new UserError('targets.errKind');
    } else out.ruleParam = '';
  } else {
    out.rule = undefined;
    out.ruleParam = '';
  }
  if (out.measure === 'percent' && out.goal > 100) throw new UserError('targets.errPercent');
  if (out.measure === 'yesNo') out.goal = 1;
  if (out.measure === 'level' && !(Number.isInteger(out.goal) && out.goal >= 1 && out.goal <= 4)) throw new UserError('targets.errLevel');
  if (out.measure === 'count' && !Number.isInteger(out.goal)) throw new UserError('targets.errWhole');
  return out;
}

function fieldsOf(t: Target): TargetFields {
  const { year, title, measure, goal, source, rule, ruleParam, planNo, sortOrder, enteredValue, enteredAt, evidenceNote } = t;
  return { year, title, measure, goal, source, rule, ruleParam, planNo, sortOrder, enteredValue, enteredAt, evidenceNote };
}

export type StartFrom = { kind: 'template' } | { kind: 'empty' } | { kind: 'copy'; year: number };

async function unitFrequency(db: UnitDb): Promise<'monthly' | 'quarterly'> {
  const units = await db.units.toArray();
  return units.find((u) => !u.deleted)?.meetingFrequency ?? 'monthly';
}

/**
 * Starts a year's plan: pins whose year it is, records where it started from and whether the
 * unit is in the consolidation plan, and writes the starting targets. Refused when the year
 * already has targets (a second start would double them); the template's ids are the same on
 * every phone, so two phones starting from the template offline make one plan.
 */
export async function startYear(year: number, from: StartFrom, consolidation = from.kind === 'template'): Promise<YearPlan> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const yearKind = await yearKindOf(year, db);
  const frequency = await unitFrequency(db);
  const source = from.kind === 'copy' ? await listTargets(db, from.year) : [];
  if (from.kind === 'copy' && !source.length) throw new UserError('targets.errCopyEmpty');
  const rows: { id: string; patch: TargetFields }[] =
    from.kind === 'template'
      ? templateTargets(year, frequency).map((t) => ({ id: t.id, patch: check(targetFields, { year, title: t.title, measure: t.measure, goal: t.goal, source: 'computed', rule: t.rule, ruleParam: '', planNo: t.planNo, sortOrder: t.sortOrder }) }))
      : source.map((t) => ({
          id: copiedTargetId(year, t.id),
          // titles, measures, goals and rules; never the values entered in the other year
          patch: check(targetFields, { year, title: t.title, measure: t.measure, goal: t.goal, source: t.source, rule: t.rule, ruleParam: t.ruleParam ?? '', planNo: t.planNo, sortOrder: t.sortOrder }),
        }));
  const plan = check(yearPlanFields, {
    year,
    yearKind,
    consolidation,
    startedFrom: from.kind === 'copy' ? `copy:${from.year}` : from.kind,
  });
  return commit(db, [db.yearPlans, db.targets], async () => {
    const existing = await listTargets(db, year);
    const ours = new Set(rows.map((r) => r.id));
    if (existing.some((t) => !ours.has(t.id))) throw new UserError('targets.errStarted');
    const prev = await db.yearPlans.get(yearPlanId(year));
    const saved = await upsertRow<YearPlan>(db, 'yearPlans', yearPlanId(year), unitId, prev && !prev.deleted ? { ...plan, yearKind: prev.yearKind } : plan);
    await upsertRows<Target>(db, 'targets', unitId, rows);
    return saved;
  });
}

function checkGoal(goal: number): void {
  if (typeof goal !== 'number' || !Number.isFinite(goal) || goal < 0 || goal > 1_000_000) throw new UserError('targets.errGoal');
}

/** Adds a target at the end of the year's plan (the plan row is made if the year had none). */
export async function addTarget(year: number, input: TargetInput): Promise<Target> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const yearKind = await yearKindOf(year, db);
  checkGoal(input.goal);
  return commit(db, [db.yearPlans, db.targets], async () => {
    const all = await listTargets(db, year);
    const sortOrder = all.length ? Math.max(...all.map((t) => t.sortOrder)) + 10 : 0;
    const fields = targetChecks(check(targetFields, { ...input, title: input.title.trim(), ruleParam: input.ruleParam ?? '', year, sortOrder }));
    const plan = await db.yearPlans.get(yearPlanId(year));
    if (!plan || plan.deleted) await upsertRow<YearPlan>(db, 'yearPlans', yearPlanId(year), unitId, check(yearPlanFields, { year, yearKind, startedFrom: 'empty' }));
    return upsertRow<Target>(db, 'targets', uuidv7(), unitId, fields);
  });
}

/** Edits a target's title, measure, goal, source or rule (its entered value stays). */
export async function updateTarget(id: string, input: TargetInput): Promise<Target> {
  const db = await activeDb();
  checkGoal(input.goal);
  return commit(db, [db.targets], async () => {
    const prev = await db.targets.get(id);
    if (!prev || prev.deleted) throw new UserError('targets.errGone');
    const fields = targetChecks(check(targetFields, { ...fieldsOf(prev), ...input, title: input.title.trim(), ruleParam: input.ruleParam ?? '' }));
    return upsertRow<Target>(db, 'targets', id, prev.unitId, fields);
  });
}

export async function deleteTarget(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.targets], async () => {
    const prev = await db.targets.get(id);
    if (!prev || prev.deleted) throw new UserError('targets.errGone');
    await deleteRow(db, 'targets', id);
  });
}

/** An entered target's value: the figure reached, the day, and the evidence (a note: where it is recorded). */
export async function enterValue(id: string, value: number, date: string, note: string): Promise<Target> {
  const db = await activeDb();
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1_000_000) throw new UserError('targets.errValue');
  if (!isValidIsoDate(date)) throw new UserError('err.date');
  return commit(db, [db.targets], async () => {
    const prev = await db.targets.get(id);
    if (!prev || prev.deleted) throw new UserError('targets.errGone');
    if (prev.source !== 'entered') throw new UserError('targets.errNotEntered');
    if (prev.measure === 'percent' && value > 100) throw new UserError('targets.errPercent');
    if (prev.measure === 'count' && !Number.isInteger(value)) throw new UserError('targets.errWhole');
    const fields = check(targetFields, { ...fieldsOf(prev), enteredValue: value, enteredAt: date, evidenceNote: note.trim() });
    return upsertRow<Target>(db, 'targets', id, prev.unitId, fields);
  });
}
