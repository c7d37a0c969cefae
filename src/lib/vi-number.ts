// Whole numbers and percentages written as Intl.NumberFormat('vi-VN') writes them ("1.234",
// "80%"), without it: a page's first Intl object loads ICU's Vietnamese data, 60–90 ms in one
// task at 4× CPU (issue 13, B9: most of a year screen's longest task once its view is kept).
// Intl rounds the shortest decimal that reads back as the number, half away from zero
// (0.145 → "15%", where 0.145 × 100 is 14.499… in binary); so does this, on the digits of
// String(x). What that does not cover (not finite, written with an exponent) goes to Intl
// (toLocaleString).
// test/unit/lib/vi-number.test.ts holds both to Intl's answers.

/** |x| × 10^shift rounded half away from zero, as a string of digits; undefined when String(x) has an exponent or is not a number. */
function roundedDigits(x: number, shift: number): string | undefined {
  const s = String(Math.abs(x));
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const [int, frac = ''] = s.split('.');
  const f = frac.padEnd(shift + 1, '0');
  const digits = (int + f.slice(0, shift)).replace(/^0+(?=\d)/, '');
  return f[shift] >= '5' ? String(BigInt(digits) + 1n) : digits;
}

/** `x` written whole (a percentage when `shift` is 2); what String(x) writes with an exponent (below 1e-6, from 1e21), NaN and ∞ go to toLocaleString. */
const write = (x: number, shift: number): string => {
  const digits = roundedDigits(x, shift);
  return digits === undefined
    ? x.toLocaleString('vi-VN', { style: shift ? 'percent' : undefined, maximumFractionDigits: 0 })
    : (x < 0 || Object.is(x, -0) ? '-' : '') + digits.replace(/\B(?=(\d{3})+$)/g, '.') + (shift ? '%' : '');
};

/** 1234.5 → "1.235": Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }). */
export const wholeVi = (n: number): string => write(n, 0);

/** 0.8333 → "83%": Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 }). */
export const percentVi = (rate: number): string => write(rate, 2);
