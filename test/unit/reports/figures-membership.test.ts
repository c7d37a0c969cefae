// membership-v1 and recognition-v1 on a hand-computed quarter (issue 10: "a quarter with
// transfers in and out, a member who turns 30").
import { describe, expect, it } from 'vitest';
import { computeReportFigures } from '../../../src/protocol/report-figures';
import { membershipFigure } from '../../../src/protocol/report-figures/membership';
import { reportPeriod } from '../../../src/protocol/report-period';
import { reportFigures } from '../../../src/protocol/report-figures-schema';
import { emptyInputs, event, member, members } from './figures-inputs';

const q1 = reportPeriod('quarter', 2026, 1);

// Ten members here since 2020 (m01–m10; m01–m06 in "Tổ 1", m07–m10 in "Tổ 2"), and:
//   m11 transferred in on 15/02 (Tổ 2)          — not here on 01/01, here on 31/03
//   m03 transferred out on 10/03                — here on 01/01, gone on 31/03
//   m12 admitted on 26/03 (no sub-group)        — not here on 01/01, here on 31/03
//   m04 graduated on 31/03                      — the leaving day still counts: here on 31/03
//   m05 struck off on 01/01 (and status struck_off) — here on 01/01 (the leaving day), gone after
//   m13 transferred out on 20/12/2025           — in neither count, nor in the quarter's moves
//   m06 born 14/02/1996: 30 on 14/02/2026, still here                          → turned30
//   m07 born 01/04/1996: 30 on 01/04, after the quarter                        → not counted
//   m03 born 01/02/1996: 30 in the quarter, but transferred out by 31/03         → not counted
//   m08 reprimanded 05/02, card issued to m11 on 20/02 and m12 on 30/03, m09 commended 19/05
//   (after the quarter), m10 introduced to the Party 03/02 and admitted 28/03.
//   A deleted event (admission of m09 on 01/02) and an archived member (m14) are skipped.
function quarter() {
  const ms = [
    ...members(10).map((m, i) => ({ ...m, subGroup: i < 6 ? 'Tổ 1' : 'Tổ 2' })),
    member('m11', { admissionDate: '2019-01-01', subGroup: 'Tổ 2' }),
    member('m12', { admissionDate: '2026-03-26' }),
    member('m13', { status: 'transferred_out' }),
    member('m14', { archivedAt: '2026-01-02T00:00:00Z' }),
  ];
  ms[5].dateOfBirth = '1996-02-14';
  ms[6].dateOfBirth = '1996-04-01';
  ms[2].dateOfBirth = '1996-02-01';
  ms[4].status = 'struck_off';
  ms[3].status = 'graduated';
  ms[2].status = 'transferred_out';
  return emptyInputs(2026, 'calendar', {
    subGroups: ['Tổ 1', 'Tổ 2', 'Tổ 3'],
    members: ms,
    memberEvents: [
      event('e1', 'm11', 'transfer_in', '2026-02-15'),
      event('e2', 'm03', 'transfer_out', '2026-03-10'),
      event('e3', 'm12', 'admission', '2026-03-26'),
      event('e4', 'm04', 'graduation', '2026-03-31'),
      event('e5', 'm05', 'struck_off', '2026-01-01'),
      event('e6', 'm13', 'transfer_out', '2025-12-20'),
      event('e7', 'm08', 'discipline', '2026-02-05', 'reprimand'),
      event('e8', 'm11', 'card_issued', '2026-02-20'),
      event('e9', 'm12', 'card_issued', '2026-03-30'),
      event('e10', 'm09', 'commendation', '2026-05-19'),
      event('e11', 'm10', 'party_introduction', '2026-02-03'),
      event('e12', 'm10', 'party_admission', '2026-03-28'),
      { ...event('e13', 'm09', 'admission', '2026-02-01'), deleted: true },
    ],
  });
}

describe('membership over a quarter with transfers in and out', () => {
  it('counts the start and end, the moves and who turned 30', () => {
    const f = membershipFigure(quarter(), q1, '2026-03-31');
    // start 01/01: m01–m10 (10; m05 struck off that very day still counts) = 10
    // end 31/03: m01–m10 − m03 (out) − m05 (struck off) + m11 + m12 = 10 (m04 graduates that day: still here)
    expect(f.start).toBe(10);
    expect(f.end).toBe(10);
    expect(f).toMatchObject({ admitted: 1, transferredIn: 1, transferredOut: 1, graduated: 1, struckOff: 1, disciplined: 1, cardsIssued: 2, turned30: 1 });
    // Tổ 1 (m01–m06): start 6; end 6 − m03 − m05 = 4. Tổ 2 (m07–m10, m11): start 4, end 5.
    // Tổ 3 has nobody; m12 has no sub-group.
    expect(f.groups).toEqual([
      { name: 'Tổ 1', start: 6, end: 4 },
      { name: 'Tổ 2', start: 4, end: 5 },
      { name: 'Tổ 3', start: 0, end: 0 },
    ]);
  });

  it('counts up to the day computed while the quarter runs', () => {
    // as of 20/02: m11 is in (15/02), m03 not yet out; m05 out since 01/01 → 10 − 1 + 1 = 10;
    // moves up to 20/02: transfer in, struck off, reprimand, one card; turned 30: m06 (14/02)
    // and m03 (01/02), who has not left yet on 20/02 → 2.
    const f = membershipFigure(quarter(), q1, '2026-02-20');
    expect(f).toMatchObject({ start: 10, end: 10, admitted: 0, transferredIn: 1, transferredOut: 0, graduated: 0, struckOff: 1, disciplined: 1, cardsIssued: 1, turned30: 2 });
  });

  it('counts commendations, discipline and the Party in recognition, valid against the schema', () => {
    const f = computeReportFigures(quarter(), q1, '2026-03-31');
    // m09's commendation (19/05) is after the quarter
    expect(f.recognition).toEqual({ v: 1, commended: 0, disciplined: 1, introducedToParty: 1, admittedToParty: 1 });
    expect(f.ratings).toBeUndefined();
    expect(f.targets).toBeUndefined();
    expect(reportFigures.safeParse(f).success).toBe(true);
  });

  it('lists a sub-group a member carries that the unit no longer lists, after the unit’s own', () => {
    const inputs = quarter();
    const f = membershipFigure({ ...inputs, subGroups: ['Tổ 2'], members: [...inputs.members, member('m15', { subGroup: 'Ban cũ' })] }, q1, '2026-03-31');
    expect(f.groups.map((g) => g.name)).toEqual(['Tổ 2', 'Ban cũ', 'Tổ 1']);
  });
});
