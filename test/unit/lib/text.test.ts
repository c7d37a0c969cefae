import { describe, expect, it } from 'vitest';
import { fold, foldWords } from '../../../src/lib/fold';
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
