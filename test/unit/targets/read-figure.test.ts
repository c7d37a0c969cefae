// A target's goal and figure as a secretary types them (features/targets/format.ts readFigure).
import { describe, expect, it } from 'vitest';
import { readFigure } from '../../../src/features/targets/format';

describe('readFigure', () => {
  it('reads a count with the Vietnamese thousands dot, and refuses a fraction', () => {
    // found in use: "Trồng 1.000 cây" saved a goal of 1, and a result "1.200" as 1.2
    expect(readFigure('1.000', 'count')).toBe(1000);
    expect(readFigure('1.200', 'count')).toBe(1200);
    expect(readFigure('12', 'count')).toBe(12);
    expect(readFigure('1,5', 'count')).toBeNaN();
    expect(readFigure('abc', 'count')).toBeNaN();
    expect(readFigure('3', 'level')).toBe(3);
  });
  it('reads a percent with a decimal comma or point', () => {
    expect(readFigure('95,5', 'percent')).toBe(95.5);
    expect(readFigure('80', 'percent')).toBe(80);
    expect(readFigure('90.25', 'percent')).toBe(90.25);
    expect(readFigure('1.000', 'percent')).toBeNaN();
    expect(readFigure('', 'percent')).toBeNaN();
  });
});
