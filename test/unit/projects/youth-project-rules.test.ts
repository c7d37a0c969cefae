// The stage rules, pure: a seeded walk of random steps, drops and undos (random dates, some
// before the previous step's, some missing their acceptance fields) never leaves a record whose
// stage disagrees with its dates, and an undo right after a step or drop gives back the record
// as it was (its cleared fields as ''), but for an undone acceptance's decision and who accepted.
import { describe, expect, it } from 'vitest';
import { advance, budgetTotal, drop, nextStep, stageProblem, undoLast } from '../../../src/protocol/youth-project-rules';
import type { YouthProjectFields } from '../../../src/protocol/youth-project';

type P = Pick<YouthProjectFields, 'stage' | 'registeredOn' | 'planApprovedOn' | 'startedOn' | 'completedOn' | 'acceptedOn' | 'acceptanceDecision' | 'acceptedBy' | 'droppedOn' | 'dropReason'>;

/** mulberry32: a small seeded generator, so a failure can be replayed */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
/** '' and absent are the same to a record (outbox.ts sameValue) */
const norm = (p: P) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== '' && v !== undefined));

describe('stage rules', () => {
  it('random walks keep stage and dates in agreement; undo reverses the last change', () => {
    const today = day(300);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      let p: P = { stage: 'registered', registeredOn: day(Math.floor(r() * 100)) };
      for (let i = 0; i < 25; i++) {
        const roll = r();
        const date = day(Math.floor(r() * 320));
        const out =
          roll < 0.6
            ? advance(p, { date, acceptanceDecision: r() < 0.8 ? '12/QĐ' : '', acceptedBy: r() < 0.8 ? 'Đoàn phường' : undefined }, today)
            : roll < 0.75
              ? drop(p, { date, reason: r() < 0.8 ? 'Không có kinh phí' : ' ' }, today)
              : undoLast(p);
        if ('error' in out) continue;
        const next = { ...p, ...out.patch } as P;
        expect(stageProblem(next), `seed ${seed} step ${i}`).toBeUndefined();
        if (roll < 0.75) {
          const back = undoLast(next);
          // an undone acceptance keeps its decision and who accepted, for the form to come back filled
          const kept = next.stage === 'accepted' ? { acceptanceDecision: next.acceptanceDecision, acceptedBy: next.acceptedBy } : {};
          expect('patch' in back && norm({ ...next, ...back.patch } as P)).toEqual(norm({ ...p, ...kept }));
        }
        p = next;
        seen.add(p.stage);
      }
    }
    // the walk went everywhere, so the checks above ran on every stage
    expect([...seen].sort()).toEqual(['accepted', 'completed', 'dropped', 'inProgress', 'planApproved', 'registered']);
  });

  it('refusals name what is wrong', () => {
    const p: P = { stage: 'completed', registeredOn: day(1), planApprovedOn: day(2), startedOn: day(3), completedOn: day(10) };
    expect(nextStep(p)).toBe('accepted');
    expect(advance(p, { date: day(9), acceptanceDecision: '1', acceptedBy: 'x' }, day(20))).toEqual({ error: 'projects.errBeforePrevious' });
    expect(advance(p, { date: day(21), acceptanceDecision: '1', acceptedBy: 'x' }, day(20))).toEqual({ error: 'projects.errFuture' });
    expect(advance(p, { date: day(11), acceptedBy: 'x' }, day(20))).toEqual({ error: 'projects.errDecision' });
    expect(drop(p, { date: day(11), reason: '' }, day(20))).toEqual({ error: 'projects.errDropReason' });
    expect(undoLast({ stage: 'registered', registeredOn: day(1) })).toEqual({ error: 'projects.errNothingToUndo' });
    expect(stageProblem({ ...p, acceptedOn: day(12) })).toBe('projects.errStageDates');
  });

  it('the budget is the sum of its sources; a disagreeing total is refused', () => {
    expect(budgetTotal(undefined, [{ source: 'a', amount: 1000 }, { source: 'b', amount: 500 }])).toEqual({ budget: 1500 });
    expect(budgetTotal(1400, [{ source: 'a', amount: 1000 }, { source: 'b', amount: 500 }])).toEqual({ error: 'projects.errBudgetSum' });
    expect(budgetTotal(700, [])).toEqual({ budget: 700 });
  });
});
