// Which reports a unit's year holds, which are due, and the share sent on time (issue 10 item 4;
// the seed plan's target 6). Pure, no zod, no Dexie: the reports list, Home's reminder and the
// "reports sent on time" target (target-compute.ts) read the same answers.
//   - A year holds its half-years and its year (they follow the unit's year) and the calendar
//     quarters that END in it. For a calendar year that is Q1–Q4. For a school year 2025–2026
//     (09/2025–08/2026) it is Q3/2025 … Q2/2026: the quarter whose report falls due in October
//     is listed in the school year under way then, and every quarter belongs to one year.
//   - A report is due `reportDueDays` days after its period ends (unit setting, absent =
//     DEFAULT_REPORT_DUE_DAYS); reportStanding (report-status.ts) says where each one stands.
//   - Home reminds of the last ended period of each kind and the one before it, and of the
//     period in progress when its due date is near (a unit with a short delay): those not sent
//     that are due within REPORT_REMIND_DAYS or late.
//   - Reports due before the unit began keeping its books in the app (`since`, the day its unit
//     record was made) were sent on paper or not at all, out of the app's sight: Home does not
//     remind of them and the target does not count them (a unit starting in May would
//     otherwise find its year's target out of reach for a first quarter it did send).
import { DEFAULT_REPORT_DUE_DAYS, REPORT_KINDS, type ReportKind } from './report-enums';
import { dueOn, periodContaining, periodsOf, previousPeriod, reportId, reportPeriod, type ReportPeriod } from './report-period';
import { reportStanding, type ReportRowLike, type ReportStanding, type ReviewLike, type VersionLike } from './report-status';
import { yearSpan, type YearKind } from './year';

/** The unit's delay in days from its settings row (absent, or a tombstone: the default). */
export function reportDueDays(settings?: { reportDueDays?: number; deleted?: boolean }): number {
  const d = settings && !settings.deleted ? settings.reportDueDays : undefined;
  return d === undefined ? DEFAULT_REPORT_DUE_DAYS : d;
}

/** Days from `from` to `to` (yyyy-mm-dd): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The quarters that end in the unit's year (see the top of this file). */
export function yearQuarters(year: number, yearKind: YearKind): ReportPeriod[] {
  const span = yearSpan(year, yearKind);
  return [...periodsOf('quarter', year - 1, 'calendar'), ...periodsOf('quarter', year, 'calendar'), ...periodsOf('quarter', year + 1, 'calendar')].filter(
    (q) => span.from <= q.to && q.to <= span.to,
  );
}

/** Every period whose report belongs to the unit's year: its quarters, half-years, the year. */
export function yearReportPeriods(year: number, yearKind: YearKind): ReportPeriod[] {
  return [...yearQuarters(year, yearKind), ...periodsOf('half_year', year, yearKind), reportPeriod('year', year, 1, yearKind)];
}

/** A period with its report's standing, as the list, the reminder and the target see it. */
export interface PeriodStanding {
  period: ReportPeriod;
  id: string;
  standing: ReportStanding;
}

/** The report rows of some periods, as read (tombstones may be among them), and the unit's delay. */
export interface ReportRecords {
  rows: readonly (ReportRowLike & { id: string })[];
  versions: readonly (VersionLike & { reportId: string })[];
  reviews: readonly (ReviewLike & { reportId: string })[];
  dueDays: number;
  /** the day the unit began in the app (yyyy-mm-dd); reports due before it are left out */
  since?: string;
}

/** Each period's report and where it stands on `today`. */
export function standingsOf(periods: readonly ReportPeriod[], records: ReportRecords, today: string): PeriodStanding[] {
  const rows = new Map(records.rows.map((r) => [r.id, r]));
  const group = <T extends { reportId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.reportId, [...(m.get(x.reportId) ?? []), x]);
    return m;
  };
  const versions = group(records.versions);
  const reviews = group(records.reviews);
  return periods.map((period) => {
    const id = reportId(period);
    const standing = reportStanding(rows.get(id), versions.get(id) ?? [], reviews.get(id) ?? [], dueOn(period, records.dueDays), today);
    return { period, id, standing };
  });
}

/**
 * The periods Home looks at on `today`: for quarters, the one in progress and the two before;
 * for half-years and years, of the unit's years given (their own kinds: a year pinned to the
 * calendar keeps its halves), the one in progress and the two before that have begun.
 */
export function reminderPeriods(today: string, years: readonly { year: number; kind: YearKind }[]): ReportPeriod[] {
  const q0 = periodContaining('quarter', today, 'calendar');
  const q1 = previousPeriod(q0);
  const out = [q0, q1, previousPeriod(q1)];
  for (const kind of ['half_year', 'year'] as ReportKind[]) {
    const seen = new Set<string>();
    const begun = years
      .flatMap((y) => (kind === 'year' ? [reportPeriod('year', y.year, 1, y.kind)] : periodsOf(kind, y.year, y.kind)))
      .filter((p) => p.from <= today && !seen.has(reportId(p)) && seen.add(reportId(p)))
      .sort((a, b) => a.to.localeCompare(b.to));
    out.push(...begun.slice(-3));
  }
  return out;
}

/** Is this report the app's to judge: due on or after the day the unit began in the app? */
export const inSight = (i: PeriodStanding, since?: string): boolean => !since || i.standing.dueOn >= since;

/** What Home reminds of: the reports not sent that are due soon or late, the most pressing first. */
export function dueReminders(items: readonly PeriodStanding[], since?: string): PeriodStanding[] {
  return items
    .filter((i) => inSight(i, since) && i.standing.sent === 0 && (i.standing.dueSoon || i.standing.late))
    .sort((a, b) => a.standing.dueOn.localeCompare(b.standing.dueOn) || REPORT_KINDS.indexOf(a.period.kind) - REPORT_KINDS.indexOf(b.period.kind));
}

export interface OnTimeShare {
  /** % of the reports already due that were sent on time; undefined while none is due */
  value?: number;
  /** report ids sent on time, and those sent late or not sent (due ones only) */
  onTime: string[];
  missed: string[];
  late: number;
  notSent: number;
  /** reports of the year not yet due */
  pending: number;
  /** the best the year can still end at, if every report not yet due is sent on time (%) */
  best?: number;
}

/**
 * The "reports sent on time" target: of the year's reports whose due date has passed by
 * `today` (and came after `since`), the share whose first version was sent by its due date
 * (reportStanding.onTime).
 */
export function onTimeShare(all: readonly PeriodStanding[], today: string, since?: string): OnTimeShare {
  const items = all.filter((i) => inSight(i, since));
  const due = items.filter((i) => today > i.standing.dueOn);
  const onTime = due.filter((i) => i.standing.onTime === true).map((i) => i.id).sort();
  const missedItems = due.filter((i) => i.standing.onTime !== true);
  const pending = items.length - due.length;
  return {
    value: due.length ? (onTime.length / due.length) * 100 : undefined,
    onTime,
    missed: missedItems.map((i) => i.id).sort(),
    late: missedItems.filter((i) => i.standing.sent > 0).length,
    notSent: missedItems.filter((i) => i.standing.sent === 0).length,
    pending,
    best: items.length ? ((onTime.length + pending) / items.length) * 100 : undefined,
  };
}
