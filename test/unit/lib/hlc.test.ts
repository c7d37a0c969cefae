// The clock's stamps sort as strings in clock order for any number of stamps in one
// millisecond, and every one is a stamp the server stores (issue 8, item 4).
import { describe, expect, it } from 'vitest';
import { nextHlc, parseHlc, type HlcState } from '../../../src/lib/hlc';
import { storedStamp } from '../../../server/src/sync/hlc';

const DEVICE = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const NOW = Date.UTC(2026, 11, 6, 2, 0, 0);

describe('nextHlc', () => {
  it('100,000 stamps in one millisecond: strictly increasing as strings, 4-digit counters, all stored by the server in the same order', () => {
    let clock: HlcState = { ms: 0, counter: 0 };
    let prev = '';
    let prevStored = '';
    const faults: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const { stamp, state } = nextHlc(clock, NOW, DEVICE);
      clock = state;
      const stored = storedStamp(stamp, DEVICE, NOW);
      if (!(stamp > prev) || !/^\d{13}:\d{4}:/.test(stamp) || stored !== stamp || !(stored > prevStored)) faults.push(`#${i}: ${stamp} after ${prev}, stored ${stored}`);
      prev = stamp;
      prevStored = stored ?? '';
    }
    expect(faults.slice(0, 3)).toEqual([]);
    // the clock ran ahead by one logical millisecond per 10,000 stamps, no more
    expect(clock).toEqual({ ms: NOW + 9, counter: 9999 });
    // the real clock catching up continues after the logical one, never before it
    expect(nextHlc(clock, NOW + 5, DEVICE).stamp > prev).toBe(true);
    expect(nextHlc(clock, NOW + 20, DEVICE).state).toEqual({ ms: NOW + 20, counter: 0 });
  });

  it('a saved clock from an older app (counter past 9999) goes on after the stamps it wrote', () => {
    const legacyState = { ms: NOW, counter: 12_345 };
    const legacyStamp = `${NOW}:12345:${DEVICE}`;
    const { stamp } = nextHlc(legacyState, NOW, DEVICE);
    expect(stamp).toBe(`${NOW + 1}:2346:${DEVICE}`);
    expect(stamp > storedStamp(legacyStamp, DEVICE, NOW)!).toBe(true);
  });
});

describe('parseHlc and the server', () => {
  it('an older app’s 5-digit counter is read as the clock it meant and stored in today’s format', () => {
    expect(parseHlc(`${NOW}:10000:${DEVICE}`)).toEqual({ ms: NOW + 1, counter: 0, deviceId: DEVICE });
    expect(storedStamp(`${NOW}:10000:phone`, DEVICE, NOW)).toBe(`${NOW + 1}:0000:${DEVICE}`);
    expect(storedStamp(`${NOW}:9999:phone`, DEVICE, NOW)).toBe(`${NOW}:9999:${DEVICE}`);
    expect(storedStamp(`${NOW}:1234567890:phone`, DEVICE, NOW)).toBeNull();
    expect(storedStamp(`${NOW}:123:phone`, DEVICE, NOW)).toBeNull();
  });
});
