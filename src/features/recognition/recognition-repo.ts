// The level above's writes of a unit's year (issue 11): the recognised level (unitRecognitions)
// and the consolidation mark (consolidations), written into the supervised unit's own database
// beside the current one (openUnitDbApart) and pushed from there like any row. Each is one
// transaction with its outbox entry; commit refuses them on a database whose role may not
// write these tables (a unit's own phone: err.readOnly), before anything is written.
import type * as z from 'zod/mini';
import { commit } from '../../data/commit';
import { openUnitDbApart, type UnitDb } from '../../data/db';
import { upsertRow } from '../../data/outbox';
import { todayIso } from '../../lib/dates';
import { UserError } from '../../lib/user-error';
import {
  consolidationFields, consolidationId, recognitionId, unitRecognitionFields, type Consolidation, type UnitRecognition,
} from '../../protocol/oversight';
import type { RatingLevel } from '../../protocol/rating-enums';
import { getAbove } from '../above/registry';

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

/** The rows' unit id: the server's, as the unit's own rows carry it. */
async function rowUnitId(db: UnitDb, fallback: string): Promise<string> {
  return (await db.syncState.get('device'))?.server?.unitId ?? fallback;
}

async function inUnit<T>(unitId: string, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  const db = openUnitDbApart(unitId);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Recognises the unit's level for `year` (công nhận), recorded under the supervisor account signed in on this phone. */
export async function recogniseLevel(unitId: string, year: number, level: RatingLevel | '', note: string): Promise<UnitRecognition> {
  if (!level) throw new UserError('recognition.errLevel');
  const byName = (await getAbove())?.username ?? '';
  const fields = check(unitRecognitionFields, { year, level, recognisedOn: todayIso(), note: note.trim(), byName });
  return inUnit(unitId, async (db) => {
    const owner = await rowUnitId(db, unitId);
    return commit(db, [db.unitRecognitions], () => upsertRow<UnitRecognition>(db, 'unitRecognitions', recognitionId(year), owner, fields));
  });
}

/** Puts the unit in (weak) or out of the year's consolidation plan ("cơ sở Đoàn khó khăn"). */
export async function markConsolidation(unitId: string, year: number, weak: boolean, note: string): Promise<Consolidation> {
  const fields = check(consolidationFields, { year, weak, note: note.trim(), markedOn: todayIso() });
  return inUnit(unitId, async (db) => {
    const owner = await rowUnitId(db, unitId);
    return commit(db, [db.consolidations], () => upsertRow<Consolidation>(db, 'consolidations', consolidationId(year), owner, fields));
  });
}
