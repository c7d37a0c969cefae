// The year's targets computed from a small hand-built year (calendar 2026, judged on 15/05/2026
// unless a test moves the day): each rule's value, status, pace and evidence.
import { describe, expect, it } from 'vitest';
import { computeTargets, type TargetLike, type YearInputs } from '../../../src/protocol/target-rules';
import { yearSpan } from '../../../src/protocol/year';

const span = yearSpan(2026);
const member = (id: string, extra: object = {}) => ({ id, status: 'active', admissionDate: '2020-01-01', ...extra });

export function baseYear(over: Partial<YearInputs> = {}): YearInputs {
  return {
    span,
    today: '2026-05-15',
    members: [member('m1'), member('m2'), member('m3'), member('m4'), member('gone', { deleted: true })],
    memberEvents: [
      { id: 'e1', memberId: 'm4', kind: 'admission', date: '2026-03-26' },
      { id: 'e2', memberId: 'm2', kind: 'party_introduction', date: '2026-04-01' },
      { id: 'e3', memberId: 'm1', kind: 'admission', date: '2025-03-26', deleted: true },
    ],
    ratings: [],
    registrations: [
      { memberId: 'm1', itemIds: [] },
      { memberId: 'm2', itemIds: [], outcome: 'good' },
      { memberId: 'm3', itemIds: [], deleted: true },
    ],
    youthProjects: [
      { id: 'p1', year: 2026, stage: 'inProgress' },
      { id: 'p0', year: 2025, stage: 'accepted' },
    ],
    meetings: [
      { id: 'r1', kind: 'regular', status: 'held', startsAt: '2026-01-10T19:30' },
      { id: 'r2', kind: 'regular', status: 'held', startsAt: '2026-02-10T19:30' },
      { id: 'r3', kind: 'regular', status: 'planned', startsAt: '2026-03-10T19:30' },
      { id: 'r4', kind: 'regular', status: 'held', startsAt: '2026-04-10T19:30' },
      { id: 'c1', kind: 'committee', status: 'held', startsAt: '2026-01-05T19:30' },
    ],
    activities: [
      { id: 'a1', kind: 'green_sunday', status: 'held', date: '2026-03-01' },
      { id: 'a2', kind: 'volunteering', status: 'held', date: '2026-04-01' },
      { id: 'a3', kind: 'green_sunday', status: 'planned', date: '2026-06-01' },
      { id: 'a4', kind: 'green_sunday', status: 'cancelled', date: '2026-03-08' },
    ],
    terms: [{ id: 't1', label: '2025–2027', startsOn: '2025-06-01', size: 3 }],
    seats: [
      { id: 's1', termId: 't1', memberId: 'm1', position: 'secretary', from: '2025-06-01' },
      { id: 's2', termId: 't1', memberId: 'm2', position: 'deputySecretary', from: '2025-06-01' },
    ],
    remittances: [{ period: '2026-01' }, { period: '2026-02' }, { period: '2025-12' }],
    meetingFrequency: 'monthly',
    committeeMeetingFrequency: 'quarterly',
    ...over,
  };
}

let n = 0;
export function target(rule: TargetLike['rule'], measure: TargetLike['measure'], goal: number, extra: Partial<TargetLike> = {}): TargetLike {
  return { id: `t${++n}`, title: String(rule), measure, goal, source: 'computed', rule, sortOrder: n, ...extra };
}

const one = (t: TargetLike, over: Partial<YearInputs> = {}) => computeTargets([t], baseYear(over))[0];

describe('target rules', () => {
  it('unitRatingLevel: the unit rating as its rank; none yet is not measurable, then behind in the last months', () => {
    const t = target('unitRatingLevel', 'level', 4);
    expect(one(t).status).toBe('notMeasurable');
    expect(one(t, { today: '2026-11-02' }).status).toBe('behind');
    const good = one(t, { unitRating: { level: 'good' } });
    expect(good.value).toBe(3);
    expect(good.status).toBe('onTrack');
    expect(one(t, { unitRating: { level: 'excellent' } }).status).toBe('met');
    expect(one(t, { unitRating: { level: 'good' }, today: '2027-01-03' }).status).toBe('unreachable');
  });

  it('goodOrBetterPct: decided good or better over the members who can be rated', () => {
    const t = target('goodOrBetterPct', 'percent', 80);
    expect(one(t).value).toBeUndefined();
    const r = one(t, { ratings: [{ memberId: 'm1', level: 'excellent' }, { memberId: 'm2', level: 'good' }, { memberId: 'm3', level: 'not_completed' }, { memberId: 'm4', level: 'good' }] });
    // m4 was admitted 26/03/2026 (≥ 6 months to the year's end): eligible; 3 of 4
    expect(r.value).toBe(75);
    expect(r.evidence.members).toEqual(['m1', 'm2', 'm4']);
    expect(r.evidence.missingMembers).toEqual(['m3']);
    expect(r.evidence.why).toContainEqual({ code: 'notCompleted', params: { n: 1, total: 4 } });
  });

  it('training: the same rates as the training screen, with who is not registered', () => {
    const reg = one(target('trainingRegisteredPct', 'percent', 100));
    expect(reg.value).toBe(50);
    expect(reg.evidence.missingMembers).toEqual(['m3', 'm4']);
    // month 5: registration was due by the end of month 3
    expect(reg.expected).toBe(100);
    expect(reg.status).toBe('behind');
    expect(reg.warning).toEqual({ code: 'percent', params: { months: 8, pct: 50, goal: 100 } });
    const comp = one(target('trainingCompletingPct', 'percent', 90));
    expect(comp.value).toBe(25);
    expect(comp.status).toBe('onTrack'); // judged at the end
    expect(comp.evidence.members).toEqual(['m2']);
  });

  it('regularMeetingsHeld: periods held, and out of reach once too few months are left', () => {
    const t = target('regularMeetingsHeld', 'count', 12);
    const r = one(t);
    expect(r.value).toBe(3);
    expect(r.evidence.meetings).toEqual(['r1', 'r2', 'r4']);
    expect(r.evidence.missingMonths).toEqual(['2026-03']);
    expect(r.status).toBe('unreachable'); // March missed: at most 11 of 12
    const ten = one(target('regularMeetingsHeld', 'count', 10));
    expect(ten.expected).toBe(3); // floor(10 × 4 / 12)
    expect(ten.status).toBe('onTrack');
    // 31/10: 3 held, November and December left: 5 is still reachable, 10 is not
    const late = one(target('regularMeetingsHeld', 'count', 5), { today: '2026-10-31' });
    expect(late.expected).toBe(4);
    expect(late.status).toBe('behind');
    expect(late.warning).toEqual({ code: 'count', params: { months: 2, n: 2 } });
    const out = one(target('regularMeetingsHeld', 'count', 10), { today: '2026-10-31' });
    expect(out.status).toBe('unreachable');
    expect(out.warning?.code).toBe('countOut');
  });

  it('committeeComplete: says which part fails', () => {
    const t = target('committeeComplete', 'yesNo', 1);
    const r = one(t);
    expect(r.value).toBe(0);
    expect(r.evidence.why).toEqual([{ code: 'vacancies', params: { n: 1, size: 3 } }]);
    expect(r.status).toBe('behind');
    const full = [...baseYear().seats, { id: 's3', termId: 't1', memberId: 'm3', position: 'committeeMember' as const, from: '2025-06-01' }];
    // quarter 2 is still open on 15/05: only quarter 1 is judged, and it was held
    expect(one(t, { seats: full }).status).toBe('met');
    const q2missed = one(t, { seats: full, today: '2026-07-02' });
    expect(q2missed.evidence.why).toEqual([{ code: 'committeeMissed', params: { n: 1 } }]);
    expect(q2missed.evidence.missingMonths).toEqual(['2026-04']);
    expect(q2missed.status).toBe('unreachable');
    expect(one(t, { terms: [] }).evidence.why).toEqual([{ code: 'noTerm' }]);
  });

  it('activitiesOfKind, members admitted, Party introductions, projects, remittances', () => {
    expect(one(target('activitiesOfKind', 'count', 4, { ruleParam: 'green_sunday' })).evidence.activities).toEqual(['a1']);
    expect(one(target('activitiesOfKind', 'count', 4)).value).toBe(2);
    const adm = one(target('membersAdmitted', 'count', 2));
    expect(adm.value).toBe(1);
    expect(adm.evidence.memberEvents).toEqual(['e1']);
    expect(one(target('partyIntroductions', 'count', 1)).status).toBe('met');
    const proj = one(target('projectsAccepted', 'count', 1));
    expect(proj.value).toBe(0);
    expect(proj.evidence.why).toEqual([{ code: 'projectsGoing', params: { n: 1 } }]);
    const dues = one(target('duesRemittedMonths', 'count', 12));
    expect(dues.value).toBe(2);
    expect(dues.evidence.missingMonths).toEqual(['2026-03', '2026-04']);
    expect(dues.expected).toBe(3); // a month behind: Jan–Mar due by the end of April
    expect(dues.status).toBe('behind');
  });

  it('entered targets use the value entered', () => {
    const ent = one(target(undefined, 'count', 5, { source: 'entered', enteredValue: 3, enteredAt: '2026-05-01', evidenceNote: 'Biên bản số 3' }));
    expect(ent.value).toBe(3);
    expect(ent.status).toBe('onTrack'); // floor(5 × 4 / 12) = 1
    expect(ent.evidence).toEqual({ note: 'Biên bản số 3', enteredAt: '2026-05-01' });
  });

  it('otherTargetsMetPct: the share of the OTHER targets met, itself left out', () => {
    const others = [target('partyIntroductions', 'count', 1), target('membersAdmitted', 'count', 5), target('activitiesOfKind', 'count', 2)];
    const meta = target('otherTargetsMetPct', 'percent', 80);
    const meta2 = target('otherTargetsMetPct', 'percent', 50);
    const res = computeTargets([meta, ...others, meta2], baseYear());
    const m = res.find((r) => r.target.id === meta.id)!;
    expect(m.value).toBeCloseTo((2 / 3) * 100);
    expect(m.evidence.missingTargets).toEqual([others[1].id]);
    expect(res.map((r) => r.target.id)).toEqual([...others, meta, meta2].sort((a, b) => a.sortOrder - b.sortOrder).map((t) => t.id));
  });
});

describe('whose year', () => {
  it('a school year counts its months from September and judges on its own span', async () => {
    const { yearSpan: span2 } = await import('../../../src/protocol/year');
    const school = span2(2025, 'school');
    const meetings = [
      { id: 's1', kind: 'regular', status: 'held' as const, startsAt: '2025-09-12T19:30' },
      { id: 's2', kind: 'regular', status: 'held' as const, startsAt: '2025-10-12T19:30' },
      { id: 'old', kind: 'regular', status: 'held' as const, startsAt: '2025-05-12T19:30' }, // the school year before
    ];
    const r = computeTargets([target('regularMeetingsHeld', 'count', 9)], baseYear({ span: school, today: '2026-01-15', meetings }))[0];
    expect(r.value).toBe(2);
    expect(r.evidence.meetings).toEqual(['s1', 's2']);
    expect(r.evidence.missingMonths).toEqual(['2025-11', '2025-12']);
    expect(r.expected).toBe(3); // floor(9 × 4 / 12): September to December done
    expect(r.warning?.params.months).toBe(8);
  });
});

describe('template and copies', () => {
  it('the template: nine targets with the plan figures and fixed ids; copies keep or derive ids', async () => {
    const { templateTargets, copiedTargetId } = await import('../../../src/protocol/target-template');
    const tpl = templateTargets(2026);
    expect(tpl.map((t) => [t.id, t.rule, t.goal])).toEqual([
      ['target:2026:plan1', 'unitRatingLevel', 4],
      ['target:2026:plan2', 'goodOrBetterPct', 80],
      ['target:2026:plan3', 'trainingRegisteredPct', 100],
      ['target:2026:plan3:1', 'trainingCompletingPct', 90],
      ['target:2026:plan4', 'otherTargetsMetPct', 80],
      ['target:2026:plan5', 'projectsAccepted', 1],
      ['target:2026:plan6', 'committeeComplete', 1],
      ['target:2026:plan6:1', 'regularMeetingsHeld', 12],
      ['target:2026:plan6:2', 'reportsOnTime', 100],
    ]);
    expect(templateTargets(2026, 'quarterly').find((t) => t.rule === 'regularMeetingsHeld')?.goal).toBe(4);
    expect(copiedTargetId(2027, 'target:2026:plan3:1')).toBe('target:2027:plan3:1');
    expect(copiedTargetId(2027, '0190a3b2-0000-7000-8000-000000000001')).toBe('target:2027:c:0190a3b2-0000-7000-8000-000000000001');
    expect(copiedTargetId(2028, 'target:2027:c:0190a3b2-0000-7000-8000-000000000001')).toBe('target:2028:c:0190a3b2-0000-7000-8000-000000000001');
  });
});
