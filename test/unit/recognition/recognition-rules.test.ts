// A unit's rating at both levels (issue 11 items 4 and 8): which level the plan's target 1
// counts (recognised, else the proposal said to be one), and target 2's "no chi đoàn rated
// Không hoàn thành nhiệm vụ" from a parent unit's children.
import { describe, expect, it } from 'vitest';
import { childUnitsCheck, unitLevelOf } from '../../../src/protocol/recognition-rules';
import { computeTargets } from '../../../src/protocol/target-rules';
import { baseYear, target } from '../targets/target-rules.test';

describe('unitLevelOf', () => {
  it('the recognised level wins over the proposal, and says what was proposed when it differs', () => {
    expect(unitLevelOf({ level: 'excellent', decidedAt: '2026-12-01' }, { level: 'good', recognisedOn: '2026-12-20' })).toEqual({ level: 'good', recognised: true, on: '2026-12-20', proposed: 'excellent' });
    expect(unitLevelOf({ level: 'good', decidedAt: '2026-12-01' }, { level: 'good', recognisedOn: '2026-12-20' })).toEqual({ level: 'good', recognised: true, on: '2026-12-20' });
  });
  it('without a recognition the proposal stands in, not recognised; tombstones are absent', () => {
    expect(unitLevelOf({ level: 'excellent', decidedAt: '2026-12-01' }, undefined)).toEqual({ level: 'excellent', recognised: false, on: '2026-12-01' });
    expect(unitLevelOf({ level: 'excellent', decidedAt: '2026-12-01' }, { level: 'completed', recognisedOn: '2026-12-20', deleted: true })?.recognised).toBe(false);
    expect(unitLevelOf(undefined, undefined)).toBeUndefined();
    expect(unitLevelOf({ level: 'good', deleted: true }, undefined)).toBeUndefined();
  });
});

describe('childUnitsCheck', () => {
  it('no children: nothing to say', () => {
    expect(childUnitsCheck([])).toBeUndefined();
  });
  it('met only once every child is recognised and none is "not completed"', () => {
    const all = childUnitsCheck([{ unitId: 'a', name: 'Chi đoàn A', level: 'good' }, { unitId: 'b', name: 'Chi đoàn B', level: 'completed' }]);
    expect(all).toEqual({ total: 2, recognised: 2, notCompleted: [], state: 'met' });
    expect(childUnitsCheck([{ unitId: 'a', name: 'A', level: 'good' }, { unitId: 'b', name: 'B' }])).toMatchObject({ recognised: 1, state: 'pending' });
  });
  it('failed as soon as one child is recognised "not completed", named', () => {
    const c = childUnitsCheck([{ unitId: 'b', name: 'Chi đoàn Bình', level: 'not_completed' }, { unitId: 'a', name: 'Chi đoàn An' }, { unitId: 'c', name: 'Chi đoàn Ấp', level: 'not_completed' }]);
    expect(c).toMatchObject({ total: 3, recognised: 2, state: 'failed' });
    expect(c?.notCompleted).toEqual(['Chi đoàn Ấp', 'Chi đoàn Bình']);
  });
});

describe("the plan's targets 1 and 2 with both levels", () => {
  const t1 = target('unitRatingLevel', 'level', 4);
  const one = (over: Parameters<typeof baseYear>[0], t = t1) => computeTargets([t], baseYear(over))[0];

  it('target 1 counts the recognised level, not the proposal', () => {
    const r = one({ unitRating: { level: 'excellent', decidedAt: '2026-04-01' }, unitRecognition: { level: 'good', recognisedOn: '2026-05-01' } });
    expect(r.value).toBe(3);
    expect(r.status).not.toBe('met');
    expect(r.evidence.why).toEqual([{ code: 'recognised' }]);
    const up = one({ unitRating: { level: 'good' }, unitRecognition: { level: 'excellent' } });
    expect(up.status).toBe('met');
  });

  it('target 1 before recognition: the proposal, marked as not yet recognised', () => {
    const r = one({ unitRating: { level: 'excellent', decidedAt: '2026-04-01' } });
    expect(r.value).toBe(4);
    expect(r.evidence.why).toEqual([{ code: 'proposalOnly' }]);
    expect(one({}).evidence.why).toEqual([{ code: 'noUnitRating' }]);
  });

  const t2 = target('goodOrBetterPct', 'percent', 80);
  const allGood = [{ memberId: 'm1', level: 'good' as const }, { memberId: 'm2', level: 'good' as const }, { memberId: 'm3', level: 'excellent' as const }, { memberId: 'm4', level: 'good' as const }];

  it('target 2 of a parent unit: a child recognised "not completed" makes it unreachable whatever the members', () => {
    const fine = one({ ratings: allGood, childUnits: [{ unitId: 'a', name: 'A', level: 'good' }] }, t2);
    expect(fine.status).toBe('met');
    expect(fine.evidence.why).toContainEqual({ code: 'childrenRecognised', params: { n: 1, total: 1 } });
    const bad = one({ ratings: allGood, childUnits: [{ unitId: 'a', name: 'A', level: 'good' }, { unitId: 'b', name: 'B', level: 'not_completed' }] }, t2);
    expect(bad.value).toBe(100);
    expect(bad.status).toBe('unreachable');
    expect(bad.warning).toEqual({ code: 'childNotCompletedOut', params: {} });
    expect(bad.evidence.why).toContainEqual({ code: 'childrenNotCompleted', params: { n: 1, total: 2 } });
  });

  it('target 2 without children (a chi đoàn, or a phone that does not hold them): the members alone', () => {
    const r = one({ ratings: allGood }, t2);
    expect(r.status).toBe('met');
    expect(r.evidence.why?.map((w) => w.code)).toEqual(['decided']);
  });
});
