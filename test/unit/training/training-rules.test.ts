// The training programme's rules (src/protocol/training-rules.ts), each test naming the rule's
// source in DOMAIN.md.
import { describe, expect, it } from 'vitest';
import { creditedItems, defaultProgrammeItems, groupByArea, memberItemStates, nextSortOrder, trainingRates } from '../../../src/protocol/training-rules';

const item = (id: string, area: string, sortOrder: number, eventIds: string[] = []) => ({ id, area, title: `Mục ${id}`, sortOrder, eventIds });

describe('the default programme (DOMAIN.md "Training programme": the five areas of 2018–2022)', () => {
  it('has five areas of two items each, in order', () => {
    const items = defaultProgrammeItems();
    expect(items).toHaveLength(10);
    const groups = groupByArea(items);
    expect(groups.map((g) => g.area)).toEqual([
      'Rèn luyện lý tưởng cách mạng',
      'Rèn luyện đạo đức, lối sống',
      'Rèn luyện kỹ năng, nghề nghiệp',
      'Rèn luyện sức khỏe',
      'Tham gia xây dựng tổ chức Đoàn',
    ]);
    expect(groups.every((g) => g.items.length === 2)).toBe(true);
  });

  it('a new item goes to the end of its area; a new area after everything', () => {
    const items = [item('a1', 'A', 0), item('a2', 'A', 10), item('b1', 'B', 20)];
    expect(nextSortOrder(items, 'A')).toBe(11);
    expect(nextSortOrder(items, 'C')).toBe(30);
    expect(nextSortOrder([], 'C')).toBe(0);
  });
});

describe('attendance credits linked items (issue 5: "link an activity or meeting to an item so attendance credits it")', () => {
  const items = [item('i1', 'A', 0, ['m1']), item('i2', 'A', 1, ['m2', 'act1']), item('i3', 'B', 2)];
  it('present or late credits every item linked to the event; absences do not', () => {
    const credited = creditedItems(items, [
      { eventId: 'm1', memberId: 'lan', status: 'present' },
      { eventId: 'act1', memberId: 'lan', status: 'late' },
      { eventId: 'm1', memberId: 'minh', status: 'absent_excused' },
      { eventId: 'm2', memberId: 'minh', status: 'absent_unexcused' },
      { eventId: 'other', memberId: 'minh', status: 'present' },
    ]);
    expect([...(credited.get('lan') ?? [])].sort()).toEqual(['i1', 'i2']);
    expect(credited.has('minh')).toBe(false);
  });

  it('a member\'s chosen items: done by hand beats credited beats open; removed items skipped', () => {
    const states = memberItemStates(
      { memberId: 'lan', itemIds: ['i1', 'i2', 'i3', 'gone'] },
      items,
      [{ memberId: 'lan', itemId: 'i1', done: true }, { memberId: 'lan', itemId: 'i3', done: false }, { memberId: 'minh', itemId: 'i3', done: true }],
      new Set(['i1', 'i2']),
    );
    expect(states).toEqual([
      { itemId: 'i1', state: 'done' },
      { itemId: 'i2', state: 'credited' },
      { itemId: 'i3', state: 'open' },
    ]);
  });
});

describe('rates against the plan (DOMAIN.md seed plan target 3: 100 % registered, ≥ 90 % completing)', () => {
  const roster = Array.from({ length: 10 }, (_, i) => `m${i}`);
  it('counts over the roster; completing = completed or better; lists who is missing', () => {
    const regs = [
      ...roster.slice(0, 9).map((memberId, i) => ({ memberId, itemIds: [], outcome: (i < 7 ? (['excellent', 'good', 'completed'] as const)[i % 3] : i === 7 ? 'not_completed' : '') as never })),
      { memberId: 'left-the-unit', itemIds: [], outcome: 'excellent' as const },
    ];
    const r = trainingRates(roster, regs);
    expect(r).toMatchObject({ expected: 10, registered: 9, assessed: 8, completing: 7, meetsRegistered: false, meetsCompleting: false });
    expect(r.registeredRate).toBeCloseTo(0.9);
    expect(r.completingRate).toBeCloseTo(0.7);
    expect(r.notRegistered).toEqual(['m9']);
    expect(r.notAssessed).toEqual(['m8']);
    expect(r.notCompleting).toEqual(['m7']);
  });

  it('meets both targets at 100 % registered and 9 of 10 completing', () => {
    const regs = roster.map((memberId, i) => ({ memberId, itemIds: [], outcome: (i === 0 ? 'not_completed' : 'completed') as never }));
    expect(trainingRates(roster, regs)).toMatchObject({ meetsRegistered: true, meetsCompleting: true, registeredRate: 1, completingRate: 0.9 });
  });

  it('an empty roster has no rate and meets nothing', () => {
    expect(trainingRates([], [])).toMatchObject({ expected: 0, registeredRate: undefined, meetsRegistered: false });
  });
});
