// meetings-v1 and activities-v1 by hand (issue 10: "a meeting across a month boundary", months
// without a regular meeting, attendance per kind and on average, activities with participants).
import { describe, expect, it } from 'vitest';
import { meetingsFigure } from '../../../src/protocol/report-figures/meetings';
import { activitiesFigure } from '../../../src/protocol/report-figures/activities';
import { reportPeriod } from '../../../src/protocol/report-period';
import { emptyInputs, held, members, roll } from './figures-inputs';

const q2 = reportPeriod('quarter', 2026, 2); // April–June

// Regular meetings: March's held late, on 01/04 19:30 (→ April), none in May, June's on 12/06;
// a regular meeting planned for 30/06 (not held) and one cancelled in May do not count; one held
// on 31/03 is Q1's. A thematic meeting on 19/05, a committee meeting on 05/04 with no roll.
const meetings = [
  held('reg-mar', 'regular', '2026-04-01T19:30'),
  held('reg-jun', 'regular', '2026-06-12T19:30'),
  { id: 'reg-plan', kind: 'regular', status: 'planned' as const, startsAt: '2026-06-30T19:30' },
  { id: 'reg-cancel', kind: 'regular', status: 'cancelled' as const, startsAt: '2026-05-15T19:30' },
  held('reg-q1', 'regular', '2026-03-31T19:30'),
  held('them', 'thematic', '2026-05-19T08:00'),
  held('bch', 'committee', '2026-04-05T19:30'),
  { ...held('gone', 'regular', '2026-05-10T19:30'), deleted: true },
];

// Rolls (m01–m10, all in the unit: each roll's roster is the 10, as the minutes count it):
//   reg-mar: 8 present, 1 late, 1 absent_excused                → 9 / 10 = 90 %
//   reg-jun: 6 present, 2 absent_unexcused, 2 unmarked          → 6 / 10 = 60 %
//   them:    4 present, 1 absent_excused, 5 unmarked            → 4 / 10 = 40 %
//   reg-q1:  everyone present (outside the quarter: ignored)
const ids = members(10).map((m) => m.id);
const marks = (statuses: string[]) => Object.fromEntries(statuses.map((s, i) => [ids[i], s]));
const attendance = [
  ...roll('reg-mar', marks([...Array(8).fill('present'), 'late', 'absent_excused'])),
  ...roll('reg-jun', marks([...Array(6).fill('present'), 'absent_unexcused', 'absent_unexcused'])),
  ...roll('them', marks([...Array(4).fill('present'), 'absent_excused'])),
  ...roll('reg-q1', marks(Array(10).fill('present'))),
  { ...roll('them', { m09: 'present' })[0], deleted: true },
];

describe('meetings of a quarter', () => {
  const inputs = emptyInputs(2026, 'calendar', { members: members(10), meetings, attendance });

  it('counts a meeting in the month it was held, with attendance per kind and on average', () => {
    const f = meetingsFigure(inputs, q2, '2026-06-30');
    expect(f.byKind).toEqual([
      // regular: (90 + 60) / 2 = 75
      { kind: 'regular', held: 2, attendancePct: 75 },
      { kind: 'thematic', held: 1, attendancePct: 40 },
      // the committee meeting took no roll: held, no rate
      { kind: 'committee', held: 1, attendancePct: undefined },
    ]);
    // the average of the meetings that took a roll: (0.9 + 0.6 + 0.4) / 3 = 0.6333… → 63.3
    expect(f.attendancePct).toBe(63.3);
    expect(f.regularHeld).toBe(2);
    // April has the late March meeting, June has its own: May has none
    expect(f.monthsWithoutRegular).toEqual(['2026-05']);
  });

  it("counts over the minutes' roster: frozen when finalized, the sub-group's, and the head count on the day", () => {
    const people = [...members(6, { subGroup: 'Tổ 1' }), ...members(10).slice(6).map((m) => ({ ...m, subGroup: 'Tổ 2' }))];
    const f = meetingsFigure(
      emptyInputs(2026, 'calendar', {
        members: people,
        // m10 joined on 15/05: not on April's roll
        memberEvents: [{ id: 'ev-join', memberId: 'm10', kind: 'transfer_in', date: '2026-05-15' }],
        meetings: [
          { ...held('to1', 'thematic', '2026-04-10T19:00'), subGroup: 'Tổ 1' },
          held('apr', 'regular', '2026-04-20T19:00'),
          held('fin', 'regular', '2026-05-20T19:00'),
        ],
        attendance: [
          // Tổ 1's meeting: 3 of its 6 present → 50 %
          ...roll('to1', marks(['present', 'present', 'present'])),
          // April: 9 in the unit that day (m10 not yet), 6 present → 66.7 %
          ...roll('apr', marks(Array(6).fill('present'))),
          // May's minutes were finalized with 8 of 12 (two guests' rows do not matter): 66.7 %
          ...roll('fin', marks(['present'])),
        ],
        minutes: [{ id: 'fin', status: 'finalized', attendance: { total: 12, present: 8 } }],
      }),
      q2,
      '2026-06-30',
    );
    expect(f.byKind).toEqual([
      { kind: 'regular', held: 2, attendancePct: 66.7 },
      { kind: 'thematic', held: 1, attendancePct: 50 },
    ]);
  });

  it('leaves the running month out of the months without a meeting', () => {
    // as of 20/05: April held (01/04); May is not over yet
    expect(meetingsFigure(inputs, q2, '2026-05-20').monthsWithoutRegular).toEqual([]);
    // as of 31/05: May is over with no regular meeting
    expect(meetingsFigure(inputs, q2, '2026-05-31').monthsWithoutRegular).toEqual(['2026-05']);
  });

  it('gives the first quarter its meeting of 31/03 and not the late one of 01/04', () => {
    const f = meetingsFigure(inputs, reportPeriod('quarter', 2026, 1), '2026-03-31');
    expect(f.byKind).toEqual([{ kind: 'regular', held: 1, attendancePct: 100 }]);
    // January and February had none
    expect(f.monthsWithoutRegular).toEqual(['2026-01', '2026-02']);
  });

  it('has no rate when nothing was held', () => {
    const f = meetingsFigure(emptyInputs(2026), q2, '2026-06-30');
    expect(f).toEqual({ v: 1, byKind: [], attendancePct: undefined, regularHeld: 0, monthsWithoutRegular: ['2026-04', '2026-05', '2026-06'] });
  });
});

describe('activities of a quarter', () => {
  it('counts the done activities by kind with the members marked attending', () => {
    const activities = [
      { id: 'cn1', kind: 'green_sunday', status: 'held', date: '2026-04-12' },
      { id: 'cn2', kind: 'green_sunday', status: 'held', date: '2026-06-14' },
      { id: 'tn', kind: 'volunteer_saturday', status: 'held', date: '2026-05-09' },
      { id: 'plan', kind: 'green_sunday', status: 'planned', date: '2026-06-28' },
      // cancelled: not done, though its roll was taken before it was called off
      { id: 'off', kind: 'green_sunday', status: 'cancelled', date: '2026-05-24' },
      { id: 'old', kind: 'youth_month', status: 'held', date: '2026-03-26' },
    ];
    const attendance = [
      // cn1: 5 present + 1 late = 6 (2 absent do not take part)
      ...roll('cn1', { m01: 'present', m02: 'present', m03: 'present', m04: 'present', m05: 'present', m06: 'late', m07: 'absent_excused', m08: 'absent_unexcused' }),
      // cn2: 3 present; the same members again count again (turns, not people)
      ...roll('cn2', { m01: 'present', m02: 'present', m03: 'present' }),
      // tn: nobody marked → 0 participants
      ...roll('old', { m01: 'present' }),
      ...roll('off', { m01: 'present', m02: 'present' }),
    ];
    const f = activitiesFigure(emptyInputs(2026, 'calendar', { activities, attendance }), q2, '2026-06-30');
    expect(f).toEqual({
      v: 1,
      byKind: [
        { kind: 'green_sunday', count: 2, participants: 9 }, // 6 + 3
        { kind: 'volunteer_saturday', count: 1, participants: 0 },
      ],
      total: 3,
      participants: 9,
    });
  });
});
