import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { getMeeting, listMeetingsInMonth } from '../../../src/features/meetings/meeting-queries';
import { clearAttendance, listAttendance, markAllPresent, markAttendance } from '../../../src/features/attendance/attendance-repo';
import { addAddendum, finalizeMinutes, getMinutes, listAddenda, saveMinutesDraft } from '../../../src/features/minutes/minutes-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());

async function setup() {
  const names = ['Đặng Diệu Châu', 'Hồ Văn Minh', 'Nguyễn Bảo Yến', 'Tạ Đức Khang'];
  const members = [];
  for (const fullName of names) members.push(await createMember({ ...MEMBER_DEFAULTS, fullName }));
  const meeting = await createMeeting({
    kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', place: 'Hội trường', guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }], status: 'planned',
  });
  return { members, meeting };
}

describe('the roll', () => {
  it('keeps one row per member per meeting, id = meetingId:memberId', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[0].id, 'present');
    await markAttendance(meeting.id, members[0].id, 'late');
    const rows = await listAttendance(meeting.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(`${meeting.id}:${members[0].id}`);
    expect(rows[0].status).toBe('late');
    const db = await activeDb();
    expect(await db.outbox.where({ table: 'attendance', rowId: rows[0].id }).count()).toBe(2);
  });

  it('undo of a first tap leaves the member unmarked', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[1].id, 'present');
    await clearAttendance(meeting.id, members[1].id);
    expect(await listAttendance(meeting.id)).toHaveLength(0);
    await markAttendance(meeting.id, members[1].id, 'absent_excused', 'ốm');
    expect((await listAttendance(meeting.id))[0]).toMatchObject({ status: 'absent_excused', reason: 'ốm', deleted: false });
  });

  it('marks all unmarked present without touching those already marked', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[3].id, 'absent_unexcused');
    expect(await markAllPresent(meeting.id, members.map((m) => m.id))).toBe(3);
    const rows = await listAttendance(meeting.id);
    expect(rows.find((r) => r.memberId === members[3].id)?.status).toBe('absent_unexcused');
  });
});

describe('minutes', () => {
  it('drafts save, finalize freezes the attendance block from the roll and locks minutes and roll', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[0].id, 'present');
    await markAttendance(meeting.id, members[1].id, 'late');
    await markAttendance(meeting.id, members[2].id, 'absent_excused', 'ốm');
    await markAttendance(meeting.id, members[3].id, 'absent_unexcused');
    await saveMinutesDraft(meeting.id, { discussion: 'Triển khai Tháng Thanh niên', votes: [{ matter: 'Kết nạp', votesFor: 3, votesAgainst: 0, present: 3 }] });
    const final = await finalizeMinutes(meeting.id);
    expect(final.status).toBe('finalized');
    expect(final.discussion).toBe('Triển khai Tháng Thanh niên');
    expect(final.attendance).toEqual({
      total: 4, present: 2, late: 1,
      absentExcused: [{ name: 'Nguyễn Bảo Yến', reason: 'ốm' }],
      absentUnexcused: ['Tạ Đức Khang'],
      guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }],
      rosterIds: expect.arrayContaining(members.map((m) => m.id)),
    });
    expect(final.attendance?.rosterIds).toHaveLength(4);
    expect((await getMeeting(meeting.id))?.status).toBe('held');
    await expect(saveMinutesDraft(meeting.id, { discussion: 'sửa' })).rejects.toMatchObject({ key: 'err.locked' });
    await expect(markAttendance(meeting.id, members[3].id, 'present')).rejects.toMatchObject({ key: 'err.locked' });
    await expect(finalizeMinutes(meeting.id)).rejects.toMatchObject({ key: 'err.locked' });
    expect((await getMinutes(meeting.id))?.discussion).toBe('Triển khai Tháng Thanh niên');
  });

  it('addenda only after finalize, dated and in order', async () => {
    const { meeting } = await setup();
    await expect(addAddendum(meeting.id, 'Bổ sung')).rejects.toMatchObject({ key: 'err.notFinalized' });
    await finalizeMinutes(meeting.id);
    await addAddendum(meeting.id, 'Đính chính số phiếu');
    await addAddendum(meeting.id, 'Bổ sung khách mời');
    expect((await listAddenda(meeting.id)).map((a) => a.text)).toEqual(['Đính chính số phiếu', 'Bổ sung khách mời']);
  });

  it('lists meetings by month', async () => {
    const { meeting } = await setup();
    expect((await listMeetingsInMonth('2026-03')).map((m) => m.id)).toEqual([meeting.id]);
    expect(await listMeetingsInMonth('2026-04')).toEqual([]);
  });
});
