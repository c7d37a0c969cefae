// Whose year as pure spans (src/protocol/year.ts): calendar and school years, the year a day
// falls in, labels, the months of a year, clamping a day into a year.
import { describe, expect, it } from 'vitest';
import { clampToSpan, yearLabel, yearMonths, yearOf, yearSpan } from '../../../src/protocol/year';

describe('yearSpan', () => {
  it('a calendar year runs 1/1–31/12, a school year 1/9–31/8 of the next year', () => {
    expect(yearSpan(2026)).toEqual({ year: 2026, kind: 'calendar', from: '2026-01-01', to: '2026-12-31' });
    expect(yearSpan(2025, 'school')).toEqual({ year: 2025, kind: 'school', from: '2025-09-01', to: '2026-08-31' });
  });
});

describe('yearOf', () => {
  it('names a school year by the calendar year it starts in', () => {
    expect(yearOf('2026-05-05', 'school')).toBe(2025);
    expect(yearOf('2026-08-31', 'school')).toBe(2025);
    expect(yearOf('2026-09-01', 'school')).toBe(2026);
    expect(yearOf('2026-12-31', 'school')).toBe(2026);
    expect(yearOf('2026-01-01')).toBe(2026);
  });

  it('every day of a span falls in that span’s year, and the day before and after do not (seeded walk over 20 years)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 400; i++) {
      const kind = rnd() < 0.5 ? 'calendar' : 'school';
      const s = yearSpan(2010 + Math.floor(rnd() * 20), kind);
      const day = new Date(Date.parse(`${s.from}T00:00:00Z`) + Math.floor(rnd() * 365) * 86_400_000).toISOString().slice(0, 10);
      expect(yearOf(day, kind)).toBe(s.year);
      const before = new Date(Date.parse(`${s.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const after = new Date(Date.parse(`${s.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(yearOf(before, kind)).toBe(s.year - 1);
      expect(yearOf(after, kind)).toBe(s.year + 1);
    }
  });
});

describe('yearLabel and yearMonths', () => {
  it('shows "2025–2026" for a school year and "2026" for a calendar year', () => {
    expect(yearLabel(2025, 'school')).toBe('2025–2026');
    expect(yearLabel(2026)).toBe('2026');
  });

  it('lists the twelve months from the first, across the new year for a school year', () => {
    expect(yearMonths(yearSpan(2026))).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const school = yearMonths(yearSpan(2025, 'school'));
    expect(school).toHaveLength(12);
    expect(school.slice(0, 5)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(school[11]).toBe('2026-08');
  });
});

describe('clampToSpan', () => {
  it('keeps a day inside the year, else its nearer end', () => {
    const s = yearSpan(2025, 'school');
    expect(clampToSpan('2026-03-02', s)).toBe('2026-03-02');
    expect(clampToSpan('2025-08-31', s)).toBe('2025-09-01');
    expect(clampToSpan('2026-09-01', s)).toBe('2026-08-31');
  });
});
