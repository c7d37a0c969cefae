// Training programme writes (chương trình rèn luyện): every write is one Dexie transaction
// with its outbox entries (data/commit.ts), bulk writes included — registering 5,000 members
// is one transaction, so it lands whole or not at all. Bad input is refused before anything
// is written (UserError with a message key of the "training" namespace).
import type * as z from 'zod/mini';
import { uuidv7 } from '../../lib/ids';
import { todayIso } from '../../lib/dates';
import {
  trainingItemFields, trainingProgressFields, trainingProgressId, trainingRegistrationFields, trainingRegistrationId,
  type TrainingItem, type TrainingOutcome, type TrainingProgress, type TrainingRegistration,
} from '../../protocol/training';
import { defaultProgrammeItems, nextSortOrder } from '../../protocol/training-rules';
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { deleteRow, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';

/** Parses or throws a UserError carrying the first issue's message key. */
function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

async function liveItems(db: UnitDb, year: number): Promise<TrainingItem[]> {
  const rows = (await db.trainingItems.where('year').equals(year).toArray()).filter((i) => !i.deleted);
  return rows.sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

/** Creates the year's programme from the five default areas, all items in one transaction. */
export async function createDefaultProgramme(year: number): Promise<TrainingItem[]> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const rows = defaultProgrammeItems().map((d) => ({ id: uuidv7(), patch: check(trainingItemFields, { ...d, year, eventIds: [] }) }));
  return commit(db, [db.trainingItems], async () => {
    if ((await liveItems(db, year)).length) throw new UserError('training.errProgrammeExists');
    return upsertRows<TrainingItem>(db, 'trainingItems', unitId, rows);
  });
}

/** Adds a unit-specific item at the end of its area (a new area if the name is new). */
export async function addTrainingItem(year: number, area: string, title: string): Promise<TrainingItem> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.trainingItems], async () => {
    const items = await liveItems(db, year);
    const fields = check(trainingItemFields, { year, area: area.trim(), title: title.trim(), sortOrder: nextSortOrder(items, area.trim()), eventIds: [] });
    return upsertRow<TrainingItem>(db, 'trainingItems', uuidv7(), unitId, fields);
  });
}

/** Renames an item, or changes the meetings/activities whose attendance credits it. */
export async function updateTrainingItem(id: string, patch: { title?: string; eventIds?: string[] }): Promise<TrainingItem> {
  const db = await activeDb();
  return commit(db, [db.trainingItems], async () => {
    const prev = await db.trainingItems.get(id);
    if (!prev || prev.deleted) throw new UserError('training.errItemGone');
    const fields = check(trainingItemFields, { ...pickItem(prev), ...patch, title: (patch.title ?? prev.title).trim() });
    return upsertRow<TrainingItem>(db, 'trainingItems', id, prev.unitId, fields);
  });
}

function pickItem(i: TrainingItem) {
  return { year: i.year, area: i.area, title: i.title, sortOrder: i.sortOrder, eventIds: i.eventIds };
}

/** Moves an item one place up (-1) or down (+1) within its area. */
export async function moveTrainingItem(id: string, dir: -1 | 1): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.trainingItems], async () => {
    const item = await db.trainingItems.get(id);
    if (!item || item.deleted) throw new UserError('training.errItemGone');
    const inArea = (await liveItems(db, item.year)).filter((i) => i.area === item.area).sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
    const at = inArea.findIndex((i) => i.id === id);
    const other = inArea[at + dir];
    if (!other) return;
    // Distinct orders even where two items shared one.
    const [a, b] = item.sortOrder === other.sortOrder ? [other.sortOrder + (dir > 0 ? 1 : 0), other.sortOrder + (dir > 0 ? 0 : 1)] : [other.sortOrder, item.sortOrder];
    await upsertRows<TrainingItem>(db, 'trainingItems', item.unitId, [
      { id: item.id, patch: { sortOrder: a } },
      { id: other.id, patch: { sortOrder: b } },
    ]);
  });
}

/**
 * Deletes an item (a tombstone, like every delete). Members' choices keep its id but the
 * screens and rates skip items no longer in the programme.
 */
export async function deleteTrainingItem(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.trainingItems], () => deleteRow(db, 'trainingItems', id));
}

/** Renaming an area renames it on every item of the year (areas are the items' area text). */
export async function renameArea(year: number, from: string, to: string): Promise<number> {
  const name = to.trim();
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.trainingItems], async () => {
    const items = (await liveItems(db, year)).filter((i) => i.area === from);
    const rows = items.map((i) => ({ id: i.id, patch: check(trainingItemFields, { ...pickItem(i), area: name }) }));
    await upsertRows<TrainingItem>(db, 'trainingItems', unitId, rows);
    return rows.length;
  });
}

/**
 * Registers members for the year with the items they commit to (undefined = every item of
 * the programme). Members already registered are left as they are. One transaction for all;
 * returns how many were newly registered.
 */
export async function registerMembers(year: number, memberIds: readonly string[], itemIds?: readonly string[]): Promise<number> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const today = todayIso();
  return commit(db, [db.trainingItems, db.trainingRegistrations, db.members], async () => {
    const items = await liveItems(db, year);
    if (!items.length) throw new UserError('training.errNoProgramme');
    const known = new Set(items.map((i) => i.id));
    const chosen = itemIds ? itemIds.filter((id) => known.has(id)) : items.map((i) => i.id);
    if (!chosen.length) throw new UserError('training.errNoItems');
    const ids = [...new Set(memberIds)];
    const [prevs, members] = await Promise.all([db.trainingRegistrations.bulkGet(ids.map((m) => trainingRegistrationId(year, m))), db.members.bulkGet(ids)]);
    const rows: { id: string; patch: Partial<TrainingRegistration> }[] = [];
    ids.forEach((memberId, i) => {
      if (prevs[i] && !prevs[i]!.deleted) return;
      const m = members[i];
      if (!m || m.deleted) throw new UserError('training.errMemberGone');
      rows.push({ id: trainingRegistrationId(year, memberId), patch: check(trainingRegistrationFields, { year, memberId, registeredAt: today, itemIds: chosen, outcome: '', assessedAt: '', note: '' }) });
    });
    await upsertRows<TrainingRegistration>(db, 'trainingRegistrations', unitId, rows);
    return rows.length;
  });
}

/** One member: register (if not yet) with these items, or change the items chosen. */
export async function setMemberItems(year: number, memberId: string, itemIds: readonly string[]): Promise<TrainingRegistration> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const id = trainingRegistrationId(year, memberId);
  return commit(db, [db.trainingItems, db.trainingRegistrations, db.members], async () => {
    const known = new Set((await liveItems(db, year)).map((i) => i.id));
    const chosen = itemIds.filter((i) => known.has(i));
    if (!chosen.length) throw new UserError('training.errNoItems');
    const m = await db.members.get(memberId);
    if (!m || m.deleted) throw new UserError('training.errMemberGone');
    const prev = await db.trainingRegistrations.get(id);
    const base = prev && !prev.deleted ? prev : { year, memberId, registeredAt: todayIso(), outcome: '' as const, assessedAt: '', note: '' };
    const fields = check(trainingRegistrationFields, { year, memberId, registeredAt: base.registeredAt, itemIds: chosen, outcome: base.outcome ?? '', assessedAt: base.assessedAt ?? '', note: base.note ?? '' });
    return upsertRow<TrainingRegistration>(db, 'trainingRegistrations', id, prev?.unitId ?? unitId, fields);
  });
}

/** Takes a member off the year's programme (registered by mistake). Progress rows stay. */
export async function unregisterMember(year: number, memberId: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.trainingRegistrations], () => deleteRow(db, 'trainingRegistrations', trainingRegistrationId(year, memberId)));
}

export interface ProgressInput {
  done: boolean;
  doneAt?: string;
  evidence?: string;
}

function progressFields(year: number, memberId: string, itemId: string, p: ProgressInput) {
  if (p.done && !p.doneAt) throw new UserError('training.errDoneDate');
  return check(trainingProgressFields, { year, memberId, itemId, done: p.done, doneAt: p.done ? p.doneAt : '', evidence: (p.evidence ?? '').trim() });
}

/** Records one item done (or not) for one member, with the date and what shows it. */
export async function setProgress(year: number, memberId: string, itemId: string, p: ProgressInput): Promise<TrainingProgress> {
  const fields = progressFields(year, memberId, itemId, p);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.trainingProgress], () => upsertRow<TrainingProgress>(db, 'trainingProgress', trainingProgressId(year, memberId, itemId), unitId, fields));
}

/** One item for many members at once (after a class, a volunteering day…): one transaction. */
export async function setProgressMany(year: number, itemId: string, memberIds: readonly string[], p: ProgressInput): Promise<number> {
  const rows = [...new Set(memberIds)].map((memberId) => ({ id: trainingProgressId(year, memberId, itemId), patch: progressFields(year, memberId, itemId, p) }));
  const db = await activeDb();
  const unitId = await activeUnitId();
  await commit(db, [db.trainingProgress], () => upsertRows<TrainingProgress>(db, 'trainingProgress', unitId, rows));
  return rows.length;
}

/** The year-end outcome of a registered member ('' = back to not assessed). */
export async function assessOutcome(year: number, memberId: string, outcome: TrainingOutcome | '', note?: string): Promise<TrainingRegistration> {
  const db = await activeDb();
  const id = trainingRegistrationId(year, memberId);
  return commit(db, [db.trainingRegistrations], async () => {
    const prev = await db.trainingRegistrations.get(id);
    if (!prev || prev.deleted) throw new UserError('training.errNotRegistered');
    const fields = check(trainingRegistrationFields, {
      year, memberId, registeredAt: prev.registeredAt, itemIds: prev.itemIds, outcome, assessedAt: outcome ? todayIso() : '', note: (note ?? prev.note ?? '').trim(),
    });
    return upsertRow<TrainingRegistration>(db, 'trainingRegistrations', id, prev.unitId, fields);
  });
}
