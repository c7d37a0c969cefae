// /above/reports: every supervised unit's reports of a year, read from each unit's database
// opened apart (closed after), judged by the same rules as the unit's own list
// (report-year-rules standingsOf, inSight) and then as cấp trên sees them (completeness-rules).
// Columns: the calendar quarters of the year (cấp trên collects them so, whatever the unit's
// year) and the halves and the year of each unit's own year of that number — a school's
// semesters and school year (its kind as pinned in its records). No zod.
import type { UnitDb } from '../../data/db';
import { yearKindOf } from '../../data/unit-year';
import { supervisedUnits, type SupervisedUnit } from '../above';
import { getReportDueDays, unitSince } from '../reports/report-list-queries';
import { periodsOf, reportId, reportPeriod, type ReportPeriod } from '../../protocol/report-period';
import { standingsOf, type ReportRecords } from '../../protocol/report-year-rules';
import { cellOf, tallyOf, type Cell, type PeriodTally } from '../../protocol/completeness-rules';
import type { YearKind } from '../../protocol/year';
import { withUnitDb } from './unit-db-queries';

/** The columns: Q1–Q4, H1, H2, the year (by position; each unit's own periods behind them). */
export const COLUMNS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'y'] as const;
export type Column = (typeof COLUMNS)[number];

export interface UnitCell extends Cell {
  column: Column;
  period: ReportPeriod;
  reportId: string;
}

export interface CompletenessRow {
  unit: SupervisedUnit;
  yearKind: YearKind;
  cells: UnitCell[];
  /** the unit's database could not be read (not synced yet, or gone) */
  failed?: boolean;
}

export interface Completeness {
  year: number;
  rows: CompletenessRow[];
  tallies: Record<Column, PeriodTally>;
}

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

/** One unit's periods of the year, in column order. */
export function unitPeriods(year: number, yearKind: YearKind): ReportPeriod[] {
  return [...periodsOf('quarter', year, 'calendar'), ...periodsOf('half_year', year, yearKind), reportPeriod('year', year, 1, yearKind)];
}

async function readRecords(db: UnitDb, periods: readonly ReportPeriod[]): Promise<ReportRecords> {
  const ids = periods.map(reportId);
  const [rows, versions, reviews, due, since] = await Promise.all([
    db.reports.bulkGet(ids),
    db.reportVersions.where('reportId').anyOf(ids).toArray(),
    db.reportReviews.where('reportId').anyOf(ids).toArray(),
    getReportDueDays(db),
    unitSince(db),
  ]);
  return { rows: live(rows), versions: live(versions), reviews: live(reviews), dueDays: due.days, since };
}

/** One unit's row, read from its database. */
export async function unitRow(db: UnitDb, unit: SupervisedUnit, year: number, today: string): Promise<CompletenessRow> {
  // a copy never pulled holds no unit record: its reports are unknown, not missing
  if (!(await db.units.count())) return { unit, yearKind: 'calendar', cells: [], failed: true };
  const yearKind = await yearKindOf(year, db);
  const periods = unitPeriods(year, yearKind);
  const records = await readRecords(db, periods);
  const cells = standingsOf(periods, records, today).map((item, i) => ({
    ...cellOf(item, today, records.since),
    column: COLUMNS[i],
    period: item.period,
    reportId: item.id,
  }));
  return { unit, yearKind, cells };
}

/** The table for `year` as of `today`: a row per supervised unit, a tally per column. */
export async function loadCompleteness(year: number, today: string): Promise<Completeness> {
  const units = await supervisedUnits();
  const rows: CompletenessRow[] = [];
  // one database open at a time: a district has dozens of units, a phone little memory
  for (const unit of units) {
    try {
      rows.push(await withUnitDb(unit.unitId, (db) => unitRow(db, unit, year, today)));
    } catch {
      rows.push({ unit, yearKind: 'calendar', cells: [], failed: true });
    }
  }
  const tallies = Object.fromEntries(COLUMNS.map((c, i) => [c, tallyOf(rows.flatMap((r) => (r.cells[i] ? [r.cells[i]] : [])))])) as Record<Column, PeriodTally>;
  return { year, rows, tallies };
}
