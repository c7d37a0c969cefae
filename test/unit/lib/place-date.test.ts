// The place-and-date line atop every document: the unit's locality, or dots for the pen.
import { describe, expect, it } from 'vitest';
import { placeDateLine, typedOrLocality } from '../../../src/lib/place-date';

describe('place-and-date line', () => {
  it('writes the locality before the date', () => {
    expect(placeDateLine('Quận 8', '2026-12-07')).toBe('Quận 8, ngày 07 tháng 12 năm 2026');
    expect(placeDateLine('  Bình Chánh ', '2023-03-15T19:30')).toBe('Bình Chánh, ngày 15 tháng 3 năm 2023');
  });
  it('pads days below 10 and months 1 and 2 only (Nghị định 30/2020/NĐ-CP)', () => {
    expect(placeDateLine('Quận 8', '2026-02-05')).toBe('Quận 8, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Quận 8', '2026-01-31')).toBe('Quận 8, ngày 31 tháng 01 năm 2026');
    expect(placeDateLine('Quận 8', '2026-09-09')).toBe('Quận 8, ngày 09 tháng 9 năm 2026');
    expect(placeDateLine('Quận 8', '2026-10-10')).toBe('Quận 8, ngày 10 tháng 10 năm 2026');
  });
  it('no locality: dots where the place goes, for the pen', () => {
    expect(placeDateLine(undefined, '2026-12-07')).toBe('……, ngày 07 tháng 12 năm 2026');
    expect(placeDateLine('  ', '2026-12-07')).toBe('……, ngày 07 tháng 12 năm 2026');
  });
  it("a document's typed place wins over the unit's locality", () => {
    expect(typedOrLocality('Phường 7', 'Quận 8')).toBe('Phường 7');
    expect(typedOrLocality(' ', 'Quận 8')).toBe('Quận 8');
    expect(typedOrLocality(undefined, undefined)).toBe('');
  });
});
