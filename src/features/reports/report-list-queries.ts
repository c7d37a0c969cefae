// The reports list's reads (issue 10): a unit year's periods with where each report stands,
// the unit's due-date delay, and the reports Home reminds of. The rules are pure
// (protocol/report-year-rules.ts, report-status.ts); here only the rows are read, by id: a
// report's id names its period, so a year is a dozen keys. No zod.
import type { UnitDb } from '../../data/db';
import { activeDb } from '../../data/session';
import { currentUnitYear, unitYearFor, unitYearSpan } from '../../data/unit-year';
import type { ReportKind } from '../../protocol/report-enums';
import { reportId, type ReportPeriod } from '../../protocol/report-period';
import {
  dueReminders, inSight, reminderPeriods, reportDueDays, standingsOf, yearReportPeriods, type PeriodStanding, type ReportRecords,
} from '../../protocol/report-year-rules';
import type { YearSpan } from '../../protocol/year';

/** protocol/unit-settings.ts UNIT_SETTINGS_ID (that module loads zod). */
const SETTINGS_ID = 'settings:unit';

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

/** The unit's delay: the days after a period's end its report is due, and whether the unit set it. */
export async function getReportDueDays(db?: UnitDb): Promise<{ days: number; isSet: boolean }> {
  const d = db ?? (await activeDb());
  const s = await d.unitSettings.get(SETTINGS_ID);
  return { days: reportDueDays(s), isSet: !!s && !s.deleted && s.reportDueDays !== undefined };
}

/**
 * The day the unit began keeping its books in the app: its oldest unit record (this phone's
 * own, or the server's seeded later on joining), undefined when there is none.
 */
export async function unitSince(db: UnitDb): Promise<string | undefined> {
  const days = (await db.units.toArray()).filter((u) => !u.deleted && u.createdAt).map((u) => u.createdAt.slice(0, 10));
  return days.sort()[0];
}

async function readRecords(db: UnitDb, periods: readonly ReportPeriod[], dueDays: number): Promise<ReportRecords> {
  const ids = [...new Set(periods.map(reportId))];
  const [rows, versions, reviews] = await Promise.all([
    db.reports.bulkGet(ids),
    db.reportVersions.where('reportId').anyOf(ids).toArray(),
    db.reportReviews.where('reportId').anyOf(ids).toArray(),
  ]);
  return { rows: live(rows), versions: live(versions), reviews: live(reviews), dueDays };
}

export interface ReportListRow extends PeriodStanding {
  /** the period has begun (a period still to come is shown muted) */
  begun: boolean;
  /** the period is over: its report can be written in full */
  ended: boolean;
  /** due on or after the day the unit began in the app (before: not flagged late) */
  inSight: boolean;
}

export interface ReportYear {
  span: YearSpan;
  dueDays: number;
  /** quarters, half-years, the year: each kind's periods in order */
  groups: { kind: ReportKind; rows: ReportListRow[] }[];
}

/**
 * /reports: the unit's year (`?y=`, else the current one) and where each of its reports stands;
 * a report due before the unit began in the app is listed but not flagged late.
 */
export async function loadReportYear(yearParam: string | undefined, today: string): Promise<ReportYear> {
  const db = await activeDb();
  const [span, { days }, since] = await Promise.all([unitYearFor(yearParam, today, db), getReportDueDays(db), unitSince(db)]);
  const periods = yearReportPeriods(span.year, span.kind);
  const items = standingsOf(periods, await readRecords(db, periods, days), today);
  const rows = items.map((i) => ({ ...i, begun: i.period.from <= today, ended: i.period.to < today, inSight: inSight(i, since) }));
  const kinds: ReportKind[] = ['quarter', 'half_year', 'year'];
  return { span, dueDays: days, groups: kinds.map((kind) => ({ kind, rows: rows.filter((r) => r.period.kind === kind) })) };
}

/**
 * Home's card: the reports not sent that are due within REPORT_REMIND_DAYS or late, among the
 * last ended periods of each kind (protocol/report-year-rules reminderPeriods), over the
 * current unit year and the two before, each with its own kind — none due before the unit
 * began in the app.
 */
export async function loadReminders(today: string): Promise<PeriodStanding[]> {
  const db = await activeDb();
  const [current, { days }, since] = await Promise.all([currentUnitYear(today, db), getReportDueDays(db), unitSince(db)]);
  const before = await Promise.all([unitYearSpan(current.year - 1, db), unitYearSpan(current.year - 2, db)]);
  const years = [current, ...before].map((s) => ({ year: s.year, kind: s.kind }));
  const periods = reminderPeriods(today, years);
  return dueReminders(standingsOf(periods, await readRecords(db, periods, days), today), since);
}

/** The reports of the year's periods (reportsOnTime): the working copies, sent versions and reviews, and since when the unit is in the app. */
export async function yearReports(db: UnitDb, span: YearSpan, settings: { reportDueDays?: number; deleted?: boolean } | undefined): Promise<ReportRecords> {
  const ids = yearReportPeriods(span.year, span.kind).map(reportId);
  const [rows, versions, reviews, since] = await Promise.all([
    db.reports.bulkGet(ids),
    db.reportVersions.where('reportId').anyOf(ids).toArray(),
    db.reportReviews.where('reportId').anyOf(ids).toArray(),
    unitSince(db),
  ]);
  return { rows: live(rows), versions: live(versions), reviews: live(reviews), dueDays: reportDueDays(settings), since };
}
