// Work in slices: every item once, in order, with the browser given a turn between slices.
import { describe, expect, it } from 'vitest';
import { eachInSlices, mapInSlices } from '../../../src/lib/slices';

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
