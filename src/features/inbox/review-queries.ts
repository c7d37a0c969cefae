// /above/unit/:unitId/reports/:reportId: a supervised unit's report as cấp trên opens it — the
// sent versions (frozen, oldest first), the reviews, where it stands, the unit's name, and who
// signs the review on this phone. Read from the unit's database opened apart. No zod.
import { yearKindOf } from '../../data/unit-year';
import { getAbove, supervisedUnits } from '../above';
import { getReportDueDays } from '../reports/report-list-queries';
import { dueOn, parseReportId, reportPeriod, type ReportPeriod } from '../../protocol/report-period';
import { reportStanding, type ReportStanding } from '../../protocol/report-status';
import type { ReportReview, ReportVersion } from '../../protocol/report';
import type { UnitKind } from '../../protocol/unit';
import { reviewReport, type ReviewInput } from './review-repo';
import { withUnitDb } from './unit-db-queries';

export interface ReceivedReport {
  unitId: string;
  unitName: string;
  unitKind?: UnitKind;
  id: string;
  period: ReportPeriod;
  /** sent versions, oldest first */
  versions: ReportVersion[];
  reviews: ReportReview[];
  standing: ReportStanding;
}

/** undefined: the id names no period. */
export async function loadReceivedReport(unitId: string, id: string, today: string): Promise<ReceivedReport | undefined> {
  const ref = parseReportId(id);
  if (!ref) return undefined;
  const listed = (await supervisedUnits()).find((u) => u.unitId === unitId);
  return withUnitDb(unitId, async (db) => {
    const [row, versionRows, reviewRows, due, units] = await Promise.all([
      db.reports.get(id),
      db.reportVersions.where('reportId').equals(id).toArray(),
      db.reportReviews.where('reportId').equals(id).toArray(),
      getReportDueDays(db),
      db.units.toArray(),
    ]);
    const versions = versionRows.filter((v) => !v.deleted).sort((a, b) => a.version - b.version);
    const reviews = reviewRows.filter((r) => !r.deleted);
    const yearKind = ref.kind === 'quarter' ? 'calendar' : (versions[0]?.yearKind ?? (await yearKindOf(ref.year, db)));
    const period = reportPeriod(ref.kind, ref.year, ref.index, yearKind);
    const unit = units.find((u) => !u.deleted && u.id === unitId) ?? units.find((u) => !u.deleted);
    const live = row && !row.deleted ? row : undefined;
    return {
      unitId,
      unitName: listed?.name ?? unit?.name ?? unitId,
      unitKind: unit?.kind,
      id,
      period,
      versions,
      reviews,
      standing: reportStanding(live, versions, reviews, versions[0]?.dueOn || dueOn(period, due.days), today),
    };
  });
}

/** "Đã nhận" / "Trả lại" on the unit's copy, signed with this phone's supervisor account. */
export async function submitReview(unitId: string, input: Omit<ReviewInput, 'reviewerName'>): Promise<void> {
  const reviewerName = (await getAbove())?.username;
  await withUnitDb(unitId, (db) => reviewReport(db, { ...input, reviewerName }));
}
