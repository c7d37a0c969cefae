// The rating's rules (src/protocol/rating-rules.ts), each test naming its source.
import { describe, expect, it } from 'vitest';
import {
  RATING_DEFAULTS, addMonthsIso, eligibility, evidenceOf, memberAttendance, needsOverrideReason, ratingSummary, resolveThresholds, suggestLevel, thresholdProblems, yearAttendanceByMember,
} from '../../../src/protocol/rating-rules';

const m = (admissionDate?: string, status = 'active') => ({ id: 'x', admissionDate, status });
const ev = (kind: string, date: string) => ({ memberId: 'x', kind, date });

describe('eligibility: ≥ 6 consecutive months in the unit during the year (DOMAIN.md "Rating")', () => {
  it('a member from before the year, or with no dates at all, is rated for the whole year', () => {
    expect(eligibility(m('2015-03-26'), [], 2025)).toEqual({ eligible: true, from: '2025-01-01', to: '2025-12-31' });
    expect(eligibility(m(undefined), [], 2025).eligible).toBe(true);
  });

  it('admitted on 1 July: exactly six months to 31 December — rated; admitted 2 July — not, and why', () => {
    expect(eligibility(m('2025-07-01'), [], 2025).eligible).toBe(true);
    expect(eligibility(m('2025-07-02'), [], 2025)).toEqual({ eligible: false, reason: { code: 'joinedLate', date: '2025-07-02' } });
  });

  it('transferred out in May after a whole previous year: not rated (left early); in August: rated', () => {
    expect(eligibility(m('2015-01-01', 'transferred_out'), [ev('transfer_out', '2025-05-10')], 2025)).toEqual({
      eligible: false, reason: { code: 'leftEarly', date: '2025-05-10', kind: 'transfer_out' },
    });
    expect(eligibility(m('2015-01-01', 'transferred_out'), [ev('transfer_out', '2025-08-10')], 2025).eligible).toBe(true);
  });

  it('left in an earlier year, or joins after the year: not in the unit that year', () => {
    expect(eligibility(m('2015-01-01', 'graduated'), [ev('graduation', '2024-03-26')], 2025)).toEqual({ eligible: false, reason: { code: 'leftBefore', date: '2024-03-26', kind: 'graduation' } });
    expect(eligibility(m('2026-03-26'), [], 2025)).toEqual({ eligible: false, reason: { code: 'notYetInUnit', date: '2026-03-26' } });
  });

  it('transfer in counts from its date, not from the admission elsewhere', () => {
    expect(eligibility(m('2016-03-26'), [ev('transfer_in', '2025-09-01')], 2025)).toMatchObject({ eligible: false, reason: { code: 'joinedLate', date: '2025-09-01' } });
    expect(eligibility(m('2016-03-26'), [ev('transfer_in', '2025-03-01')], 2025)).toMatchObject({ eligible: true, from: '2025-03-01' });
  });

  it('two short stays do not add up: the months must be consecutive', () => {
    const events = [ev('transfer_out', '2025-04-30'), ev('transfer_in', '2025-08-01')];
    expect(eligibility(m('2015-01-01'), events, 2025)).toMatchObject({ eligible: false, reason: { code: 'joinedLate', date: '2025-08-01' } });
  });

  it('status says the member left but no event dates it: not rated, asks for the date', () => {
    expect(eligibility(m('2015-01-01', 'struck_off'), [], 2025)).toEqual({ eligible: false, reason: { code: 'leftNoDate', status: 'struck_off' } });
  });

  it('month arithmetic clamps the day', () => {
    expect(addMonthsIso('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsIso('2025-07-01', 6)).toBe('2026-01-01');
  });
});

describe('the suggestion (DOMAIN.md "Rating" and "Member"; defaults in rating-rules.ts)', () => {
  const T = RATING_DEFAULTS;
  it('excellent needs ≥ 90 % participation and an excellent training result (DOMAIN.md)', () => {
    expect(suggestLevel({ participationPct: 95, trainingOutcome: 'excellent' }, T)).toEqual({ level: 'excellent', rule: 'excellent', params: { pct: 95, min: 90 } });
    expect(suggestLevel({ participationPct: 95, trainingOutcome: 'good' }, T)).toMatchObject({ level: 'good', rule: 'goodNotExcellentTraining' });
    expect(suggestLevel({ participationPct: 89.9, trainingOutcome: 'excellent' }, T)).toMatchObject({ level: 'good', rule: 'good' });
  });

  it('good from 70 %, completed from 50 %, below that not completed (unit settings, defaults)', () => {
    expect(suggestLevel({ participationPct: 70 }, T).level).toBe('good');
    expect(suggestLevel({ participationPct: 69 }, T)).toMatchObject({ level: 'completed', rule: 'completed' });
    expect(suggestLevel({ participationPct: 50 }, T).level).toBe('completed');
    expect(suggestLevel({ participationPct: 49 }, T)).toEqual({ level: 'not_completed', rule: 'lowParticipation', params: { pct: 49, min: 50 } });
  });

  it('absent without reason or unpaid 3 months: not completed — grounds for striking off (DOMAIN.md "Member")', () => {
    expect(suggestLevel({ participationPct: 100, unexcusedMonths: 3, trainingOutcome: 'excellent' }, T)).toEqual({ level: 'not_completed', rule: 'unexcused', params: { n: 3 } });
    expect(suggestLevel({ participationPct: 100, duesMonthsOwed: 4 }, T)).toEqual({ level: 'not_completed', rule: 'owed', params: { n: 4 } });
  });

  it('training "not completed" means the year is not completed', () => {
    expect(suggestLevel({ participationPct: 100, trainingOutcome: 'not_completed' }, T)).toMatchObject({ level: 'not_completed', rule: 'trainingFailed' });
  });

  it('2 months absent without reason (above the setting of 1) hold a good participant at completed', () => {
    expect(suggestLevel({ participationPct: 92, unexcusedMonths: 2, trainingOutcome: 'excellent' }, T)).toEqual({ level: 'completed', rule: 'tooManyUnexcused', params: { n: 2, max: 1 } });
    expect(suggestLevel({ participationPct: 92, duesMonthsOwed: 2 }, T)).toMatchObject({ level: 'completed', rule: 'tooManyOwed' });
  });

  it('dues unknown (undefined) never decide; nothing marked all year suggests completed at most', () => {
    expect(suggestLevel({ participationPct: 80, duesMonthsOwed: undefined }, T).level).toBe('good');
    expect(suggestLevel({}, T)).toEqual({ level: 'completed', rule: 'noAttendance', params: {} });
  });

  it('thresholds come from the unit settings row, defaults where absent; contradictions are named', () => {
    const t = resolveThresholds({ ratingGoodMinParticipation: 80, ratingExcellentCapPct: 20 });
    expect(t).toEqual({ ...RATING_DEFAULTS, goodMinParticipation: 80, excellentCapPct: 20 });
    expect(suggestLevel({ participationPct: 75 }, t).level).toBe('completed');
    expect(thresholdProblems({ ...t, goodMinParticipation: 95 })).toEqual(['goodAboveExcellent']);
  });
});

describe('evidence in bulk', () => {
  it('participation and distinct months absent without reason, per member, events of the year only', () => {
    const events = [
      { id: 'jan', date: '2025-01-10' }, { id: 'jan2', date: '2025-01-25' }, { id: 'feb', date: '2025-02-10' },
      { id: 'mar', date: '2025-03-10' }, { id: 'old', date: '2024-12-10' },
    ];
    const facts = [
      { eventId: 'jan', memberId: 'a', status: 'absent_unexcused' },
      { eventId: 'jan2', memberId: 'a', status: 'absent_unexcused' },
      { eventId: 'feb', memberId: 'a', status: 'late' },
      { eventId: 'mar', memberId: 'a', status: 'absent_excused' },
      { eventId: 'old', memberId: 'a', status: 'absent_unexcused' },
      { eventId: 'jan', memberId: 'b', status: 'present' },
    ];
    const by = yearAttendanceByMember(events, facts, 2025);
    expect(by.get('a')).toEqual({ marked: 4, attended: 1, unexcusedMonths: 1 });
    expect(by.get('b')).toEqual({ marked: 1, attended: 1, unexcusedMonths: 0 });
    expect(evidenceOf(by.get('a'), 4, 'good')).toEqual({ participationPct: 25, meetingsHeld: 4, unexcusedMonths: 1, duesMonthsPaid: undefined, duesMonthsOwed: undefined, trainingOutcome: 'good' });
    expect(evidenceOf(undefined, 4, undefined).participationPct).toBeUndefined();
  });
});

describe('one member\'s attendance (the rating screen, issue 13 B9)', () => {
  it('counts as yearAttendanceByMember does, for random years of events and rolls', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
    const statuses = ['present', 'late', 'absent_excused', 'absent_unexcused'];
    for (let round = 0; round < 500; round++) {
      // The year's held events (unique ids, as countedEvents gives them), some in one month.
      const events = Array.from({ length: rand(14) }, (_, i) => ({ id: `e${i}`, date: `2025-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}` }));
      const members = ['a', 'b', 'c'];
      const roll = new Map<string, string>();
      for (const m of members) for (const e of events) if (rand(3)) roll.set(`${e.id}:${m}`, statuses[rand(4)]);
      const facts = [...roll].map(([k, status]) => ({ eventId: k.split(':')[0], memberId: k.split(':')[1], status }));
      const by = yearAttendanceByMember(events, facts, 2025);
      const held = events.map((e) => ({ id: e.id, month: e.date.slice(0, 7) }));
      for (const m of members) expect(memberAttendance(held, (id) => roll.get(`${id}:${m}`))).toEqual(by.get(m));
    }
  });
});

describe('summary (DOMAIN.md seed plan target 2: ≥ 80 % good or better; "excellent" cap optional)', () => {
  const rows = [
    { memberId: 'a', eligible: true, level: 'excellent' as const, outstanding: true },
    { memberId: 'b', eligible: true, level: 'excellent' as const },
    { memberId: 'c', eligible: true, level: 'good' as const },
    { memberId: 'd', eligible: true, level: 'not_completed' as const },
    { memberId: 'e', eligible: true, level: '' as const, suggested: 'good' as const },
    { memberId: 'f', eligible: false, level: 'excellent' as const, outstanding: true },
  ];
  it('counts the eligible only; projected fills undecided with the suggestion', () => {
    const s = ratingSummary(rows, 0);
    expect(s).toMatchObject({ eligible: 5, decided: 4, counts: { excellent: 2, good: 1, completed: 0, not_completed: 1 }, notCompleted: 1, candidates: ['a'], capWarning: false });
    expect(s.goodOrBetterRate).toBeCloseTo(0.6);
    expect(s.projectedGoodOrBetterRate).toBeCloseTo(0.8);
    expect(s.meetsTarget).toBe(false);
  });
  it('warns when the share of excellent exceeds the cap setting', () => {
    expect(ratingSummary(rows, 40).capWarning).toBe(true);
    expect(ratingSummary(rows, 50).capWarning).toBe(false);
  });
  it('an override needs a reason only when the decided level differs from the suggestion', () => {
    expect(needsOverrideReason('good', 'excellent')).toBe(true);
    expect(needsOverrideReason('good', 'good')).toBe(false);
    expect(needsOverrideReason('', 'good')).toBe(false);
  });
});
