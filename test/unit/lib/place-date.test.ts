// The place-and-date line atop every document: the unit's locality, or dots for the pen.
import { describe, expect, it } from 'vitest';
import { placeDateLine, typedOrLocality } from '../../../src/lib/place-date';

describe('place-and-date line', () => {
  it('writes the locality before the date', () => {
    expect(placeDateLine('Quận 8', '2026-12-07')).toBe('Quận 8, ngày 07 tháng 12 năm 2026');
    expect(placeDateLine('  Bình Chánh ', '2023-03-15T19:30')).toBe('Bình Chánh, ngày 15 tháng 03 năm 2023');
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
