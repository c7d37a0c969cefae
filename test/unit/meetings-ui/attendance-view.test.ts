// The member view of attendance: which events count, a member's year, the warning list.
import { describe, expect, it } from 'vitest';
import { absenceWarnings, countedEvents, memberHistory } from '../../../src/features/meetings/attendance-view';
import type { AttendanceStatus } from '../../../src/protocol/meeting-enums';

const meeting = (id: string, startsAt: string, status: 'planned' | 'held' | 'cancelled', subGroup?: string) => ({ id, kind: 'regular', title: id, startsAt, status, subGroup });
const fact = (eventId: string, memberId: string, status: AttendanceStatus, reason?: string) => ({ eventId, memberId, status, reason });

describe('events that count', () => {
  it('held ones and planned ones whose day has come; never cancelled or future ones', () => {
    const events = countedEvents(
      [meeting('held', '2026-01-10T19:00', 'held'), meeting('pastPlanned', '2026-02-10T19:00', 'planned'), meeting('off', '2026-02-20T19:00', 'cancelled'), meeting('future', '2026-03-20T19:00', 'planned'), meeting('todayPlanned', '2026-03-15T07:00', 'planned')],
      [{ id: 'act', kind: 'green_sunday', title: 'CN xanh', date: '2026-03-01', status: 'held' }, { id: 'actFuture', kind: 'other', title: 'x', date: '2026-04-01', status: 'held' }, { id: 'actOff', kind: 'green_sunday', title: 'CN xanh', date: '2026-03-08', status: 'cancelled' }],
      '2026-03-15',
    );
    // a future activity marked held by mistake still counts: "held" is the secretary's word
    expect(events.map((e) => e.id)).toEqual(['held', 'pastPlanned', 'act', 'todayPlanned', 'actFuture']);
    expect(events.find((e) => e.id === 'act')).toMatchObject({ type: 'activity', date: '2026-03-01' });
  });
});

describe("a member's year", () => {
  const events = countedEvents(
    [meeting('jan', '2026-01-10T19:00', 'held'), meeting('feb', '2026-02-10T19:00', 'held'), meeting('febTo2', '2026-02-12T19:00', 'held', 'Tổ 2'), meeting('mar', '2026-03-10T19:00', 'held'), { ...meeting('bch', '2026-03-12T07:00', 'held'), kind: 'committee' }],
    [{ id: 'act1', kind: 'green_sunday', title: 'CN xanh', date: '2026-03-01', status: 'held' }, { id: 'act2', kind: 'green_sunday', title: 'CN xanh', date: '2026-03-08', status: 'held' }],
    '2026-12-31',
  );
  it('lists marks newest first; unmarked meetings of the whole unit or own group show as gaps; unmarked activities and BCH meetings do not', () => {
    const rows = memberHistory({ id: 'lan', subGroup: 'Tổ 1' }, events, [fact('jan', 'lan', 'absent_excused', 'ốm'), fact('mar', 'lan', 'present'), fact('act1', 'lan', 'present'), fact('mar', 'other', 'late')]);
    expect(rows.map((r) => [r.event.id, r.status ?? '—', r.reason ?? ''])).toEqual([
      ['mar', 'present', ''],
      ['act1', 'present', ''],
      ['feb', '—', ''],
      ['jan', 'absent_excused', 'ốm'],
    ]);
  });
  it('a member of the group of a group-only meeting sees it; meetings before admission are not gaps', () => {
    const rows = memberHistory({ id: 'hai', subGroup: 'Tổ 2', admissionDate: '2026-02-01' }, events, []);
    expect(rows.map((r) => r.event.id)).toEqual(['mar', 'febTo2', 'feb']);
  });
});

describe('the absence warning list', () => {
  const events = ['01', '02', '03', '04'].map((m) => ({ type: 'meeting' as const, id: `m${m}`, kind: 'regular', title: '', date: `2026-${m}-10` }));
  const members = [
    { id: 'a', fullName: 'Nguyễn Văn Bình', status: 'active' as const, subGroup: 'Tổ 1' },
    { id: 'b', fullName: 'Trần Thị An', status: 'active' as const },
    { id: 'c', fullName: 'Lê Văn Cường', status: 'transferred_out' as const },
    { id: 'd', fullName: 'Phạm Thu Dung', status: 'active' as const, archivedAt: '2026-05-01' },
    { id: 'e', fullName: 'Hồ Văn Em', status: 'active' as const },
  ];
  const unexcused = (id: string, months: string[]) => months.map((m) => fact(`m${m}`, id, 'absent_unexcused'));
  it('lists members who still take part, absent without reason in 3+ months, most months first then by given name', () => {
    const facts = [
      ...unexcused('a', ['01', '02', '03']),
      ...unexcused('b', ['01', '02', '04']),
      ...unexcused('c', ['01', '02', '03', '04']),
      ...unexcused('d', ['01', '02', '03']),
      ...unexcused('e', ['01', '02', '03', '04']),
      fact('m01', 'x', 'absent_unexcused'),
    ];
    expect(absenceWarnings(events, facts, 2026, members)).toEqual([
      { memberId: 'e', fullName: 'Hồ Văn Em', subGroup: undefined, months: ['2026-01', '2026-02', '2026-03', '2026-04'] },
      { memberId: 'b', fullName: 'Trần Thị An', subGroup: undefined, months: ['2026-01', '2026-02', '2026-04'] },
      { memberId: 'a', fullName: 'Nguyễn Văn Bình', subGroup: 'Tổ 1', months: ['2026-01', '2026-02', '2026-03'] },
    ]);
  });
  it('two absences in the same month count once; excused absences never count', () => {
    const extra = { type: 'meeting' as const, id: 'm01b', kind: 'political', title: '', date: '2026-01-25' };
    const facts = [fact('m01', 'a', 'absent_unexcused'), fact('m01b', 'a', 'absent_unexcused'), fact('m02', 'a', 'absent_unexcused'), fact('m03', 'a', 'absent_excused')];
    expect(absenceWarnings([...events, extra], facts, 2026, members)).toEqual([]);
  });
});
