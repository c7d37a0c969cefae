import { describe, expect, it } from 'vitest';
import { nameTags, taggedName } from '../../../src/lib/names';

describe('telling namesakes apart', () => {
  it('tags only members whose name another shares: the birth year first', () => {
    const tags = nameTags([
      { id: 'a', fullName: 'Nguyễn Văn An', dateOfBirth: '1998-04-02', subGroup: 'Tổ 1' },
      { id: 'b', fullName: 'nguyễn  văn an', dateOfBirth: '2001-09-30', subGroup: 'Tổ 1' },
      { id: 'c', fullName: 'Lê Thị Bình', dateOfBirth: '1998-01-01' },
    ]);
    expect(tags).toEqual(new Map([['a', '1998'], ['b', '2001']]));
    expect(taggedName({ id: 'a', fullName: 'Nguyễn Văn An' }, tags)).toBe('Nguyễn Văn An (1998)');
    expect(taggedName({ id: 'c', fullName: 'Lê Thị Bình' }, tags)).toBe('Lê Thị Bình');
  });

  it('the sub-group when the years are the same or unknown, both when both are known', () => {
    expect(nameTags([
      { id: 'a', fullName: 'Trần Minh', dateOfBirth: '2000-01-01', subGroup: 'Tổ 1' },
      { id: 'b', fullName: 'Trần Minh', dateOfBirth: '2000-05-05', subGroup: 'Tổ 2' },
      { id: 'c', fullName: 'Trần Minh', subGroup: 'Tổ 1' },
    ])).toEqual(new Map([['a', '2000, Tổ 1'], ['b', '2000, Tổ 2'], ['c', 'Tổ 1']]));
    expect(nameTags([
      { id: 'a', fullName: 'Trần Minh', subGroup: 'Tổ 1' },
      { id: 'b', fullName: 'Trần Minh', subGroup: 'Tổ 2' },
    ])).toEqual(new Map([['a', 'Tổ 1'], ['b', 'Tổ 2']]));
  });
});
