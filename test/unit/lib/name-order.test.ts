// nameRank: the register's order by compareNames, ties (same name) by id, whatever order the
// people come in — now made with sortByName (each name split once).
import { describe, expect, it } from 'vitest';
import { nameRank } from '../../../src/lib/name-order';
import { compareNames } from '../../../src/lib/names';

describe('nameRank', () => {
  it('orders as compareNames, equal names by id', () => {
    const family = ['Nguyễn', 'Trần', 'Lê', 'Đặng', 'le'];
    const given = ['An', 'Ánh', 'an', 'Bình', 'Châu', 'Đạt', 'Lan', 'Minh 2', 'Minh 10'];
    const people = Array.from({ length: 200 }, (_, i) => ({ id: `id${(i * 53) % 200}`, fullName: `${family[i % 5]} ${i % 3 ? 'Thị ' : ''}${given[(i * 7) % given.length]}` }));
    const expected = [...people].sort((a, b) => compareNames(a.fullName, b.fullName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.id);
    const rank = nameRank(people);
    expect([...people].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!).map((p) => p.id)).toEqual(expected);
    expect(nameRank([...people].reverse())).toEqual(rank);
  });
});
