// The scorecard's columns: each picks its facts from the rule its screen uses, and is judged
// against the year's thresholds; the worst units first.
import { describe, expect, it } from 'vitest';
import {
  actionFacts, againstGoal, checkInFacts, duesFacts, lastReportFacts, meetingFacts, projectFacts, scorecardCells, scorecardGoals, worstFirst,
  type ScorecardRow,
} from '../../../src/protocol/scorecard-rules';
import { standingsOf, yearReportPeriods } from '../../../src/protocol/report-year-rules';
import { yearSpan } from '../../../src/protocol/year';

const TODAY = '2026-12-06';
const span = yearSpan(2026);
const meeting = (id: string, startsAt: string, status: 'held' | 'planned' | 'cancelled' = 'held', kind = 'regular') => ({ id, kind, startsAt, status });

/** A unit doing everything the plan asks, as of 6 December 2026. */
function row(over: Partial<ScorecardRow> = {}, name = 'Chi đoàn Khu phố 1'): ScorecardRow {
  return {
    unitId: name,
    name,
    today: TODAY,
    span,
    weak: false,
    goals: {},
    meeting: meetingFacts([meeting('a', '2026-12-03T19:30')], 'monthly', TODAY, []),
    members: { count: 100 },
    training: { roster: 100, registered: 100, registeredPct: 100, assessed: 95, completing: 92, completingPct: 92 },
    rating: { eligible: 100, goodOrBetter: 85, goodOrBetterPct: 85, undecided: 0 },
    targets: { onPace: 5, total: 6, slipping: [] },
    project: projectFacts([{ title: 'Đường hoa', stage: 'inProgress' }]),
    dues: duesFacts(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((period) => ({ period })), span, TODAY),
    report: { id: 'report:2026:q3', kind: 'quarter', year: 2026, index: 3, state: 'received', sent: 1, onTime: true, late: false, dueSoon: false, dueOn: '2026-10-10' },
    checkIn: checkInFacts([{ date: '2026-10-20' }, { date: '2026-07-15' }], TODAY),
    actions: actionFacts([{ status: 'open', dueOn: '2026-12-20' }], TODAY),
    ...over,
  };
}
const goals = scorecardGoals();
const cells = (over: Partial<ScorecardRow>) => scorecardCells(row(over), goals);

describe('scorecard cells', () => {
  it('a unit doing everything is good everywhere it can be judged', () => {
    expect(scorecardCells(row(), goals)).toEqual({
      meeting: 'good', members: 'none', training: 'good', rating: 'good', targets: 'good', project: 'good', dues: 'good', report: 'good', checkIn: 'good', actions: 'good',
    });
  });

  it('percentages: at the goal good, up to 10 points below a warning, further bad; nothing measured none', () => {
    expect(againstGoal(80, 0.8)).toBe('good');
    expect(againstGoal(79.9, 0.8)).toBe('warn');
    expect(againstGoal(70, 0.8)).toBe('warn');
    expect(againstGoal(69.9, 0.8)).toBe('bad');
    expect(againstGoal(undefined, 0.8)).toBe('none');
    expect(cells({ rating: { eligible: 100, goodOrBetter: 79, goodOrBetterPct: 79, undecided: 0 } }).rating).toBe('warn');
    expect(cells({ rating: { eligible: 100, goodOrBetter: 60, goodOrBetterPct: 60, undecided: 0 } }).rating).toBe('bad');
    expect(cells({ rating: { eligible: 0, goodOrBetter: 0, undecided: 0 } }).rating).toBe('none');
  });

  it("the year's own goals replace the plan's", () => {
    const r = row({ goals: { goodOrBetter: 0.9 } });
    expect(scorecardCells(r, scorecardGoals(r.goals)).rating).toBe('warn');
    expect(scorecardGoals({ registered: 0.95 })).toMatchObject({ registered: 0.95, completing: 0.9, goodOrBetter: 0.8, targetsOnPace: 0.8 });
  });

  it('training: the worse of registered (goal 100 %) and completing (goal 90 %)', () => {
    const t = (registeredPct: number, completingPct?: number) => cells({ training: { roster: 100, registered: registeredPct, registeredPct, assessed: 0, completing: 0, completingPct } }).training;
    expect(t(100, 90)).toBe('good');
    expect(t(99, 95)).toBe('warn');
    expect(t(100, 79)).toBe('bad');
    expect(t(100)).toBe('good');
    expect(cells({ training: { roster: 0, registered: 0, assessed: 0, completing: 0 } }).training).toBe('none');
  });

  it('targets: on pace of all, against 80 %', () => {
    const t = (onPace: number, total: number) => cells({ targets: { onPace, total, slipping: [] } }).targets;
    expect(t(4, 5)).toBe('good');
    expect(t(5, 7)).toBe('warn');
    expect(t(4, 6)).toBe('bad');
    expect(t(0, 0)).toBe('none');
  });

  it("the regular meeting: this month's as Home says it, and the year's months without one", () => {
    expect(cells({ meeting: meetingFacts([meeting('a', '2026-12-20T19:30', 'planned')], 'monthly', TODAY, []) }).meeting).toBe('good');
    const none = meetingFacts([meeting('a', '2026-12-01T19:30', 'cancelled'), meeting('b', '2026-12-02T19:30', 'held', 'committee')], 'monthly', TODAY, []);
    expect(none.current).toBe('missing');
    expect(cells({ meeting: none }).meeting).toBe('warn');
    expect(cells({ meeting: meetingFacts([meeting('a', '2026-12-03T19:30')], 'monthly', TODAY, ['2026-03']) }).meeting).toBe('warn');
    expect(cells({ meeting: meetingFacts([meeting('a', '2026-12-03T19:30')], 'monthly', TODAY, ['2026-03', '2026-07']) }).meeting).toBe('bad');
    // a quarterly unit: the quarter's meeting (held in October) counts for December
    expect(meetingFacts([meeting('a', '2026-10-03T19:30')], 'quarterly', TODAY, []).current).toBe('held');
  });

  it('a unit that started its book this year has missed no month, slip or check-in before it started', () => {
    const since = '2026-11-20';
    expect(meetingFacts([meeting('a', '2026-12-03T19:30')], 'monthly', TODAY, ['2026-03', '2026-07', '2026-11'], since).missedMonths).toEqual(['2026-11']);
    expect(duesFacts([], span, TODAY, since).missing).toEqual(['2026-11']);
    expect(duesFacts([], span, TODAY).missing).toHaveLength(11);
    const fresh = checkInFacts([], TODAY, since);
    expect([fresh.missedQuarters, fresh.previousMissed]).toEqual([[], false]);
    expect(checkInFacts([], TODAY, '2026-08-01').missedQuarters).toEqual([3]);
    expect(checkInFacts([], TODAY).missedQuarters).toEqual([1, 2, 3]);
  });

  it('dues: remitted through the last month of the unbroken run; ended months without a slip', () => {
    const d = duesFacts([{ period: '2026-01' }, { period: '2026-02' }, { period: '2026-04' }, { period: '2026-03', deleted: true }], span, '2026-05-15');
    expect(d).toEqual({ through: '2026-02', missing: ['2026-03'] });
    expect(cells({ dues: d }).dues).toBe('warn');
    expect(cells({ dues: duesFacts([], span, '2026-03-02') }).dues).toBe('bad');
    expect(duesFacts([], span, '2026-01-20')).toEqual({ through: undefined, missing: [] });
    // nothing remitted, nothing due yet: not "Đạt" (found in use: "✓ Đạt — chưa nộp tháng nào")
    expect(cells({ dues: duesFacts([], span, '2026-01-20') }).dues).toBe('none');
  });

  it('the youth project: the furthest along; none by mid-year is bad', () => {
    expect(projectFacts([{ title: 'A', stage: 'dropped' }, { title: 'B', stage: 'planApproved' }, { title: 'C', stage: 'registered' }])).toEqual({ count: 3, stage: 'planApproved', title: 'B' });
    expect(cells({ project: projectFacts([{ title: 'B', stage: 'planApproved' }]) }).project).toBe('warn');
    expect(cells({ project: projectFacts([{ title: 'B', stage: 'accepted' }]) }).project).toBe('good');
    expect(cells({ project: projectFacts([{ title: 'A', stage: 'dropped' }]) }).project).toBe('bad');
    expect(scorecardCells(row({ today: '2026-06-30', project: projectFacts([]) }), goals).project).toBe('warn');
    expect(scorecardCells(row({ today: '2026-07-01', project: projectFacts([]) }), goals).project).toBe('bad');
  });

  it("the last report: the latest ended period's, through report-status", () => {
    const periods = yearReportPeriods(2026, 'calendar');
    const records = (versions: { reportId: string; version: number; submittedAt: string; dueOn?: string }[]) => ({ rows: [], versions, reviews: [], dueDays: 10 });
    // 6 December: Q3 (due 10 October) is the latest ended; not sent → late → bad
    const notSent = lastReportFacts(standingsOf(periods, records([]), TODAY), TODAY);
    expect(notSent).toMatchObject({ id: 'report:2026:q3', state: 'notStarted', late: true });
    expect(cells({ report: notSent }).report).toBe('bad');
    const late = lastReportFacts(standingsOf(periods, records([{ reportId: 'report:2026:q3', version: 1, submittedAt: '2026-10-12T08:00', dueOn: '2026-10-10' }]), TODAY), TODAY);
    expect(late).toMatchObject({ state: 'submitted', onTime: false });
    expect(cells({ report: late }).report).toBe('warn');
    // 3 July: Q2 and H1 ended on 30 June; the quarter is the one shown, due 10 July: soon
    const soon = lastReportFacts(standingsOf(periods, records([]), '2026-07-03'), '2026-07-03');
    expect(soon).toMatchObject({ id: 'report:2026:q2', dueSoon: true, late: false });
    expect(cells({ report: soon }).report).toBe('warn');
    // due before the unit began in the app: out of sight
    expect(lastReportFacts(standingsOf(periods, records([]), TODAY), TODAY, '2026-11-01')).toBeUndefined();
    expect(cells({ report: undefined }).report).toBe('none');
  });

  it('check-ins: this quarter held good; the quarter before missed bad; else a warning', () => {
    expect(cells({ checkIn: checkInFacts([{ date: '2026-08-01' }], TODAY) }).checkIn).toBe('warn');
    const missed = checkInFacts([{ date: '2026-05-01' }, { date: '2026-11-01', deleted: true }], TODAY);
    expect(missed).toMatchObject({ last: '2026-05-01', quarter: 4, heldThisQuarter: 0, previousMissed: true, missedQuarters: [1, 3] });
    expect(cells({ checkIn: missed }).checkIn).toBe('bad');
    // in January the quarter before is last year's fourth
    expect(checkInFacts([{ date: '2025-11-30' }], '2026-01-10')).toMatchObject({ quarter: 1, previousMissed: false });
    expect(checkInFacts([], '2026-01-10').previousMissed).toBe(true);
  });

  it('actions: one overdue is bad; open within their dates fine; none at all nothing to judge', () => {
    const a = actionFacts([{ status: 'open', dueOn: '2026-12-01' }, { status: 'open', dueOn: '2026-11-15' }, { status: 'done', dueOn: '2026-10-01' }, { status: 'open', dueOn: '2026-12-06' }, { status: 'open', dueOn: '2026-01-01', deleted: true }], TODAY);
    expect(a).toEqual({ open: 3, overdue: 2, oldestDue: '2026-11-15' });
    expect(cells({ actions: a }).actions).toBe('bad');
    expect(cells({ actions: actionFacts([], TODAY) }).actions).toBe('none');
  });
});

describe('worst first', () => {
  it('more bad cells first, then more warnings, then by name', () => {
    const fine = row({}, 'Chi đoàn Ấp Bắc');
    const oneWarn = row({ dues: { through: '2026-10', missing: ['2026-11'] } }, 'Chi đoàn Bình An');
    const twoWarn = row({ dues: { through: '2026-10', missing: ['2026-11'] }, actions: actionFacts([], TODAY), checkIn: checkInFacts([{ date: '2026-08-01' }], TODAY) }, 'Chi đoàn Cầu Kho');
    const oneBad = row({ rating: { eligible: 10, goodOrBetter: 5, goodOrBetterPct: 50, undecided: 0 } }, 'Chi đoàn Zeta');
    const oneBadToo = row({ report: { ...row().report!, sent: 0, state: 'draft', late: true } }, 'Chi đoàn An Phú');
    expect(worstFirst([fine, twoWarn, oneBad, oneWarn, oneBadToo]).map((r) => r.name)).toEqual([
      'Chi đoàn An Phú', 'Chi đoàn Zeta', 'Chi đoàn Cầu Kho', 'Chi đoàn Bình An', 'Chi đoàn Ấp Bắc',
    ]);
  });
});
