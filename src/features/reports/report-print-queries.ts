// What the report's print page shows (/reports/:id/print?v=N): a sent version exactly as it
// was frozen — nothing else is read for it, so later records cannot change it — or the
// working copy with the figures computed now. Also the versions to switch between. No zod.
import { activeDb } from '../../data/session';
import type { Report, ReportVersion } from '../../protocol/report';
import type { ReportFigures } from '../../protocol/report-figures-schema';
import { reportPeriod } from '../../protocol/report-period';
import type { Unit } from '../../protocol/unit';
import { getUnit } from '../setup/unit-queries';
import { loadReportFigures } from './report-queries';

export type ShownReport =
  | { kind: 'version'; version: ReportVersion }
  | { kind: 'draft'; report: Report; figures: ReportFigures }
  /** the report was never started, or version N does not exist */
  | { kind: 'none' };

export interface ReportPrintData {
  unit: Unit | undefined;
  report: Report | undefined;
  /** sent versions, oldest first */
  versions: ReportVersion[];
  shown: ShownReport;
}

/** `v` absent: the working copy while it is a draft, else the version it was sent as. */
export async function loadReportPrint(reportId: string, v: number | undefined, today: string): Promise<ReportPrintData> {
  const db = await activeDb();
  const [unit, row, rows] = await Promise.all([getUnit(), db.reports.get(reportId), db.reportVersions.where('reportId').equals(reportId).toArray()]);
  const report = row && !row.deleted ? row : undefined;
  const versions = rows.filter((r) => !r.deleted).sort((a, b) => a.version - b.version);
  const base = { unit, report, versions };
  if (v !== undefined) {
    const version = versions.find((x) => x.version === v);
    return { ...base, shown: version ? { kind: 'version', version } : { kind: 'none' } };
  }
  if (report?.status === 'draft') {
    const p = reportPeriod(report.kind, report.year, report.index, report.yearKind);
    return { ...base, shown: { kind: 'draft', report, figures: await loadReportFigures(p, today) } };
  }
  const sent = versions.find((x) => x.version === report?.version) ?? versions.at(-1);
  return { ...base, shown: sent ? { kind: 'version', version: sent } : { kind: 'none' } };
}
