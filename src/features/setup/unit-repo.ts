// The unit record: created on first run, edited in settings.
import { uuidv7 } from '../../lib/ids';
import { unitFields, type Unit, type UnitFields } from '../../protocol/unit';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId, switchUnit } from '../../data/session';
import { getUnit } from './unit-queries';

/** First run: makes the unit, its database, and remembers it as this device's unit. */
export async function createUnit(input: UnitFields): Promise<Unit> {
  const fields = unitFields.parse(input);
  const id = uuidv7();
  const db = await switchUnit(id);
  return commit(db, [db.units], () => upsertRow<Unit>(db, 'units', id, id, fields));
}

export async function updateUnit(patch: Partial<UnitFields>): Promise<Unit> {
  const db = await activeDb();
  // On a phone that joined a server unit, the unit row came from the phone that created it
  // (under that phone's id): edit that row rather than starting a second one.
  const prev = await getUnit();
  const id = prev?.id ?? (await activeUnitId());
  const fields = unitFields.parse({ ...prev, ...patch });
  return commit(db, [db.units], () => upsertRow<Unit>(db, 'units', id, prev?.unitId ?? id, fields));
}

export { getUnit };
