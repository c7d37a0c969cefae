// members.position (bí thư / phó bí thư / ủy viên BCH / đoàn viên) and the unit's term label and
// secretary's name follow the committee in force today. A committee change saved today is
// applied in its own transaction (committee-repo.ts); a change dated later (a seat that ends or
// starts next month, a new term) takes effect when the day comes: catchUpPositions runs when
// the committee screen opens and once a moment after the app starts (src/sync/app-sync.ts,
// which loads this module lazily, and only for a unit with a committee). No zod: it loads
// beside the first screen's work.
//
// It writes only what differs, so two phones catching up the same day write nothing the second
// time (the first one's change arrives by sync, or the second finds the same answer and has
// nothing to write), and a day with nothing to change leaves the outbox alone.
import { todayIso } from '../../lib/dates';
import { commit } from '../../data/commit';
import { upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { COMMITTEE_POSITIONS } from '../../protocol/committee-enums';
import { positionsOn, termOn } from '../../protocol/committee-rules';
import type { Member } from '../../protocol/member';
import { canWriteTable } from '../../protocol/permissions';
import type { Unit } from '../../protocol/unit';

/** The tables a committee write touches (all in one transaction). */
export const committeeTables = (db: UnitDb) => [db.committeeTerms, db.committeeSeats, db.members, db.memberEvents, db.units];

/**
 * The unit's own row: on a phone that joined a server unit it sits under the server's id
 * (setup/unit-queries.ts getUnit, here with Dexie reads only, so it runs inside a write).
 */
export async function unitRow(db: UnitDb, ownId: string): Promise<Unit | undefined> {
  const serverId = (await db.syncState.get('device'))?.server?.unitId;
  for (const id of serverId ? [serverId, ownId] : [ownId]) {
    const u = await db.units.get(id);
    if (u && !u.deleted) return u;
  }
  return undefined;
}

interface Drift {
  members: { id: string; patch: { position: Member['position'] } }[];
  unit?: { row: Unit; patch: Partial<Unit> };
}

/**
 * What differs from the committee in force on `today`. Only members who hold a seat that day
 * or are recorded with a committee position are read (the position index), so a 5,000-member
 * unit costs a handful of rows. Before any term is in force nothing differs: positions typed
 * by hand stay.
 */
async function drift(db: UnitDb, unitId: string, today: string): Promise<Drift> {
  const [terms, seats] = await Promise.all([db.committeeTerms.toArray(), db.committeeSeats.toArray()]);
  const wanted = positionsOn(terms, seats, today);
  if (!wanted) return { members: [] };
  const holders = await db.members.where('position').anyOf([...COMMITTEE_POSITIONS]).primaryKeys();
  const ids = [...new Set([...wanted.keys(), ...holders])];
  const people = (await db.members.bulkGet(ids)).filter((m): m is Member => !!m && !m.deleted);
  const members = people
    .map((m) => ({ id: m.id, position: wanted.get(m.id) ?? ('member' as const), was: m.position }))
    .filter((x) => x.position !== x.was)
    .map((x) => ({ id: x.id, patch: { position: x.position } }));

  const row = await unitRow(db, unitId);
  const term = termOn(terms, today);
  if (!row || !term) return { members };
  const secretaryId = [...wanted].find(([, p]) => p === 'secretary')?.[0];
  const secretaryName = secretaryId ? people.find((m) => m.id === secretaryId)?.fullName : undefined;
  const patch: Partial<Unit> = {};
  if (row.term !== term.label) patch.term = term.label;
  if (secretaryName && row.secretaryName !== secretaryName) patch.secretaryName = secretaryName;
  return { members, unit: Object.keys(patch).length ? { row, patch } : undefined };
}

/** Brings members.position and the unit's term and secretary in line with `today`'s committee. Inside a write transaction. */
export async function syncMembers(db: UnitDb, unitId: string, today: string): Promise<void> {
  const d = await drift(db, unitId, today);
  if (d.members.length) await upsertRows<Member>(db, 'members', unitId, d.members);
  if (d.unit) await upsertRow<Unit>(db, 'units', d.unit.row.id, d.unit.row.unitId, d.unit.patch);
}

/**
 * The catch-up: the same, on its own, for the committee changes whose day has come since they
 * were saved. Writes (through the outbox) only when something differs; does nothing on a unit
 * with no committee or a phone that may not write the book (a viewer, the level above).
 * Returns whether it wrote.
 */
export async function catchUpPositions(today = todayIso()): Promise<boolean> {
  const db = await activeDb();
  if (!canWriteTable((await db.syncState.get('device'))?.server?.role, 'members')) return false;
  if (!(await db.committeeTerms.count())) return false;
  const unitId = await activeUnitId();
  const before = await drift(db, unitId, today);
  // read first: nothing to change = no transaction, and no sync nudged by an empty write
  if (!before.members.length && !before.unit) return false;
  await commit(db, committeeTables(db), () => syncMembers(db, unitId, today));
  return true;
}
