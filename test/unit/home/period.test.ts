import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../../src/features/home/period';

describe('period label', () => {
  it('names the month or the quarter as Vietnamese documents do', () => {
    expect(periodLabel('monthly', '2026-03-15')).toBe('03/2026');
    expect(periodLabel('quarterly', '2026-03-31')).toBe('I/2026');
    expect(periodLabel('quarterly', '2026-04-01')).toBe('II/2026');
    expect(periodLabel('quarterly', '2026-12-01')).toBe('IV/2026');
  });
});
