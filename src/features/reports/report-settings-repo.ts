// When the unit's reports are due (issue 10 item 4): `reportDueDays` of the unit settings row,
// the days after a period ends (absent = DEFAULT_REPORT_DUE_DAYS). One transaction writes the
// field and its outbox entry; the number is checked by the settings schema first, so a bad one
// writes nothing. Only this field is written: the row's other settings stay as they are
// (upsertRow merges field by field). A report already sent keeps the due date frozen in it.
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { UserError } from '../../lib/user-error';
import { UNIT_SETTINGS_ID, unitSettingsFields, type UnitSettings } from '../../protocol/unit-settings';

/** Sets the days after a period's end its report is due (0–90, whole). Returns the row as stored. */
export async function setReportDueDays(days: number): Promise<UnitSettings> {
  // The schema's one field here: any refusal (not whole, out of range, not a number) is "days".
  const r = unitSettingsFields.safeParse({ reportDueDays: days });
  if (!r.success || r.data.reportDueDays === undefined) throw new UserError('err.days', r.error);
  const { reportDueDays } = r.data;
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.unitSettings], async () => {
    const prev = await db.unitSettings.get(UNIT_SETTINGS_ID);
    return upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, prev?.unitId ?? unitId, { reportDueDays });
  });
}
