// The one head count (src/protocol/headcount.ts): who is in the unit on a day or during a period,
// from the status, the archive flag and the dated stays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsDuring, countsOn, membersOn, movesByMember, staysOf } from '../../../src/protocol/headcount';

const m = (over: Record<string, unknown> = {}) => ({ id: 'x', status: 'active', ...over });

describe('who counts on a day', () => {
  it('active and temporary members count; archived and deleted records never do', () => {
    expect(countsOn(m(), [], '2026-06-01')).toBe(true);
    expect(countsOn(m({ status: 'temporary' }), [], '2026-06-01')).toBe(true);
    expect(countsOn(m({ archivedAt: '2026-01-02T00:00:00Z' }), [], '2026-06-01')).toBe(false);
    expect(countsOn(m({ deleted: true }), [], '2026-06-01')).toBe(false);
  });
  it('from the admission date on', () => {
    expect(countsOn(m({ admissionDate: '2026-03-26' }), [], '2026-03-25')).toBe(false);
    expect(countsOn(m({ admissionDate: '2026-03-26' }), [], '2026-03-26')).toBe(true);
  });
  it('a transfer out, graduation, striking off or expulsion ends the stay on its date (the member is still there that day)', () => {
    for (const [status, kind, extra] of [['transferred_out', 'transfer_out', {}], ['graduated', 'graduation', {}], ['struck_off', 'struck_off', {}], ['expelled', 'discipline', { disciplineLevel: 'expulsion' }]] as const) {
      const ev = [{ kind, date: '2026-05-20', ...extra }];
      expect(countsOn(m({ status }), ev, '2026-05-20')).toBe(true);
      expect(countsOn(m({ status }), ev, '2026-05-21')).toBe(false);
      expect(countsDuring(m({ status }), ev, '2026-01-01', '2026-12-31')).toBe(true);
      expect(countsDuring(m({ status }), ev, '2027-01-01', '2027-12-31')).toBe(false);
    }
  });
  it('a member who left without a dated event cannot be placed in time: never counted', () => {
    expect(staysOf(m({ status: 'struck_off' }), [])).toEqual({ stays: [], leftUndated: true });
    expect(countsDuring(m({ status: 'graduated' }), [], '2000-01-01', '2099-12-31')).toBe(false);
  });
  it('out and back in again', () => {
    const ev = [{ kind: 'transfer_in', date: '2026-09-03' }, { kind: 'transfer_out', date: '2026-02-10' }];
    expect(countsOn(m(), ev, '2026-05-01')).toBe(false);
    expect(countsOn(m(), ev, '2026-09-03')).toBe(true);
  });
  it('counts a list in one pass, ignoring deleted and unrelated events', () => {
    const members = [m({ id: 'a' }), m({ id: 'b', status: 'transferred_out' }), m({ id: 'c', archivedAt: 'x' })];
    const moves = movesByMember([
      { memberId: 'b', kind: 'transfer_out', date: '2026-04-30' },
      { memberId: 'a', kind: 'transfer_out', date: '2026-01-01', deleted: true },
      { memberId: 'a', kind: 'commendation', date: '2026-01-01' },
    ]);
    expect(membersOn(members, moves, '2026-04-30').map((x) => x.id)).toEqual(['a', 'b']);
    expect(membersOn(members, moves, '2026-05-01').map((x) => x.id)).toEqual(['a']);
  });
});

describe('a member with no events', () => {
  it('counts exactly as the stays staysOf gives', () => {
    const day = fc.constantFrom('0000-01-01', '1999-12-31', '2024-02-29', '2026-03-25', '2026-03-26', '2026-03-27', '2099-01-01');
    const person = fc.record(
      {
        status: fc.constantFrom('active', 'temporary', 'transferred_out', 'graduated', 'struck_off', 'expelled', 'other'),
        admissionDate: fc.constantFrom('', '2026-03-26', '1999-12-31', '2099-01-01'),
        archivedAt: fc.constantFrom('2026-01-02T00:00:00Z'),
        deleted: fc.boolean(),
      },
      { requiredKeys: ['status'] },
    );
    fc.assert(
      fc.property(person, day, day, (p, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const byStays = !p.deleted && !p.archivedAt && staysOf(p, []).stays.some((s) => s.from <= to && (s.to === undefined || s.to >= from));
        expect(countsDuring(p, [], from, to)).toBe(byStays);
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });
});
