// Whole numbers and percentages without Intl (src/lib/vi-number.ts) write what
// Intl.NumberFormat('vi-VN') writes, value for value: every rate a/b of a unit's counts, the
// halves where binary and decimal part ways (0.145, 1.005), big and negative numbers, -0, and
// what goes to Intl itself (exponents, NaN, ∞).
import { describe, expect, test } from 'vitest';
import { percentVi, wholeVi } from '../../../src/lib/vi-number';

const intlPercent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
const intlWhole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** A few thousand doubles of every size and shape, the same on every run. */
function doubles(): number[] {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const scale = 10 ** Math.floor(next() * 14 - 7);
    const x = (next() - 0.3) * scale;
    out.push(x, Math.round(x * 1000) / 1000, Math.round(x) + 0.5, Math.round(x * 100) / 100 + 0.005);
  }
  return out;
}

const EDGES = [0, -0, 0.5, 1.5, 2.5, -0.5, -2.5, 0.145, 0.155, 0.285, 1.005, 0.995, 0.9949999, 0.0049, 0.005, 999.5, 999_999.5, 1e-7, 1e-6, 1.5e-7, 1e20, 1e21, 123e20, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity];

describe('vi-VN numbers without Intl', () => {
  test('every rate a/b with b up to 400 (all a unit could count), as Intl writes it', () => {
    const wrong: string[] = [];
    for (let b = 1; b <= 400; b++)
      for (let a = 0; a <= b + 5; a++) {
        const r = a / b;
        if (percentVi(r) !== intlPercent.format(r)) wrong.push(`${a}/${b}: ${percentVi(r)} ≠ ${intlPercent.format(r)}`);
      }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('doubles of every size, sign and shape, and the edges, as Intl writes them', () => {
    const wrong: string[] = [];
    for (const x of [...EDGES, ...doubles()]) {
      if (percentVi(x) !== intlPercent.format(x)) wrong.push(`percent ${x}: ${percentVi(x)} ≠ ${intlPercent.format(x)}`);
      if (wholeVi(x) !== intlWhole.format(x)) wrong.push(`whole ${x}: ${wholeVi(x)} ≠ ${intlWhole.format(x)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('what a secretary sees', () => {
    expect(percentVi(0.8)).toBe('80%');
    expect(percentVi(5 / 6)).toBe('83%');
    expect(percentVi(0.145)).toBe('15%');
    expect(wholeVi(2_000)).toBe('2.000');
    expect(wholeVi(1_234_567.5)).toBe('1.234.568');
    expect(wholeVi(-0.4)).toBe('-0');
  });
});
