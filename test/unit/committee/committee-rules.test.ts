// The committee rules (pure): the term in force on a day, who sits on it, its vacancies by
// position, the next congress, meetings per period, and why a seat cannot be held. Plus a
// seeded property test: the state on a day never depends on row order, and vacancies are
// size − filled, never negative.
import { describe, expect, it } from 'vitest';
import {
  addMonths, committeeOn, congressSoon, meetingsByPeriod, monthsUntil, nextCongressDue, positionsOn, seatProblem, termOn, vacantSeats,
  type SeatLike, type TermLike,
} from '../../../src/protocol/committee-rules';
import { COMMITTEE_POSITIONS } from '../../../src/protocol/committee-enums';

const term = (id: string, startsOn: string, more: Partial<TermLike> = {}): TermLike => ({ id, label: id, startsOn, size: 5, deputies: 1, ...more });
let n = 0;
const seat = (memberId: string, position: SeatLike['position'], from: string, more: Partial<SeatLike> = {}): SeatLike => ({
  id: `s${++n}`, termId: 't1', memberId, position, from, ...more,
});

describe('termOn', () => {
  const terms = [term('t1', '2022-10-01'), term('t2', '2025-04-15'), term('gone', '2024-01-01', { deleted: true })];
  it('is the latest term started on or before the day', () => {
    expect(termOn(terms, '2022-09-30')).toBeUndefined();
    expect(termOn(terms, '2022-10-01')?.id).toBe('t1');
    expect(termOn(terms, '2025-04-14')?.id).toBe('t1');
    expect(termOn(terms, '2025-04-15')?.id).toBe('t2');
  });
  it('never picks a deleted term', () => {
    expect(termOn(terms, '2024-06-01')?.id).toBe('t1');
  });
});

describe('committeeOn', () => {
  const terms = [term('t1', '2024-01-01', { size: 5, deputies: 1 })];
  const seats = [
    seat('m3', 'committeeMember', '2024-01-01'),
    seat('m1', 'secretary', '2024-01-01', { to: '2025-03-31' }),
    seat('m2', 'deputySecretary', '2024-01-01'),
    seat('m4', 'secretary', '2025-05-01'),
    seat('m5', 'committeeMember', '2024-01-01', { deleted: true }),
  ];
  it('holds the seats held that day, secretary first, ends inclusive', () => {
    const s = committeeOn(terms, seats, '2025-03-31')!;
    expect(s.seats.map((x) => x.memberId)).toEqual(['m1', 'm2', 'm3']);
    expect(s).toMatchObject({ size: 5, filled: 3, vacancies: 2, hasSecretary: true, complete: false });
  });
  it('a secretary who left leaves the seat empty until the by-election', () => {
    const s = committeeOn(terms, seats, '2025-04-10')!;
    expect(s.hasSecretary).toBe(false);
    expect(vacantSeats(s)).toEqual({ secretary: 1, deputySecretary: 0, committeeMember: 2 });
    expect(committeeOn(terms, seats, '2025-05-01')!.hasSecretary).toBe(true);
  });
  it('drops members no longer in the unit', () => {
    const s = committeeOn(terms, seats, '2024-06-01', (id) => id !== 'm3')!;
    expect(s.filled).toBe(2);
    expect(s.vacancies).toBe(3);
  });
  it('is complete with a secretary and every seat held', () => {
    const full = [...seats.slice(0, 3), seat('m6', 'committeeMember', '2024-01-01'), seat('m7', 'committeeMember', '2024-02-01')];
    expect(committeeOn(terms, full, '2024-01-31')!.complete).toBe(false);
    expect(committeeOn(terms, full, '2024-02-01')!.complete).toBe(true);
  });
  it('is undefined before the first term', () => {
    expect(committeeOn(terms, seats, '2023-12-31')).toBeUndefined();
  });
});

describe('vacantSeats', () => {
  it('counts missing deputies, the rest ordinary seats, adding up to the vacancies', () => {
    const terms = [term('t1', '2024-01-01', { size: 7, deputies: 2 })];
    const s = committeeOn(terms, [seat('a', 'secretary', '2024-01-01'), seat('b', 'deputySecretary', '2024-01-01')], '2024-06-01')!;
    expect(vacantSeats(s)).toEqual({ secretary: 0, deputySecretary: 1, committeeMember: 4 });
  });
  it('never shows more empty seats than vacancies, even when the seats held are all ordinary', () => {
    const terms = [term('t1', '2024-01-01', { size: 2, deputies: 1 })];
    const s = committeeOn(terms, [seat('a', 'committeeMember', '2024-01-01')], '2024-06-01')!;
    expect(vacantSeats(s)).toEqual({ secretary: 1, deputySecretary: 0, committeeMember: 0 });
  });
});

describe('dates of the congress', () => {
  it('adds months clamping the day', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-10-15', 30)).toBe('2027-04-15');
  });
  it('is the planned end, else the start plus the term length', () => {
    expect(nextCongressDue({ startsOn: '2024-10-15', endsOn: '2027-03-31' })).toBe('2027-03-31');
    expect(nextCongressDue({ startsOn: '2024-10-15' })).toBe('2027-04-15');
    expect(nextCongressDue({ startsOn: '2024-10-15' }, 60)).toBe('2029-10-15');
  });
  it('counts whole months left and warns under three months or once overdue', () => {
    expect(monthsUntil('2026-12-06', '2027-04-15')).toBe(4);
    expect(monthsUntil('2026-12-06', '2027-01-05')).toBe(0);
    expect(monthsUntil('2026-12-06', '2026-11-30')).toBe(-1);
    expect(congressSoon('2026-12-06', '2027-04-15')).toBeUndefined();
    expect(congressSoon('2026-12-06', '2027-03-05')).toBe('soon');
    expect(congressSoon('2026-12-06', '2026-12-05')).toBe('overdue');
  });
});

describe('meetingsByPeriod', () => {
  const m = (startsAt: string, status: 'held' | 'planned' = 'held', kind = 'committee') => ({ kind, startsAt, status });
  const meetings = [m('2026-01-10T19:00'), m('2026-02-03T19:00'), m('2026-02-20T19:00'), m('2026-03-01T19:00', 'planned'), m('2026-04-02T19:00', 'held', 'regular')];
  it('tells each month held or not, counting only held meetings of the kind', () => {
    const out = meetingsByPeriod(meetings, 'committee', 'monthly', '2026-01-01', '2026-04-15');
    expect(out.map((p) => [p.period, p.held])).toEqual([['2026-01', true], ['2026-02', true], ['2026-03', false], ['2026-04', false]]);
  });
  it('groups calendar quarters, across a school year', () => {
    const out = meetingsByPeriod([m('2025-11-10T19:00')], 'committee', 'quarterly', '2025-09-01', '2026-02-10');
    expect(out.map((p) => [p.period, p.months.length, p.held])).toEqual([['2025-07', 3, false], ['2025-10', 3, true], ['2026-01', 3, false]]);
  });
});

describe('seatProblem', () => {
  const t = term('t1', '2024-01-01', { size: 4, deputies: 1, standingSize: 2 });
  const held = [seat('a', 'secretary', '2024-01-01', { to: '2025-06-30' }), seat('b', 'deputySecretary', '2024-01-01'), seat('c', 'committeeMember', '2024-01-01')];
  it('refuses a second secretary at the same time, not after the first left', () => {
    expect(seatProblem(t, held, seat('d', 'secretary', '2025-06-30'))).toBe('secondSecretary');
    expect(seatProblem(t, held, seat('d', 'secretary', '2025-07-01'))).toBeUndefined();
  });
  it('refuses more deputies than decided', () => {
    expect(seatProblem(t, held, seat('d', 'deputySecretary', '2024-03-01'))).toBe('tooManyDeputies');
    expect(seatProblem({ ...t, deputies: 2 }, held, seat('d', 'deputySecretary', '2024-03-01'))).toBeUndefined();
  });
  it('refuses more seats than the size, counting seats that start later inside the span', () => {
    const four = [...held, seat('d', 'committeeMember', '2024-01-01')];
    expect(seatProblem(t, four, seat('e', 'committeeMember', '2024-02-01'))).toBe('tooManySeats');
    // a seat ending before the fourth member arrives fits; one running past it does not
    const later = [held[0], held[1], seat('d', 'committeeMember', '2024-05-01')];
    expect(seatProblem(t, later, seat('e', 'committeeMember', '2024-02-01', { to: '2024-04-30' }))).toBeUndefined();
    expect(seatProblem(t, [...later, seat('f', 'committeeMember', '2024-01-01')], seat('e', 'committeeMember', '2024-02-01'))).toBe('tooManySeats');
  });
  it('refuses one member in two seats at once, and checks an edit against the other seats only', () => {
    expect(seatProblem(t, held, seat('b', 'committeeMember', '2024-06-01'))).toBe('twoSeats');
    expect(seatProblem(t, held, { ...held[1], from: '2024-02-01' })).toBeUndefined();
  });
  it('refuses more standing seats than the Ban Thường vụ size', () => {
    const standing = [seat('a', 'secretary', '2024-01-01', { standing: true }), seat('b', 'deputySecretary', '2024-01-01', { standing: true })];
    expect(seatProblem(t, standing, seat('c', 'committeeMember', '2024-01-01', { standing: true }))).toBe('tooManyStanding');
    expect(seatProblem({ ...t, standingSize: undefined }, [], seat('c', 'committeeMember', '2024-01-01', { standing: true }))).toBe('tooManyStanding');
  });
  it('refuses dates out of order or before the term', () => {
    expect(seatProblem(t, [], seat('d', 'committeeMember', '2024-05-01', { to: '2024-04-30' }))).toBe('toBeforeFrom');
    expect(seatProblem(t, [], seat('d', 'committeeMember', '2023-12-31'))).toBe('beforeTerm');
  });
});

describe('positionsOn', () => {
  it('gives each seated member the highest seat held that day', () => {
    const terms = [term('t1', '2024-01-01')];
    const seats = [seat('a', 'committeeMember', '2024-01-01', { to: '2024-12-31' }), seat('a', 'deputySecretary', '2024-06-01'), seat('b', 'committeeMember', '2024-01-01')];
    expect(Object.fromEntries(positionsOn(terms, seats, '2024-07-01')!)).toEqual({ a: 'deputySecretary', b: 'committeeMember' });
    expect(positionsOn(terms, seats, '2023-01-01')).toBeUndefined();
  });
});

/** mulberry32: a small seeded generator, so a failing case can be replayed by its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('properties (seeded)', () => {
  const day = (r: () => number) => addMonths('2022-01-01', Math.floor(r() * 60)).slice(0, 8) + String(1 + Math.floor(r() * 28)).padStart(2, '0');
  it('the state on a day never depends on row order; vacancies = size − filled ≥ 0 and split by position', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const terms: TermLike[] = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => term(`t${i}`, day(r), { size: 1 + Math.floor(r() * 9), deputies: Math.floor(r() * 3), deleted: r() < 0.1 }));
      const seats: SeatLike[] = Array.from({ length: Math.floor(r() * 15) }, (_, i) => {
        const from = day(r);
        return {
          id: `s${i}`, termId: `t${Math.floor(r() * terms.length)}`, memberId: `m${Math.floor(r() * 8)}`,
          position: COMMITTEE_POSITIONS[Math.floor(r() * 3)], from, to: r() < 0.4 ? addMonths(from, Math.floor(r() * 24)) : undefined, deleted: r() < 0.1,
        };
      });
      const on = day(r);
      const a = committeeOn(terms, seats, on);
      const b = committeeOn(shuffle(terms, r), shuffle(seats, r), on);
      expect(b?.term.id, `seed ${seed}`).toBe(a?.term.id);
      expect(b?.seats.map((s) => s.id), `seed ${seed}`).toEqual(a?.seats.map((s) => s.id));
      if (!a || !b) continue;
      expect({ ...b, seats: undefined, term: undefined }).toEqual({ ...a, seats: undefined, term: undefined });
      expect(a.vacancies).toBe(Math.max(0, a.size - a.filled));
      expect(a.vacancies).toBeGreaterThanOrEqual(0);
      const v = vacantSeats(a);
      expect(v.secretary + v.deputySecretary + v.committeeMember, `seed ${seed}`).toBe(a.vacancies);
      expect(Math.min(v.secretary, v.deputySecretary, v.committeeMember)).toBeGreaterThanOrEqual(0);
    }
  });

  it('seats accepted one by one by seatProblem never overfill the committee on any day', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const t = term('t1', '2022-01-01', { size: 1 + Math.floor(r() * 5), deputies: Math.floor(r() * 3) });
      const accepted: SeatLike[] = [];
      for (let i = 0; i < 20; i++) {
        const from = day(r);
        const s: SeatLike = { id: `s${i}`, termId: 't1', memberId: `m${Math.floor(r() * 8)}`, position: COMMITTEE_POSITIONS[Math.floor(r() * 3)], from, to: r() < 0.5 ? addMonths(from, Math.floor(r() * 18)) : undefined };
        if (!seatProblem(t, accepted, s)) accepted.push(s);
      }
      for (let k = 0; k < 30; k++) {
        const st = committeeOn([t], accepted, day(r))!;
        expect(st.seats.length, `seed ${seed}`).toBeLessThanOrEqual(t.size);
        expect(st.seats.filter((s) => s.position === 'secretary').length).toBeLessThanOrEqual(1);
        expect(st.seats.filter((s) => s.position === 'deputySecretary').length).toBeLessThanOrEqual(t.deputies ?? 1);
        expect(new Set(st.seats.map((s) => s.memberId)).size).toBe(st.seats.length);
      }
    }
  });
});
