// The row size check (limits.ts) judges most rows by an upper bound walked without building
// JSON text; it may only ever be generous: never below the UTF-8 bytes of JSON.stringify,
// whatever the value (escapes, astral characters, nesting), or a row over the cap would pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundBytes, MAX_ROW_BYTES, rowBytes, rowTooLarge } from '../../../server/src/sync/limits';

const exact = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? 'null');

describe('boundBytes', () => {
  it('is never below the JSON UTF-8 size of any JSON value', () => {
    const text = fc.string({ unit: 'binary' });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('arr'), tie('obj')),
      arr: fc.array(tie('any'), { maxLength: 5 }),
      obj: fc.dictionary(text, tie('any'), { maxKeys: 5 }),
    })).any;
    fc.assert(fc.property(value, (v) => boundBytes(v, Infinity) >= exact(v)), { numRuns: 2000 });
  });

  it('counts the longest numbers: a negative one just above 1e-6 prints 25 characters', () => {
    for (const n of [-0.0000010681770654321131, -1.2345678901234567e-308, -1.7976931348623157e308, -123456789012345680000]) expect(boundBytes(n, Infinity)).toBeGreaterThanOrEqual(exact(n));
  });

  it('counts the worst escapes: control characters and quotes', () => {
    const nasty = '\u0001"\\\u001f'.repeat(100);
    expect(boundBytes({ [nasty]: [nasty] }, Infinity)).toBeGreaterThanOrEqual(exact({ [nasty]: [nasty] }));
  });

  it('a row just over the cap by its exact size is too large; one under it is not, even with a loose bound', () => {
    // 3-byte characters: the bound (6 a unit) passes the cap long before the real size does
    const fits = { data: { note: 'ệ'.repeat(Math.floor((MAX_ROW_BYTES - 200) / 3)) }, versions: { note: 1 }, hlcs: {}, deleted: false, version: 1 };
    expect(boundBytes(fits.data, Infinity)).toBeGreaterThan(MAX_ROW_BYTES);
    expect(rowBytes(fits)).toBeLessThanOrEqual(MAX_ROW_BYTES);
    expect(rowTooLarge(fits, null)).toBe(false);
    const over = { ...fits, data: { note: fits.data.note + 'ệ'.repeat(100) } };
    expect(rowBytes(over)).toBeGreaterThan(MAX_ROW_BYTES);
    expect(rowTooLarge(over, null)).toBe(true);
  });
});
