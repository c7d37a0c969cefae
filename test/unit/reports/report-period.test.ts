import { describe, expect, it } from 'vitest';
import { dueOn, nextPeriod, parseReportId, periodContaining, previousPeriod, reportId, reportPeriod, reportVersionId, reportReviewId } from '../../../src/protocol/report-period';
import { id } from '../../../src/protocol/common';

describe('report periods', () => {
  it('quarters are calendar quarters, whatever the unit year', () => {
    expect(reportPeriod('quarter', 2026, 1)).toMatchObject({ from: '2026-01-01', to: '2026-03-31', yearKind: 'calendar' });
    expect(reportPeriod('quarter', 2024, 1, 'school')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(reportPeriod('quarter', 2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('half-years and years follow the unit year: a school unit reports its semesters and school year', () => {
    expect(reportPeriod('half_year', 2026, 1)).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(reportPeriod('half_year', 2026, 2)).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
    expect(reportPeriod('half_year', 2025, 1, 'school')).toMatchObject({ from: '2025-09-01', to: '2026-02-28' });
    expect(reportPeriod('half_year', 2023, 1, 'school')).toMatchObject({ to: '2024-02-29' });
    expect(reportPeriod('half_year', 2025, 2, 'school')).toMatchObject({ from: '2026-03-01', to: '2026-08-31' });
    expect(reportPeriod('year', 2025, 1, 'school')).toMatchObject({ from: '2025-09-01', to: '2026-08-31' });
    expect(() => reportPeriod('quarter', 2026, 5)).toThrow();
  });
  it('ids name the period, are valid row ids, and parse back', () => {
    for (const p of [reportPeriod('quarter', 2026, 3), reportPeriod('half_year', 2025, 2, 'school'), reportPeriod('year', 2026, 1)]) {
      const rid = reportId(p);
      expect(id.safeParse(rid).success).toBe(true);
      expect(id.safeParse(reportReviewId(rid, 12)).success).toBe(true);
      expect(parseReportId(rid)).toEqual({ kind: p.kind, year: p.year, index: p.index });
    }
    expect(reportId(reportPeriod('quarter', 2026, 1))).toBe('report:2026:q1');
    expect(reportVersionId('report:2026:q1', 2)).toBe('report:2026:q1:v2');
    expect(parseReportId('report:2026:q5')).toBeUndefined();
  });
  it('due dates, neighbours and the period containing a day', () => {
    expect(dueOn(reportPeriod('quarter', 2026, 1), 10)).toBe('2026-04-10');
    expect(dueOn(reportPeriod('quarter', 2026, 4), 10)).toBe('2027-01-10');
    expect(previousPeriod(reportPeriod('quarter', 2026, 1))).toMatchObject({ year: 2025, index: 4 });
    expect(nextPeriod(reportPeriod('half_year', 2025, 2, 'school'))).toMatchObject({ year: 2026, index: 1, from: '2026-09-01' });
    expect(periodContaining('quarter', '2026-05-17', 'calendar')).toMatchObject({ index: 2, year: 2026 });
    expect(periodContaining('half_year', '2026-01-17', 'school')).toMatchObject({ index: 1, year: 2025 });
    expect(periodContaining('year', '2026-01-17', 'school')).toMatchObject({ year: 2025 });
  });
});
