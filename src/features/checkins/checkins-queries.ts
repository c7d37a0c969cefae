// Reads of the check-ins (giao ban) and their actions, on whichever unit database is given:
// the unit's own (the unit side) or a supervised unit's, opened apart (the level above).
// No zod.
import { get } from 'idb-keyval';
import { openUnitDbApart, type UnitDb } from '../../data/db';
import { activeDb } from '../../data/session';
import { canWriteTable } from '../../protocol/permissions';
import { actionOrder, overdueActions, openActions } from '../../protocol/checkin-rules';
import type { CheckIn, CheckInAction } from '../../protocol/oversight';
import { unitSince } from '../reports/report-list-queries';

/** The database a screen works on and how to let it go: a supervised unit's is opened apart and closed after. */
export async function openCheckinDb(unitId: string | undefined): Promise<{ db: UnitDb; close: () => void }> {
  if (!unitId) return { db: await activeDb(), close: () => {} };
  const db = openUnitDbApart(unitId);
  return { db, close: () => db.close() };
}

/** The role this phone has in the database (undefined: the unit's own phone with no server). */
export async function dbRole(db: UnitDb): Promise<string | undefined> {
  return (await db.syncState.get('device'))?.server?.role;
}

/** What the role may do here; the screens offer only that (permissions.ts). */
export interface CheckinRights {
  role: string | undefined;
  /** record and edit check-ins and their actions: the level above */
  editCheckIns: boolean;
  /** update an action's follow-up: either side, not a viewer */
  followUp: boolean;
}

export async function checkinRights(db: UnitDb): Promise<CheckinRights> {
  const role = await dbRole(db);
  return { role, editCheckIns: canWriteTable(role, 'checkIns'), followUp: canWriteTable(role, 'checkInActions') };
}

/** The check-ins, the latest first. */
export async function listCheckIns(db: UnitDb): Promise<CheckIn[]> {
  const rows = await db.checkIns.toArray();
  return rows.filter((c) => !c.deleted).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

/** Every live action; of one check-in when asked. */
export async function listActions(db: UnitDb, checkInId?: string): Promise<CheckInAction[]> {
  const rows = checkInId ? await db.checkInActions.where('checkInId').equals(checkInId).toArray() : await db.checkInActions.toArray();
  return rows.filter((a) => !a.deleted);
}

export interface CheckInView {
  checkIn: CheckIn;
  /** overdue first, then open by due day, then done/dropped */
  actions: CheckInAction[];
}

export async function getCheckIn(db: UnitDb, id: string, today: string): Promise<CheckInView | undefined> {
  const checkIn = await db.checkIns.get(id);
  if (!checkIn || checkIn.deleted) return undefined;
  return { checkIn, actions: actionOrder(await listActions(db, id), today) };
}

export interface CheckinsOverview {
  /** the day the unit started its book in the app: quarters ended before it are not flagged */
  since?: string;
  checkIns: CheckIn[];
  /** every action of live check-ins, overdue first */
  actions: CheckInAction[];
  overdue: CheckInAction[];
  rights: CheckinRights;
}

export async function loadOverview(db: UnitDb, today: string): Promise<CheckinsOverview> {
  const [checkIns, all, rights, since] = await Promise.all([listCheckIns(db), listActions(db), checkinRights(db), unitSince(db)]);
  const ids = new Set(checkIns.map((c) => c.id));
  const actions = actionOrder(all.filter((a) => ids.has(a.checkInId)), today);
  return { since, checkIns, actions, overdue: overdueActions(actions, today), rights };
}

/** Home's "Cấp trên" card: the actions still open and how many of them are overdue. */
export async function actionCounts(db: UnitDb, today: string): Promise<{ open: number; overdue: number }> {
  const [checkIns, all] = await Promise.all([db.checkIns.toArray(), db.checkInActions.toArray()]);
  const ids = new Set(checkIns.filter((c) => !c.deleted).map((c) => c.id));
  const actions = all.filter((a) => ids.has(a.checkInId));
  return { open: openActions(actions).length, overdue: overdueActions(actions, today).length };
}

/** The unit's name, its cấp trên and its locality, for the document's head. */
export async function unitOf(db: UnitDb): Promise<{ name: string; kind: 'branch' | 'baseUnion'; parentUnit: string; secretaryName?: string; locality?: string } | undefined> {
  const u = (await db.units.toArray()).find((x) => !x.deleted);
  return u && { name: u.name, kind: u.kind, parentUnit: u.parentUnit, secretaryName: u.secretaryName, locality: u.locality };
}

/**
 * The supervisor account signed in on this phone (features/above/registry.ts keeps it under
 * this idb-keyval key): its username is the cadre's name on the check-ins it records. Read
 * here because another feature's registry is internal to it (feature boundaries).
 */
export async function aboveUsername(): Promise<string | undefined> {
  return (await get<{ username?: string }>('above'))?.username;
}
