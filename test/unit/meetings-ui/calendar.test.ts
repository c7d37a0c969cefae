// The month view's pure logic: month arithmetic, the day-by-day agenda, the grid, anchors.
import { describe, expect, it } from 'vitest';
import {
  anchorsInMonth, groupByDay, monthGrid, monthOf, parseMonth, shiftMonth, toCalendarItems,
} from '../../../src/features/meetings/calendar';
import { monthLabel, weekdayOf } from '../../../src/lib/dates';

describe('months', () => {
  it('shifts across year ends both ways', () => {
    expect(shiftMonth('2026-03', 1)).toBe('2026-04');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -15)).toBe('2024-12');
  });
  it('trusts only a real yyyy-mm from the address bar', () => {
    expect(parseMonth('2026-03')).toBe('2026-03');
    for (const bad of [undefined, '', '2026-13', '2026-00', '2026-3', 'abc', '1800-01']) expect(parseMonth(bad)).toBeUndefined();
  });
  it('labels and extracts months the Vietnamese way', () => {
    expect(monthLabel('2026-03')).toBe('03/2026');
    expect(monthOf('2026-03-15T19:30')).toBe('2026-03');
  });
  it('numbers weekdays from Monday (Thứ hai) to Sunday (Chủ nhật)', () => {
    expect(weekdayOf('2021-02-01')).toBe(0); // Monday
    expect(weekdayOf('2026-03-26')).toBe(3); // Thursday
    expect(weekdayOf('2026-03-15')).toBe(6); // Sunday
  });
});

describe('month grid', () => {
  it('pads March 2026 (starts on a Sunday) to six Monday-first weeks', () => {
    const weeks = monthGrid('2026-03');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0][0]).toEqual({ date: '2026-02-23', day: 23, inMonth: false });
    expect(weeks[0][6]).toEqual({ date: '2026-03-01', day: 1, inMonth: true });
    expect(weeks[5][1]).toEqual({ date: '2026-03-31', day: 31, inMonth: true });
    expect(weeks.flat().filter((c) => c.inMonth)).toHaveLength(31);
  });
  it('a February starting on Monday fills exactly four weeks', () => {
    const weeks = monthGrid('2021-02');
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every((c) => c.inMonth)).toBe(true);
  });
  it('leap years have 29 February', () => {
    expect(monthGrid('2028-02').flat().filter((c) => c.inMonth)).toHaveLength(29);
  });
});

describe('agenda by day', () => {
  const meetings = [
    { id: 'm2', kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', endsAt: '2026-03-15T21:00', status: 'planned' as const, place: 'Hội trường' },
    { id: 'm1', kind: 'committee', title: 'Họp BCH', startsAt: '2026-03-15T07:30', status: 'held' as const },
    { id: 'm3', kind: 'ceremony', title: 'Lễ kết nạp', startsAt: '2026-03-26T08:00', status: 'cancelled' as const },
  ];
  const activities = [{ id: 'a1', kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-15', status: 'planned' as const }];

  it('merges meetings and activities, days in order, untimed activities first, then by start time', () => {
    const groups = groupByDay(toCalendarItems(meetings, activities));
    expect(groups.map((g) => g.date)).toEqual(['2026-03-15', '2026-03-26']);
    expect(groups[0].items.map((i) => i.id)).toEqual(['a1', 'm1', 'm2']);
    expect(groups[0].items[2]).toMatchObject({ type: 'meeting', time: '19:30', endTime: '21:00', place: 'Hội trường', kind: 'regular' });
    expect(groups[0].items[0].type).toBe('activity');
    expect(groups[0].items[0].time).toBeUndefined();
    expect(groups[1].items[0].status).toBe('cancelled');
  });
  it('an empty month is an empty agenda', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('calendar anchors', () => {
  it('March holds 26/3, the Union founding day; June holds none', () => {
    expect(anchorsInMonth('2026-03')).toEqual([{ date: '2026-03-26', key: '2603' }]);
    expect(anchorsInMonth('2026-05')).toEqual([{ date: '2026-05-01', key: '0105' }, { date: '2026-05-19', key: '1905' }]);
    expect(anchorsInMonth('2026-06')).toEqual([]);
  });
});
