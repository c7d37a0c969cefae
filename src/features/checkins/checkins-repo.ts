// Writes of the check-ins (giao ban) and their agreed actions, on whichever unit database is
// given: the level above writes into a supervised unit's database (opened apart), the unit
// into its own. The level above records a check-in with its actions; either side updates an
// action's follow-up, stamped with when and which side. Who may write which table is the
// commit guard's (data/commit.ts, protocol/permissions.ts): the unit is refused a check-in.
// Every write is one transaction with its outbox entries; bad input is refused first.
import type * as z from 'zod/mini';
import { uuidv7 } from '../../lib/ids';
import { commit } from '../../data/commit';
import { deleteRows, upsertRow, upsertRows } from '../../data/outbox';
import type { UnitDb } from '../../data/db';
import { UserError } from '../../lib/user-error';
import { checkInActionFields, checkInFields, type ActionStatus, type CheckIn, type CheckInAction, type CheckInActionFields, type CheckInFields, type NoteSide } from '../../protocol/oversight';

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

/** The unit a database belongs to: its name is scd-<unitId> (data/db.ts unitDbName). */
function unitIdOf(db: UnitDb): string {
  return db.name.replace(/^scd-/, '');
}

/** Which side writes here: the level above in a database where this phone is a supervisor. */
async function sideOf(db: UnitDb): Promise<NoteSide> {
  return (await db.syncState.get('device'))?.server?.role === 'supervisor' ? 'above' : 'unit';
}

export interface CheckInInput {
  date: string;
  place?: string;
  attendees?: string;
  findings?: string;
  byName?: string;
}

/** An action as agreed: what, who, by when. */
export interface ActionInput {
  what: string;
  who?: string;
  dueOn?: string;
}

function actionFields(checkInId: string, a: ActionInput, prev?: CheckInAction): CheckInActionFields {
  return check(checkInActionFields, {
    checkInId,
    what: a.what,
    who: a.who ?? '',
    dueOn: a.dueOn ?? '',
    status: prev?.status ?? 'open',
    followUp: prev?.followUp,
    followedAt: prev?.followedAt,
    followedBy: prev?.followedBy,
  });
}

/**
 * Records a check-in (id absent) or edits one, with actions agreed at it added in the same
 * write; blank action lines are skipped. Returns the check-in as stored.
 */
export async function saveCheckIn(db: UnitDb, id: string | undefined, input: CheckInInput, newActions: ActionInput[] = []): Promise<CheckIn> {
  const fields: CheckInFields = check(checkInFields, { date: input.date, place: input.place ?? '', attendees: input.attendees ?? '', findings: input.findings ?? '', byName: input.byName ?? '' });
  const checkInId = id ?? uuidv7();
  const actions = newActions.filter((a) => a.what.trim() || a.who?.trim() || a.dueOn).map((a) => ({ id: uuidv7(), patch: actionFields(checkInId, a) }));
  const unitId = unitIdOf(db);
  return commit(db, [db.checkIns, db.checkInActions], async () => {
    if (id) {
      const prev = await db.checkIns.get(id);
      if (!prev || prev.deleted) throw new UserError('checkins.errGone');
    }
    const saved = await upsertRow<CheckIn>(db, 'checkIns', checkInId, unitId, fields);
    if (actions.length) await upsertRows<CheckInAction>(db, 'checkInActions', unitId, actions);
    return saved;
  });
}

/** Adds an action to a check-in (id absent) or edits what, who and by when of one. */
export async function saveAction(db: UnitDb, checkInId: string, id: string | undefined, input: ActionInput): Promise<CheckInAction> {
  const unitId = unitIdOf(db);
  return commit(db, [db.checkIns, db.checkInActions], async () => {
    const parent = await db.checkIns.get(checkInId);
    if (!parent || parent.deleted) throw new UserError('checkins.errGone');
    const prev = id ? await db.checkInActions.get(id) : undefined;
    if (id && (!prev || prev.deleted)) throw new UserError('checkins.errGone');
    return upsertRow<CheckInAction>(db, 'checkInActions', id ?? uuidv7(), unitId, actionFields(checkInId, input, prev));
  });
}

/**
 * Either side's follow-up of an action: its status (open, done, dropped) and what was done,
 * stamped now and with the side writing it. Nothing changed → nothing written.
 */
export async function followUpAction(db: UnitDb, id: string, input: { status: ActionStatus; followUp?: string }): Promise<CheckInAction> {
  const unitId = unitIdOf(db);
  const side = await sideOf(db);
  return commit(db, [db.checkInActions], async () => {
    const prev = await db.checkInActions.get(id);
    if (!prev || prev.deleted) throw new UserError('checkins.errGone');
    const followUp = (input.followUp ?? '').trim();
    if (prev.status === input.status && (prev.followUp ?? '') === followUp) return prev;
    const fields = check(checkInActionFields, { ...actionFields(prev.checkInId, { what: prev.what, who: prev.who, dueOn: prev.dueOn }, prev), status: input.status, followUp, followedAt: new Date().toISOString(), followedBy: side });
    return upsertRow<CheckInAction>(db, 'checkInActions', id, unitId, fields);
  });
}

/** Removes an action agreed by mistake. */
export async function deleteAction(db: UnitDb, id: string): Promise<void> {
  await commit(db, [db.checkInActions], () => deleteRows(db, 'checkInActions', [id]));
}

/** Removes a check-in recorded by mistake, with its actions. */
export async function deleteCheckIn(db: UnitDb, id: string): Promise<void> {
  await commit(db, [db.checkIns, db.checkInActions], async () => {
    const actions = await db.checkInActions.where('checkInId').equals(id).primaryKeys();
    await deleteRows(db, 'checkInActions', actions);
    await deleteRows(db, 'checkIns', [id]);
  });
}
