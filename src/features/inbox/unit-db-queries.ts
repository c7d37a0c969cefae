// Which database the inbox works on, and as which side. The level above reads and writes a
// supervised unit's database opened apart (data/db.ts openUnitDbApart), closed after; the unit
// works on its active one. A database holding a supervisor's device is the level above's copy.
import { openUnitDbApart, type UnitDb } from '../../data/db';
import { activeDb } from '../../data/session';
import type { NoteSide } from '../../protocol/oversight-enums';
import { sideOfRole } from '../../protocol/note-rules';

/** Runs `fn` on a supervised unit's database, then closes it (also when `fn` throws). */
export async function withUnitDb<T>(unitId: string, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  const db = openUnitDbApart(unitId);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** The unit's database: a supervised one (apart) when an id is given, else this phone's unit. */
export async function onUnit<T>(unitId: string | undefined, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  return unitId ? withUnitDb(unitId, fn) : fn(await activeDb());
}

/** The side this database's user writes as (a supervisor's device: the level above). */
export async function sideOf(db: UnitDb): Promise<NoteSide> {
  return sideOfRole((await db.syncState.get('device'))?.server?.role);
}

/** The unit id rows of this database carry: the server's, else the local one its name holds. */
export async function rowUnitId(db: UnitDb): Promise<string> {
  return (await db.syncState.get('device'))?.server?.unitId ?? db.name.replace(/^scd-/, '');
}

/** A schema message as a message key: ours are "ns.key"; zod's own (a wrong type) is err.invalid. */
export const keyOf = (message: string | undefined): string => (message && /^[a-z]+\.[A-Za-z]+$/.test(message) ? message : 'err.invalid');
