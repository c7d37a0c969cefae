// Reads added for the meeting screens, over real Dexie (fake-indexeddb).
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { createMeeting, updateMeeting } from '../../../src/features/meetings/meetings-repo';
import { isMinutesFinalized, listUpcomingMeetings } from '../../../src/features/meetings/meeting-queries';
import { listAttendanceOf, loadYearRecords } from '../../../src/features/meetings/attendance-queries';
import { createActivity, getActivity as getActivityFromRepo } from '../../../src/features/activities/activities-repo';
import { listActivitiesInMonth } from '../../../src/features/activities/activity-queries';
import { markAttendance, clearAttendance } from '../../../src/features/attendance/attendance-repo';
import { finalizeMinutes } from '../../../src/features/minutes/minutes-repo';
import { createMember, archiveMember } from '../../../src/features/members/members-repo';
import { countActiveMembers } from '../../../src/features/home/home-queries';
import { getUnit, updateUnit } from '../../../src/features/setup/unit-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import type { MeetingFields } from '../../../src/protocol/meeting';

beforeEach(() => freshUnit());

const meeting = (startsAt: string, patch: Partial<MeetingFields> = {}) =>
  createMeeting({ kind: 'regular', title: `Sinh hoạt ${startsAt}`, startsAt, guests: [], status: 'planned', ...patch });

describe('meeting queries', () => {
  it('upcoming: planned meetings from a day on, in time order', async () => {
    await meeting('2026-03-14T19:00');
    const today = await meeting('2026-03-15T07:00');
    const held = await meeting('2026-03-16T07:00');
    await updateMeeting(held.id, { status: 'held' });
    const later = await meeting('2026-04-01T19:00');
    expect((await listUpcomingMeetings('2026-03-15')).map((m) => m.id)).toEqual([today.id, later.id]);
    expect((await listUpcomingMeetings('2026-03-15', 1)).map((m) => m.id)).toEqual([today.id]);
  });

  it('knows when the minutes are finalized', async () => {
    const m = await meeting('2026-03-15T07:00');
    expect(await isMinutesFinalized(m.id)).toBe(false);
    await finalizeMinutes(m.id);
    expect(await isMinutesFinalized(m.id)).toBe(true);
  });
});

describe('activities', () => {
  it('by month, tombstones excluded; the repo still re-exports its reads', async () => {
    const a = await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-22', status: 'planned' });
    await createActivity({ kind: 'youth_month', title: 'Tháng Thanh niên', date: '2026-04-01', status: 'planned' });
    expect((await listActivitiesInMonth('2026-03')).map((x) => x.id)).toEqual([a.id]);
    expect((await getActivityFromRepo(a.id))?.title).toBe('Chủ nhật xanh');
  });
});

describe('year records and their rolls', () => {
  it('loads meetings and activities of a year and all their roll rows in one query', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const m = await meeting('2026-03-15T07:00');
    const a = await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-22', status: 'held' });
    await meeting('2025-12-15T07:00');
    await markAttendance(m.id, lan.id, 'absent_unexcused');
    await markAttendance(a.id, lan.id, 'present');
    await markAttendance('other-event-0001', lan.id, 'present');
    const other = await meeting('2026-05-01T07:00');
    await markAttendance(other.id, lan.id, 'present');
    await clearAttendance(other.id, lan.id);
    const year = await loadYearRecords(2026);
    expect(year.meetings).toHaveLength(2);
    expect(year.activities.map((x) => x.id)).toEqual([a.id]);
    const rows = await listAttendanceOf([m.id, a.id, other.id]);
    expect(rows.map((r) => r.eventId).sort()).toEqual([m.id, a.id].sort());
    expect(await listAttendanceOf([])).toEqual([]);
  });
});

describe('home', () => {
  it('counts members who still take part, archived and transferred ones excluded', async () => {
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải', status: 'temporary' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn Tám', status: 'transferred_out' });
    const gone = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Phạm Thu Dung' });
    await archiveMember(gone.id);
    expect(await countActiveMembers('2026-06-01')).toBe(2);
  });

  it('the meeting frequency setting is saved on the unit and kept by other unit edits', async () => {
    expect((await getUnit())?.meetingFrequency).toBeUndefined();
    await updateUnit({ meetingFrequency: 'quarterly' });
    await updateUnit({ term: '2025–2027' });
    expect(await getUnit()).toMatchObject({ meetingFrequency: 'quarterly', term: '2025–2027' });
  });
});
