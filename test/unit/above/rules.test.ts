// The unit tree's order and the agenda's window (pure rules of the level above).
import { describe, expect, it } from 'vitest';
import { unitTree } from '../../../src/protocol/unit-tree-rules';
import { agendaWindow, byDay } from '../../../src/protocol/above-agenda-rules';

describe('unitTree', () => {
  it('puts parents before their children, children by name, with depth; an unknown parent makes a root', () => {
    const units = [
      { unitId: 'c2', name: 'Chi đoàn khu phố 2', parentId: 'p' },
      { unitId: 'p', name: 'Đoàn phường 7', parentId: 'quan-1' },
      { unitId: 'c1', name: 'Chi đoàn khu phố 1', parentId: 'p' },
      { unitId: 'g', name: 'Tổ thanh niên', parentId: 'c1' },
    ];
    expect(unitTree(units).map((n) => `${n.depth}:${n.unit.unitId}`)).toEqual(['0:p', '1:c1', '2:g', '1:c2']);
  });

  it('lists units caught in a cycle instead of looping or losing them', () => {
    const out = unitTree([
      { unitId: 'a', name: 'A', parentId: 'b' },
      { unitId: 'b', name: 'B', parentId: 'a' },
    ]);
    expect(out.map((n) => n.unit.unitId).sort()).toEqual(['a', 'b']);
  });
});

describe('agenda', () => {
  it('runs from today for the given days, across a month and a year end', () => {
    expect(agendaWindow('2026-12-20', 60)).toEqual({ from: '2026-12-20', to: '2027-02-18' });
  });

  it('groups sorted items by day', () => {
    const it = (date: string, id: string) => ({ unitId: 'u', unitName: 'U', kind: 'meeting' as const, id, title: id, date });
    expect(byDay([it('2026-11-02', 'a'), it('2026-11-02', 'b'), it('2026-11-05', 'c')]).map((d) => [d.date, d.items.length])).toEqual([
      ['2026-11-02', 2],
      ['2026-11-05', 1],
    ]);
  });
});
