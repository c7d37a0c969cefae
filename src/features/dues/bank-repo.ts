// The unit's bank account for transfers (the VietQR code on a member's dues screen). Apart
// from dues-repo.ts: only the rates screen (not precached) writes it, so its schema stays out
// of the precached dues chunk. One transaction: the settings row and its outbox entry.
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { unitSettingsFields, UNIT_SETTINGS_ID, type UnitSettings, type UnitSettingsFields } from '../../protocol/unit-settings';

export async function saveBankDetails(patch: Pick<UnitSettingsFields, 'bankBin' | 'bankAccount' | 'bankAccountName'>): Promise<UnitSettings> {
  const r = unitSettingsFields.safeParse(patch);
  if (!r.success) throw new UserError(r.error.issues[0]?.message ?? 'err.invalid');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.unitSettings], () => upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, unitId, r.data));
}
