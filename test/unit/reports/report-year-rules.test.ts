// Which reports a unit's year holds, which Home reminds of, and the share sent on time
// (protocol/report-year-rules.ts), on hand-computed dates; the default delay is 10 days.
import { describe, expect, it } from 'vitest';
import {
  daysBetween, dueReminders, onTimeShare, reminderPeriods, reportDueDays, standingsOf, yearQuarters, yearReportPeriods, type ReportRecords,
} from '../../../src/protocol/report-year-rules';
import { reportId } from '../../../src/protocol/report-period';

const ids = (ps: { kind: 'quarter' | 'half_year' | 'year'; year: number; index: number }[]) => ps.map(reportId);
const none: ReportRecords = { rows: [], versions: [], reviews: [], dueDays: 10 };
/** These reports sent on 01/01/2026 */
const sentAll = (reportIds: string[]): ReportRecords => ({ ...none, versions: reportIds.map((reportId) => ({ reportId, version: 1, submittedAt: '2026-01-01T08:00:00Z' })) });

describe('the periods of a unit year', () => {
  it('a calendar year: Q1–Q4, two halves, the year', () => {
    expect(ids(yearReportPeriods(2026, 'calendar'))).toEqual([
      'report:2026:q1', 'report:2026:q2', 'report:2026:q3', 'report:2026:q4', 'report:2026:h1', 'report:2026:h2', 'report:2026:y',
    ]);
  });

  it('a school year 2025–2026: the quarters that end in it (Q3/2025 … Q2/2026), its semesters, the school year', () => {
    expect(ids(yearQuarters(2025, 'school'))).toEqual(['report:2025:q3', 'report:2025:q4', 'report:2026:q1', 'report:2026:q2']);
    const [s1, s2, y] = yearReportPeriods(2025, 'school').slice(4);
    expect([s1.from, s1.to, s2.from, s2.to, y.from, y.to]).toEqual(['2025-09-01', '2026-02-28', '2026-03-01', '2026-08-31', '2025-09-01', '2026-08-31']);
    // every quarter belongs to exactly one school year
    const all = [2024, 2025, 2026].flatMap((yr) => ids(yearQuarters(yr, 'school')));
    expect(new Set(all).size).toBe(12);
  });
});

describe('the delay and days', () => {
  it('absent or a tombstone is the default 10; 0 is a delay of its own', () => {
    expect(reportDueDays(undefined)).toBe(10);
    expect(reportDueDays({})).toBe(10);
    expect(reportDueDays({ reportDueDays: 15, deleted: true })).toBe(10);
    expect(reportDueDays({ reportDueDays: 0 })).toBe(0);
    expect(reportDueDays({ reportDueDays: 20 })).toBe(20);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2026-04-07', '2026-04-10')).toBe(3);
    expect(daysBetween('2026-04-10', '2026-04-15')).toBe(5);
    expect(daysBetween('2026-12-30', '2027-01-10')).toBe(11);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe("Home's reminder", () => {
  const years = [{ year: 2026, kind: 'calendar' as const }, { year: 2025, kind: 'calendar' as const }, { year: 2024, kind: 'calendar' as const }];

  it('looks at the period in progress and the two before, of each kind', () => {
    expect(ids(reminderPeriods('2026-04-07', years))).toEqual([
      'report:2026:q2', 'report:2026:q1', 'report:2025:q4',
      'report:2025:h1', 'report:2025:h2', 'report:2026:h1',
      'report:2024:y', 'report:2025:y', 'report:2026:y',
    ]);
  });

  it('reminds of Q1 on 07/04 (due 10/04: 3 days left), not on 02/04; flags it late after 10/04', () => {
    const on = (today: string, rec = none) => dueReminders(standingsOf(reminderPeriods(today, years), rec, today)).map((i) => [i.id, i.standing.dueSoon, i.standing.late]);
    // 02/04: nothing sent. Late: the last ended period of each kind (Q4, H2, the year 2025, due
    // 10/01/2026) and the one before it (H1 2025, the year 2024); Q3 2025 is two quarters back.
    // Q1 2026 is not yet within the week.
    expect(on('2026-04-02')).toEqual([
      ['report:2024:y', false, true], ['report:2025:h1', false, true],
      ['report:2025:q4', false, true], ['report:2025:h2', false, true], ['report:2025:y', false, true],
    ]);
    const sent2025 = sentAll(['report:2024:y', 'report:2025:h1', 'report:2025:q4', 'report:2025:h2', 'report:2025:y']);
    expect(on('2026-04-02', sent2025)).toEqual([]);
    expect(on('2026-04-03', sent2025)).toEqual([['report:2026:q1', true, false]]);
    expect(on('2026-04-10', sent2025)).toEqual([['report:2026:q1', true, false]]);
    expect(on('2026-04-15', sent2025)).toEqual([['report:2026:q1', false, true]]);
    // a draft is not sent: still reminded; once sent, not
    const drafted = { ...sent2025, rows: [{ id: 'report:2026:q1', status: 'draft' as const, version: 1 }] };
    expect(on('2026-04-15', drafted)).toEqual([['report:2026:q1', false, true]]);
    const sent = { ...sent2025, versions: [...sent2025.versions, { reportId: 'report:2026:q1', version: 1, submittedAt: '2026-04-16T10:00:00Z' }] };
    expect(on('2026-04-20', sent)).toEqual([]);
  });

  it('a short delay reminds before the period ends; the most pressing comes first', () => {
    // 0 days: Q2 and H1 due 30/06, so from 23/06, while Q2 is still in progress
    // Q1 not sent: late since 31/03, it comes first; then Q2 before H1 (same day: kind order)
    const rec = { ...sentAll(['report:2024:y', 'report:2025:h1', 'report:2025:h2', 'report:2025:y', 'report:2025:q4']), dueDays: 0 };
    const r = dueReminders(standingsOf(reminderPeriods('2026-06-25', years), rec, '2026-06-25'));
    expect(r.map((i) => [i.id, i.standing.dueOn])).toEqual([['report:2026:q1', '2026-03-31'], ['report:2026:q2', '2026-06-30'], ['report:2026:h1', '2026-06-30']]);
  });

  it("a school unit's semesters and school years", () => {
    const school = [{ year: 2025, kind: 'school' as const }, { year: 2024, kind: 'school' as const }, { year: 2023, kind: 'school' as const }];
    // 05/03/2026: semester I (09/2025–02/2026) ended 28/02, due 10/03 (5 days left); semester
    // II of 2024–2025 (03–08/2025, due 10/09/2025) is the one before it, late
    const r = dueReminders(standingsOf(reminderPeriods('2026-03-05', school), none, '2026-03-05'));
    expect(r.filter((i) => i.period.kind === 'half_year').map((i) => [i.period.year, i.period.index, i.standing.dueOn, i.standing.late])).toEqual([
      [2024, 2, '2025-09-10', true],
      [2025, 1, '2026-03-10', false],
    ]);
    // the school year 2024–2025 (due 10/09/2025) and 2023–2024 before it
    expect(r.filter((i) => i.period.kind === 'year').map((i) => i.id)).toEqual(['report:2023:y', 'report:2024:y']);
  });
});

describe('the share sent on time', () => {
  it('counts only reports already due; the best the year can still reach', () => {
    const periods = yearReportPeriods(2026, 'calendar');
    const rec: ReportRecords = { ...none, versions: [{ reportId: 'report:2026:q1', version: 1, submittedAt: '2026-04-11T01:00:00Z', dueOn: '2026-04-10' }] };
    const s = onTimeShare(standingsOf(periods, rec, '2026-04-20'), '2026-04-20');
    expect(s).toMatchObject({ value: 0, onTime: [], missed: ['report:2026:q1'], late: 1, notSent: 0, pending: 6 });
    expect(s.best).toBeCloseTo((6 / 7) * 100);
    expect(onTimeShare(standingsOf(periods, none, '2026-04-10'), '2026-04-10').value).toBeUndefined();
  });
});
