// Work in slices: every item once, in order, with the browser given a turn between slices; a
// sort in slices gives the order of the one-go sort (the year screens' name order).
import { describe, expect, it } from 'vitest';
import { eachInSlices, mapInSlices, sortInSlices } from '../../../src/lib/slices';
import { nameRank, nameRankInSlices, placeByRank } from '../../../src/lib/name-order';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../../fixtures/generate-members.mjs';

describe('slices', () => {
  it('maps in order and yields between slices, not after the last', async () => {
    const seen: string[] = [];
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const out = await mapInSlices([1, 2, 3, 4, 5, 6, 7], (n, i) => (seen.push(`${i}`), n * 10), 3);
    clearInterval(timer);
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(seen).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(turns).toBeGreaterThan(0);
    let n = 0;
    await eachInSlices([], () => n++);
    expect(n).toBe(0);
  });
});

describe('sortInSlices', () => {
  it('gives the order of a stable sort, for any run and slice size, equal items kept in order', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [0, 1, 2, 5, 99, 1000, 2501]) {
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(rnd() * 40), i }));
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(compare);
      for (const [run, slice] of [[1, 500], [3, 97], [64, 1000], [1000, 5000]]) expect(await sortInSlices(items, compare, run, slice)).toEqual(expected);
    }
  });
});

describe('nameRankInSlices', () => {
  it('ranks as nameRank does: Vietnamese names, tones, case, namesakes', async () => {
    const people = generateMembers({ count: 3000 }).map((m: { id: string; fullName: string }, i: number) => ({ id: m.id, fullName: i % 97 === 0 ? m.fullName.toUpperCase() : m.fullName }));
    people.push({ id: 'zz-1', fullName: people[5].fullName }, { id: '00-1', fullName: people[5].fullName.normalize('NFD') });
    const once = nameRank(people);
    // A different list, so the remembered order is not what is compared.
    const sliced = await nameRankInSlices(people.slice().reverse());
    expect([...sliced.entries()].sort()).toEqual([...once.entries()].sort());
    expect(placeByRank(people, sliced).map((p) => p.id)).toEqual([...people].sort((a, b) => once.get(a.id)! - once.get(b.id)!).map((p) => p.id));
  });
});
