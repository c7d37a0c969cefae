import { describe, expect, it } from 'vitest';
import { periodLabel, reportSubject, kindLabel } from '../../../src/features/reports/period-label';
import { reportPeriod } from '../../../src/protocol/report-period';

describe('report period names', () => {
  it('names quarters, halves and years, a school unit by its semesters', () => {
    expect(periodLabel(reportPeriod('quarter', 2023, 1))).toBe('Quý I năm 2023');
    expect(periodLabel(reportPeriod('half_year', 2026, 2))).toBe('6 tháng cuối năm 2026');
    expect(periodLabel(reportPeriod('half_year', 2025, 1, 'school'))).toBe('Học kỳ I năm học 2025–2026');
    expect(periodLabel(reportPeriod('year', 2025, 1, 'school'))).toBe('Năm học 2025–2026');
    expect(kindLabel('half_year', 'school')).toBe('Báo cáo học kỳ');
  });
  it('gives the title its usual subject', () => {
    expect(reportSubject(reportPeriod('quarter', 2023, 1))).toBe('Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2023');
    expect(reportSubject(reportPeriod('year', 2026, 1))).toBe('Tổng kết công tác Đoàn và phong trào thanh niên năm 2026 và phương hướng nhiệm vụ năm 2027');
    expect(reportSubject(reportPeriod('half_year', 2026, 1))).toContain('6 tháng đầu năm 2026');
  });
});
