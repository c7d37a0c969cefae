// figureChanges: which numbers differ between a sent version's figures and the figures now.
import { describe, expect, it } from 'vitest';
import { figureChanges } from '../../../src/protocol/report-figure-changes';
import { sampleFigures } from './figures-fixture';

const pick = (list: ReturnType<typeof figureChanges>) => list.map(({ key, before, after }) => ({ key, before, after }));

describe('figureChanges', () => {
  it('finds nothing between equal figures, whatever their computing day', () => {
    expect(figureChanges(sampleFigures(), sampleFigures({ asOf: '2026-04-02' }))).toEqual([]);
  });

  it('lists the numbers that moved, in the figures’ order, not the rules’ versions', () => {
    const before = sampleFigures();
    const after = sampleFigures();
    after.membership = { ...after.membership, v: 2, end: 43, admitted: 4 };
    after.dues = { ...after.dues, collected: 1_300_000 };
    expect(pick(figureChanges(before, after))).toEqual([
      { key: 'membership.end', before: 42, after: 43 },
      { key: 'membership.admitted', before: 3, after: 4 },
      { key: 'dues.collected', before: 1_260_000, after: 1_300_000 },
    ]);
  });

  it('matches list items by kind, id or name, and an item on one side only is a change from or to nothing', () => {
    const before = sampleFigures();
    const after = sampleFigures();
    after.meetings = {
      ...after.meetings,
      // reordered, the thematic meeting's rate changed, a committee meeting appeared
      byKind: [{ kind: 'committee', held: 1, attendancePct: 100 }, { kind: 'thematic', held: 1, attendancePct: 92 }, { kind: 'regular', held: 3, attendancePct: 86 }],
    };
    after.membership = { ...after.membership, groups: [{ name: 'Tổ May 2', start: 18, end: 20 }, { name: 'Tổ May 1', start: 22, end: 23 }] };
    const changes = figureChanges(before, after);
    expect(pick(changes)).toEqual([
      { key: 'membership.groups.Tổ May 2.end', before: 19, after: 20 },
      { key: 'meetings.byKind.thematic.attendancePct', before: 90.5, after: 92 },
      { key: 'meetings.byKind.committee.held', before: undefined, after: 1 },
      { key: 'meetings.byKind.committee.attendancePct', before: undefined, after: 100 },
    ]);
    expect(changes[0]).toMatchObject({ figure: 'membership', list: 'groups', item: 'Tổ May 2', itemLabel: 'Tổ May 2', field: 'end' });
  });

  it('names a target by its title, and a measured percent that appears is a change', () => {
    const after = sampleFigures();
    after.targets = { ...after.targets!, items: after.targets!.items.map((t) => (t.id === 'target-0002' ? { ...t, value: 100, pct: 100 } : t)) };
    after.training = { ...after.training, assessed: 10, completing: 9, completingPct: 90 };
    expect(figureChanges(sampleFigures(), after).map((c) => [c.key, c.itemLabel, c.before, c.after])).toEqual([
      ['training.assessed', undefined, 0, 10],
      ['training.completing', undefined, 0, 9],
      ['training.completingPct', undefined, undefined, 90],
      ['targets.items.target-0002.value', '100 % đoàn viên đăng ký học tập', 95.2, 100],
      ['targets.items.target-0002.pct', '100 % đoàn viên đăng ký học tập', 95.2, 100],
    ]);
  });

  it('counts months without a regular meeting, and a section present on one side only', () => {
    const before = sampleFigures({ targets: undefined });
    const after = sampleFigures({
      meetings: { ...sampleFigures().meetings, monthsWithoutRegular: ['2026-03'] },
      ratings: { v: 1, eligible: 40, excellent: 5, good: 30, completed: 4, notCompleted: 1, undecided: 0, goodOrBetterPct: 87.5 },
    });
    const keys = pick(figureChanges(before, after)).map((c) => c.key);
    expect(keys).toContain('meetings.monthsWithoutRegular');
    expect(pick(figureChanges(before, after)).find((c) => c.key === 'meetings.monthsWithoutRegular')).toEqual({ key: 'meetings.monthsWithoutRegular', before: 0, after: 1 });
    expect(keys).toContain('ratings.excellent');
    expect(keys).toContain('targets.items.target-0002.goal');
    expect(keys.filter((k) => k.startsWith('ratings.'))).toHaveLength(7);
  });
});
