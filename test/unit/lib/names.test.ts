// Vietnamese name order: given name, then the full name, with the Vietnamese collator; the
// fast sortByName must order exactly as compareNames does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNames, sortByName } from '../../../src/lib/names';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../../fixtures/generate-members.mjs';

describe('sortByName', () => {
  it('given name first (Anh and Ánh are one name, then the family name decides; Ân is its own letter)', () => {
    const names = ['Trần Văn Minh', 'Nguyễn Thị Lan', 'Lê Văn Anh', 'Đặng Thị Ánh', 'Bùi Thị Ân'];
    expect(sortByName(names, (n) => n)).toEqual(['Đặng Thị Ánh', 'Lê Văn Anh', 'Bùi Thị Ân', 'Nguyễn Thị Lan', 'Trần Văn Minh']);
  });

  it('orders 5,000 generated members exactly as compareNames does, and keeps ties in input order', () => {
    const members = generateMembers({ count: 5000 }) as { fullName: string }[];
    const expected = members.slice().sort((a, b) => compareNames(a.fullName, b.fullName));
    expect(sortByName(members, (m) => m.fullName)).toEqual(expected);
  });

  it('agrees with compareNames on any names, case and tones included', () => {
    const syllable = fc.constantFrom('an', 'Ân', 'ÁNH', 'anh', 'ánh', 'Đào', 'dao', 'Dương', 'đường', 'Lan', 'lan', 'Lân', 'ơn', 'Ư', 'Minh', 'mình', 'Nguyễn', 'nguyen', 'Thị', 'Văn', "O'Neil", 'Mary-Jane', '2');
    const fullName = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(fullName, { maxLength: 60 }), (names) => {
        expect(sortByName(names, (n) => n)).toEqual(names.slice().sort(compareNames));
      }),
      { numRuns: 300 },
    );
  });
});
