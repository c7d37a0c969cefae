// A school unit's semester and year by hand (issue 10: "a school-year half-year"): training,
// projects' stages on the day computed, ratings on year reports only, the year's targets.
import { describe, expect, it } from 'vitest';
import { computeReportFigures } from '../../../src/protocol/report-figures';
import { reportPeriod } from '../../../src/protocol/report-period';
import { reportFigures } from '../../../src/protocol/report-figures-schema';
import type { TargetLike } from '../../../src/protocol/target-rules';
import { emptyInputs, event, member, members } from './figures-inputs';

// School year 2025 = 01/09/2025–31/08/2026; học kỳ I = September–February.
const semester = reportPeriod('half_year', 2025, 1, 'school');
const schoolYear = reportPeriod('year', 2025, 1, 'school');

// m01–m07 here since 2020; m08 transferred out 10/01/2026; m09 admitted 15/10/2025.
// Registrations of 2025: m01–m06 on 20/09/2025; m07 on 05/03/2026 (after the semester);
// m08 (gone by 28/02). Outcomes: m01 excellent, m02 good, m03 not completed.
// Ratings of 2025: m01 excellent, m02 good, m03 good, m04 completed, m05 not completed, m08
// excellent (m08 stayed 01/09–10/01, < 6 months: cannot be rated). The unit proposes "good".
const reg = (memberId: string, registeredAt: string, outcome: '' | 'excellent' | 'good' | 'not_completed' = '') => ({ memberId, itemIds: [], registeredAt, outcome });
function school() {
  return emptyInputs(2025, 'school', {
    members: [...members(8), member('m09', { admissionDate: '2025-10-15' })],
    memberEvents: [event('e1', 'm08', 'transfer_out', '2026-01-10'), event('e2', 'm09', 'admission', '2025-10-15')],
    registrations: [
      reg('m01', '2025-09-20', 'excellent'), reg('m02', '2025-09-20', 'good'), reg('m03', '2025-09-20', 'not_completed'),
      reg('m04', '2025-09-20'), reg('m05', '2025-09-20'), reg('m06', '2025-09-20'), reg('m07', '2026-03-05'), reg('m08', '2025-09-20'),
    ],
    ratings: [
      { memberId: 'm01', level: 'excellent' as const }, { memberId: 'm02', level: 'good' as const }, { memberId: 'm03', level: 'good' as const },
      { memberId: 'm04', level: 'completed' as const }, { memberId: 'm05', level: 'not_completed' as const }, { memberId: 'm08', level: 'excellent' as const },
    ],
    unitRating: { level: 'good' as const },
    youthProjects: [
      // accepted 15/02: accepted within the semester
      { id: 'p1', year: 2025, title: 'Thư viện xanh', stage: 'accepted' as const, registeredOn: '2025-09-10', planApprovedOn: '2025-10-01', startedOn: '2025-11-01', completedOn: '2026-01-20', acceptedOn: '2026-02-15' },
      // plan approved 10/03: only registered on 28/02
      { id: 'p2', year: 2025, title: 'Sân bóng', stage: 'planApproved' as const, registeredOn: '2025-12-01', planApprovedOn: '2026-03-10' },
      // registered after the semester: left out
      { id: 'p3', year: 2025, title: 'Góc học tập', stage: 'registered' as const, registeredOn: '2026-03-15' },
      // another year's: left out
      { id: 'p4', year: 2024, title: 'Cũ', stage: 'accepted' as const, registeredOn: '2024-09-10' },
      { id: 'p5', year: 2025, title: 'Bỏ', stage: 'dropped' as const, registeredOn: '2025-09-15', droppedOn: '2026-01-05' },
    ],
  });
}

describe('a school unit’s semester', () => {
  const f = computeReportFigures(school(), semester, '2026-02-28');

  it('is valid against the schema, with no ratings (year reports only) and no targets (none set)', () => {
    expect(reportFigures.safeParse(f).success).toBe(true);
    expect(f.ratings).toBeUndefined();
    expect(f.targets).toBeUndefined();
    expect('targets' in f).toBe(false);
  });

  it('counts the semester’s head count', () => {
    // 01/09/2025: m01–m08 = 8 (m09 not yet admitted); 28/02/2026: m01–m07 + m09 = 8
    expect(f.membership).toMatchObject({ start: 8, end: 8, admitted: 1, transferredOut: 1 });
  });

  it('counts training over the roster of the day computed', () => {
    // roster m01–m07, m09 = 8; registered by 28/02: m01–m06 = 6 → 6/8 = 75 %;
    // assessed m01, m02, m03 = 3; completing (completed or better) m01, m02 = 2 → 2/8 = 25 %
    expect(f.training).toEqual({ v: 1, year: 2025, roster: 8, registered: 6, registeredPct: 75, assessed: 3, completing: 2, completingPct: 25 });
  });

  it('shows each project at the stage it stood on the day computed', () => {
    expect(f.projects.items).toEqual([
      { id: 'p1', title: 'Thư viện xanh', stage: 'accepted', acceptedInPeriod: true },
      { id: 'p5', title: 'Bỏ', stage: 'dropped', acceptedInPeriod: false },
      { id: 'p2', title: 'Sân bóng', stage: 'registered', acceptedInPeriod: false },
    ]);
  });
});

describe('a school unit’s year', () => {
  it('carries the ratings: levels over the members who can be rated', () => {
    const f = computeReportFigures(school(), schoolYear, '2026-08-31');
    // can be rated: m01–m07 (all year), m09 (15/10–31/08, 10 months) = 8; not m08 (4 months)
    // decided: m01 excellent, m02 good, m03 good, m04 completed, m05 not completed = 5 → 3 undecided
    // good or better: 3 / 8 = 37.5 %
    expect(f.ratings).toEqual({ v: 1, eligible: 8, excellent: 1, good: 2, completed: 1, notCompleted: 1, undecided: 3, goodOrBetterPct: 37.5, unitLevel: 'good' });
    // the semester's p1 was accepted in this year too; p3 registered 15/03 is now in
    expect(f.projects.items.map((p) => [p.id, p.stage, p.acceptedInPeriod])).toEqual([
      ['p1', 'accepted', true], ['p5', 'dropped', false], ['p2', 'planApproved', false], ['p3', 'registered', false],
    ]);
    expect(reportFigures.safeParse(f).success).toBe(true);
  });
});

describe('the year’s targets', () => {
  const target = (over: Partial<TargetLike>): TargetLike => ({ id: 't', title: 't', measure: 'count', goal: 1, source: 'computed', sortOrder: 0, ...over });

  it('computes each target of the year on the day computed', () => {
    const targets = [
      target({ id: 't1', title: '100 % đoàn viên đăng ký', measure: 'percent', goal: 100, rule: 'trainingRegisteredPct', sortOrder: 1 }),
      target({ id: 't2', title: 'Kết nạp 4 đoàn viên', measure: 'count', goal: 4, source: 'entered', enteredValue: 3, sortOrder: 2 }),
      target({ id: 't3', title: 'Một công trình được nghiệm thu', measure: 'count', goal: 1, rule: 'projectsAccepted', sortOrder: 3 }),
      target({ id: 't4', title: 'Kết nạp', measure: 'count', goal: 2, rule: 'membersAdmitted', sortOrder: 4 }),
      { ...target({ id: 't5', rule: 'membersAdmitted' }), deleted: true },
    ];
    const inputs = school();
    // m10 admitted 01/04/2026, after the semester: the year's screen on 28/02 had not seen it
    const f = computeReportFigures(
      { ...inputs, targets, members: [...inputs.members, member('m10', { admissionDate: '2026-04-01' })], memberEvents: [...inputs.memberEvents, event('e3', 'm10', 'admission', '2026-04-01')] },
      semester,
      '2026-02-28',
    );
    // t1: 6 registered of 8 = 75 of 100 → 75 %; registration was due by November: behind
    // t2: entered 3 of 4 → 75 %; a count builds up over the year: half the year gone, 2 of 4
    //     expected → on track; t3: p1 accepted → 1 of 1 = 100 %, met
    // t4: admissions up to 28/02: m09 only → 1 of 2 = 50 %, on track (1 expected by half-year)
    expect(f.targets).toEqual({
      v: 1,
      year: 2025,
      items: [
        { id: 't1', title: '100 % đoàn viên đăng ký', measure: 'percent', value: 75, goal: 100, pct: 75, status: 'behind' },
        { id: 't2', title: 'Kết nạp 4 đoàn viên', measure: 'count', value: 3, goal: 4, pct: 75, status: 'onTrack' },
        { id: 't3', title: 'Một công trình được nghiệm thu', measure: 'count', value: 1, goal: 1, pct: 100, status: 'met' },
        { id: 't4', title: 'Kết nạp', measure: 'count', value: 1, goal: 2, pct: 50, status: 'onTrack' },
      ],
    });
  });

  // Found in use: every report sent upward said "reports sent on time: 0 %, out of reach" while
  // the year's screen showed 100 %: the report's inputs carried no reports.
  it('counts the reports sent on time as the year’s screen does, as of the day computed', () => {
    const q2 = reportPeriod('quarter', 2026, 2);
    const cal = emptyInputs(2026, 'calendar', {
      members: members(4),
      targets: [target({ id: 'r', title: 'Báo cáo đúng hạn', measure: 'percent', goal: 100, rule: 'reportsOnTime', sortOrder: 1 })],
      reports: {
        rows: [{ id: 'report:2026:q1', status: 'submitted', version: 1 }, { id: 'report:2026:q2', status: 'submitted', version: 1 }],
        // Q1 sent on time; Q2 sent after the day its figures are computed
        versions: [
          { reportId: 'report:2026:q1', version: 1, submittedAt: '2026-04-05T09:00:00.000Z', dueOn: '2026-04-10' },
          { reportId: 'report:2026:q2', version: 1, submittedAt: '2026-07-20T09:00:00.000Z', dueOn: '2026-07-10' },
        ],
        reviews: [],
        dueDays: 10,
        since: '2026-01-05',
      },
    });
    const item = (asOf: string) => computeReportFigures(cal, q2, asOf).targets!.items[0];
    // on 30/06 only Q1 is due, sent on time: 100 %, met so far
    expect(item('2026-06-30')).toMatchObject({ value: 100, status: expect.not.stringMatching(/unreachable/) });
    // on 15/07 Q2 and H1 are due too (10/07), Q2 not sent by then: 1 of 3, 100 % out of reach
    expect(item('2026-07-15')).toMatchObject({ value: 33.3, status: 'unreachable' });
  });

  it('leaves out the ratings decided after the day computed', () => {
    const q1 = reportPeriod('quarter', 2026, 1);
    const cal = emptyInputs(2026, 'calendar', {
      members: members(2),
      targets: [target({ id: 'u', title: 'Chi đoàn xếp loại Tốt', measure: 'count', goal: 1, rule: 'unitRatingLevel', sortOrder: 1 })],
      ratings: [{ memberId: 'm01', level: 'excellent' as const, decidedAt: '2026-12-10' }],
      unitRating: { level: 'good' as const, decidedAt: '2026-12-12' },
    });
    expect(computeReportFigures(cal, q1, '2026-03-31').targets!.items[0].value).toBeUndefined();
    expect(computeReportFigures(cal, reportPeriod('year', 2026, 1), '2026-12-31').targets!.items[0].value).toBeDefined();
  });
});
