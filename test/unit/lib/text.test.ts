import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldByRule, foldWords } from '../../../src/lib/fold';
import { compareNames, nameSortKey, sortByName } from '../../../src/lib/names';

describe('fold (search ignores case and diacritics, đ → d)', () => {
  it('maps đ and Đ to d, which NFD alone does not', () => {
    expect(fold('Đặng Đức Đường')).toBe('dang duc duong');
    expect('Đ'.normalize('NFD')).toBe('Đ');
  });
  it('treats NFC and NFD input alike', () => {
    expect(fold('Dương'.normalize('NFD'))).toBe(fold('Dương'.normalize('NFC')));
    expect(fold('Nguyễn Thị Ánh')).toBe('nguyen thi anh');
  });
  it('folds exactly as the rule does, by the letter table or not', () => {
    const viet = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
    const text = fc.array(
      fc.oneof(
        fc.constantFrom(...viet, ...viet.toUpperCase(), ...'aAdDzZ019 .-+İıßǅ\u00a0'),
        fc.constantFrom(...viet.normalize('NFD'), '\u0301', '\u0323', '\u0306\u0301'),
        fc.string({ maxLength: 3 }),
        fc.string({ unit: 'binary', maxLength: 2 }),
      ),
      { maxLength: 24 },
    );
    fc.assert(
      fc.property(text, (parts) => {
        const s = parts.join('');
        expect(fold(s)).toBe(foldByRule(s));
      }),
      { seed: 20261207, numRuns: 2000 },
    );
    for (const ch of viet + viet.toUpperCase()) expect(fold(ch)).toBe(foldByRule(ch));
  });
  it('splits queries into folded words', () => {
    expect(foldWords('  Trần   THỊ ')).toEqual(['tran', 'thi']);
  });
});

describe('Vietnamese name order (given name, then family name)', () => {
  it('sorts by the last word first', () => {
    const names = ['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Anh', 'Đặng Diệu Châu', 'Bùi Gia Đạt'];
    expect(sortByName(names, (n) => n)).toEqual(['Trần Thị An', 'Lê Anh', 'Nguyễn Văn Bình', 'Đặng Diệu Châu', 'Bùi Gia Đạt']);
  });
  it('breaks ties on the family name', () => {
    expect(compareNames('Trần Văn Minh', 'Hồ Văn Minh')).toBeGreaterThan(0);
  });
  it('builds the sort key', () => {
    expect(nameSortKey('Nguyễn Thị Lan')).toBe('Lan Nguyễn Thị');
  });
});
