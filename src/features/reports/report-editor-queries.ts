// What the report screen reads (issue 10): the period a report id names, the working copy,
// every sent version, cấp trên's reviews, where the report stands, its due date, the unit's
// names, and whether each sent version still waits in the outbox. No zod. Figures are read
// apart (report-queries.ts), so typing in a section does not recompute them.
import type { UnitDb } from '../../data/db';
import { activeDb } from '../../data/session';
import { yearKindOf } from '../../data/unit-year';
import { DEFAULT_REPORT_DUE_DAYS } from '../../protocol/report-enums';
import { dueOn as dueOnOf, parseReportId, reportPeriod, reportVersionId, type ReportPeriod } from '../../protocol/report-period';
import { reportStanding, type ReportStanding } from '../../protocol/report-status';
import type { Report, ReportReview, ReportVersion } from '../../protocol/report';
import type { Unit } from '../../protocol/unit';
import { getUnit } from '../setup/unit-queries';

/** protocol/unit-settings.ts UNIT_SETTINGS_ID (that module loads zod) */
const SETTINGS_ID = 'settings:unit';

export interface ReportView {
  id: string;
  period: ReportPeriod;
  row?: Report;
  /** sent versions, oldest first */
  versions: ReportVersion[];
  reviews: ReportReview[];
  standing: ReportStanding;
  dueOn: string;
  unit?: Pick<Unit, 'name' | 'parentUnit' | 'kind' | 'secretaryName'>;
  /** numbers of the sent versions whose write still waits to be pushed */
  unsynced: number[];
  /** this phone is linked to a server (else nothing leaves it) */
  hasServer: boolean;
}

/** The days a report id names, with the year pinned by its row (or the unit's year as it is now). */
async function periodOf(id: string, row: Report | undefined, db: UnitDb): Promise<ReportPeriod | undefined> {
  const ref = parseReportId(id);
  if (!ref) return undefined;
  const yearKind = ref.kind === 'quarter' ? 'calendar' : (row?.yearKind ?? (await yearKindOf(ref.year, db)));
  return reportPeriod(ref.kind, ref.year, ref.index, yearKind);
}

export async function reportDueDays(db: UnitDb): Promise<number> {
  const s = await db.unitSettings.get(SETTINGS_ID);
  return (s && !s.deleted ? s.reportDueDays : undefined) ?? DEFAULT_REPORT_DUE_DAYS;
}

/** Everything the report screen shows but the figures; undefined for an id that names no period. */
export async function loadReportView(id: string, today: string): Promise<ReportView | undefined> {
  const db = await activeDb();
  const stored = await db.reports.get(id);
  const row = stored && !stored.deleted ? stored : undefined;
  const period = await periodOf(id, row, db);
  if (!period) return undefined;
  const versions = (await db.reportVersions.where('reportId').equals(id).toArray()).filter((v) => !v.deleted).sort((a, b) => a.version - b.version);
  const reviews = (await db.reportReviews.where('reportId').equals(id).toArray()).filter((r) => !r.deleted);
  const due = versions[0]?.dueOn || dueOnOf(period, await reportDueDays(db));
  const unsynced: number[] = [];
  for (const v of versions) {
    if ((await db.outbox.where('[table+rowId]').equals(['reportVersions', reportVersionId(id, v.version)]).count()) > 0) unsynced.push(v.version);
  }
  const dev = await db.syncState.get('device');
  const unit = await getUnit();
  return {
    id,
    period,
    row,
    versions,
    reviews,
    standing: reportStanding(row, versions, reviews, due, today),
    dueOn: due,
    unit: unit && { name: unit.name, parentUnit: unit.parentUnit, kind: unit.kind, secretaryName: unit.secretaryName },
    unsynced,
    hasServer: !!dev?.server,
  };
}
