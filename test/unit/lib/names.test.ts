// Vietnamese name order: given name, then the full name, in the Vietnamese collator's order; the
// fast sortByName must order exactly as compareNames does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNames, compareText, sortByName, viKey } from '../../../src/lib/names';
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

// The order without the collator (lib/names.ts viKey): each comparison must give the answer of
// the collator it stands in for, on the texts it has keys for, and the collator's own on the rest.
describe('the keys stand in for the Vietnamese collator', () => {
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const sign = (n: number) => Math.sign(n);
  const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'].flatMap((l) => ('aăâeêioôơuưy'.includes(l) ? TONES.map((t) => (l + t).normalize('NFC')) : [l]));
  const keyed = [...letters, ...letters.map((l) => l.toUpperCase()), ...'0123456789', ' '];
  const text = (chars: string[], maxLength = 8) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
  // How names were ordered before the keys: the collator alone.
  const byCollator = (a: string, b: string) => {
    const g = (s: string) => s.trim().split(/\s+/).pop() ?? '';
    return collator.compare(g(a), g(b)) || collator.compare(a, b);
  };

  it('every letter with each tone, in either case, has a key; other characters have none', () => {
    for (const ch of keyed) expect(viKey(ch), ch).toBeDefined();
    for (const s of ['Mary-Jane', "O'Neil", 'Lan\u00a0Anh', 'Lan\tAnh', 'Nguyê\u0303n', 'Ñ', 'Zoë', '(Tổ 1)', 'a.b']) expect(viKey(s), s).toBeUndefined();
  });

  it('compareText answers as the collator on texts of letters, tones, case, digits and spaces', () => {
    fc.assert(
      fc.property(text(keyed), text(keyed), (a, b) => {
        expect(sign(compareText(a, b)), `${a} | ${b}`).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('and on near misses: the same letters, one changed, one added, spaces and numbers moved', () => {
    const base = ['an', 'ăn', 'ân', 'Anh', 'ánh', 'dao', 'đào', 'Đạo', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'i', 'f', 'j', 'w', 'z', 'Tổ 2', 'Tổ 10', 'Tổ 02', 'tổ  2', 'tổ2', 'a0', 'a00', 'a', 'a ', ' a', '', '0', '00', '9', '10', 'x1y', 'x01y', 'a1b', 'a1 b', 'a12', 'a1 2'];
    for (const a of base) for (const b of base) expect(sign(compareText(a, b)), `${a} | ${b}`).toBe(sign(collator.compare(a, b)));
  });

  it('texts with other characters are compared by the collator itself', () => {
    const other = [...keyed.slice(0, 40), '-', "'", '\u00a0', '\u0301', '.', 'ñ'];
    fc.assert(
      fc.property(text(other, 6), text(keyed, 6), (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
        expect(sign(compareText(b, a))).toBe(sign(collator.compare(b, a)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('names sort as the collator sorted them: 5,000 generated members, and any names of these syllables', () => {
    const members = generateMembers({ count: 5000 }) as { fullName: string }[];
    expect(sortByName(members, (m) => m.fullName)).toEqual(members.slice().sort((a, b) => byCollator(a.fullName, b.fullName)));
    const syllable = fc.constantFrom('an', 'Ân', 'ÁNH', 'anh', 'ánh', 'Đào', 'dao', 'Dương', 'đường', 'Lan', 'lan', 'Lân', 'ơn', 'Ư', 'Minh', 'mình', 'Nguyễn', 'nguyen', 'Thị', 'Văn', 'Yến', 'Iến', 'Zin', 'Phương', 'Phuong', '2', '10');
    const fullName = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(fullName, { maxLength: 60 }), (names) => {
        expect(sortByName(names, (n) => n)).toEqual(names.slice().sort(byCollator));
        for (let i = 1; i < names.length; i++) expect(sign(compareNames(names[i - 1], names[i]))).toBe(sign(byCollator(names[i - 1], names[i])));
      }),
      { numRuns: 500 },
    );
  });
});
