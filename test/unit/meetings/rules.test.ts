// Rules of the meetings issue: the tap cycle, live counts, participation, the 3-month
// strike-off warning, the meeting-due warning and the minutes' attendance block.
import { describe, expect, it } from 'vitest';
import { countRoll, nextStatus, participation, regularMeetingDue, unexcusedAbsenceWarnings } from '../../../src/protocol/attendance-rules';
import { attendanceLines, buildAttendanceSnapshot, minutesSubtitle, timeLine, voteLine } from '../../../src/protocol/minutes-text';

describe('roll', () => {
  it('one tap cycles present → late → excused → unexcused → present', () => {
    const seen = [nextStatus(undefined)];
    for (let i = 0; i < 4; i++) seen.push(nextStatus(seen[seen.length - 1]));
    expect(seen).toEqual(['present', 'late', 'absent_excused', 'absent_unexcused', 'present']);
  });
  it('counts only the roster, with unmarked members', () => {
    const c = countRoll(['a', 'b', 'c', 'd'], [
      { memberId: 'a', status: 'present' },
      { memberId: 'b', status: 'late' },
      { memberId: 'c', status: 'absent_excused' },
      { memberId: 'z', status: 'present' },
    ]);
    expect(c).toEqual({ total: 4, present: 1, late: 1, absentExcused: 1, absentUnexcused: 0, unmarked: 1 });
  });
});

describe('participation and the strike-off warning', () => {
  const events = [
    { id: 'jan', date: '2026-01-10' },
    { id: 'feb', date: '2026-02-10' },
    { id: 'feb2', date: '2026-02-25' },
    { id: 'mar', date: '2026-03-10' },
    { id: 'old', date: '2025-12-10' },
  ];
  const facts = [
    { eventId: 'jan', memberId: 'x', status: 'absent_unexcused' as const },
    { eventId: 'feb', memberId: 'x', status: 'absent_unexcused' as const },
    { eventId: 'feb2', memberId: 'x', status: 'absent_unexcused' as const },
    { eventId: 'mar', memberId: 'x', status: 'present' as const },
    { eventId: 'old', memberId: 'y', status: 'absent_unexcused' as const },
    { eventId: 'jan', memberId: 'y', status: 'absent_unexcused' as const },
    { eventId: 'feb', memberId: 'y', status: 'absent_unexcused' as const },
  ];
  it('rates attendance over the marked events of the year', () => {
    expect(participation('x', events, facts, 2026)).toEqual({ marked: 4, attended: 1, absentUnexcused: 3, rate: 0.25 });
    expect(participation('nobody', events, facts, 2026).rate).toBeUndefined();
  });
  it('warns only at 3 distinct months within the year', () => {
    // x: 3 absences but in 2 months (Jan, Feb); y: 3 absences but one is last year
    expect(unexcusedAbsenceWarnings(events, facts, 2026)).toEqual([]);
    const more = [...facts, { eventId: 'mar', memberId: 'y', status: 'absent_unexcused' as const }];
    expect(unexcusedAbsenceWarnings(events, more, 2026)).toEqual([{ memberId: 'y', months: ['2026-01', '2026-02', '2026-03'] }]);
  });
});

describe('the regular meeting warning', () => {
  const m = (startsAt: string, status: 'planned' | 'held' | 'cancelled', kind = 'regular') => ({ kind, startsAt, status });
  it('monthly: missing, planned, held', () => {
    expect(regularMeetingDue([], 'monthly', '2026-11-28').state).toBe('missing');
    expect(regularMeetingDue([m('2026-11-30T19:00', 'planned')], 'monthly', '2026-11-28').state).toBe('planned');
    expect(regularMeetingDue([m('2026-11-05T19:00', 'held')], 'monthly', '2026-11-28').state).toBe('held');
    expect(regularMeetingDue([m('2026-11-05T19:00', 'cancelled'), m('2026-11-06T19:00', 'held', 'committee')], 'monthly', '2026-11-28').state).toBe('missing');
  });
  it('quarterly where cấp trên agreed: any month of the quarter counts', () => {
    expect(regularMeetingDue([m('2026-10-05T19:00', 'held')], 'quarterly', '2026-11-28')).toEqual({ state: 'held', months: ['2026-10', '2026-11', '2026-12'] });
    expect(regularMeetingDue([m('2026-09-05T19:00', 'held')], 'quarterly', '2026-11-28').state).toBe('missing');
  });
});

describe('minutes text', () => {
  it('titles by kind and month', () => {
    expect(minutesSubtitle('regular', '2023-03-15T19:30')).toBe('SINH HOẠT CHI ĐOÀN THÁNG 03/2023');
    expect(minutesSubtitle('committee', '2023-03-15T19:30')).toBe('HỌP BAN CHẤP HÀNH');
    expect(timeLine('2023-03-15T19:30')).toBe('19 giờ 30 phút, ngày 15/03/2023');
  });
  it('fills the attendance block from the roll', () => {
    const roster = [
      { id: 'a', fullName: 'Đặng Diệu Châu' },
      { id: 'b', fullName: 'Hồ Văn Minh' },
      { id: 'c', fullName: 'Nguyễn Bảo Yến' },
      { id: 'd', fullName: 'Tạ Đức Khang' },
    ];
    const snap = buildAttendanceSnapshot(
      roster,
      [
        { memberId: 'a', status: 'present' },
        { memberId: 'b', status: 'late' },
        { memberId: 'c', status: 'absent_excused', reason: 'ốm' },
        { memberId: 'd', status: 'absent_unexcused' },
      ],
      [{ name: 'Lê Văn Tám', role: 'Phó Bí thư Đoàn phường' }],
    );
    expect(attendanceLines(snap)).toEqual([
      'Tổng số đoàn viên: 4 đồng chí.',
      'Có mặt: 2 đồng chí (trong đó đến muộn: 1).',
      'Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (ốm).',
      'Vắng không lý do: 1 đồng chí: Tạ Đức Khang.',
      'Khách mời: Lê Văn Tám – Phó Bí thư Đoàn phường.',
    ]);
  });
  it('tells namesakes apart by birth year, as the roll does (found in the locked minutes)', () => {
    const roster = [
      { id: 'a', fullName: 'Tạ Đức Khang', dateOfBirth: '1994-02-01' },
      { id: 'b', fullName: 'Tạ Đức Khang', dateOfBirth: '1999-07-30' },
      { id: 'c', fullName: 'Nguyễn Bảo Yến', dateOfBirth: '2001-05-05' },
    ];
    const snap = buildAttendanceSnapshot(
      roster,
      [
        { memberId: 'a', status: 'absent_excused', reason: 'Ốm' },
        { memberId: 'b', status: 'present' },
        { memberId: 'c', status: 'absent_unexcused' },
      ],
      [],
    );
    expect(snap.absentExcused).toEqual([{ name: 'Tạ Đức Khang (1994)', reason: 'Ốm' }]);
    expect(snap.absentUnexcused).toEqual(['Nguyễn Bảo Yến']);
  });
  it('writes vote counts', () => {
    // a no-break space before % (found in print: "(100" at a line's end, "%)" on the next)
    expect(voteLine({ votesFor: 30, votesAgainst: 2, present: 32 })).toBe('Có mặt: 32; tán thành: 30 (93,8\u00a0%); không tán thành: 2 (6,3\u00a0%).');
  });
});
