// One head count (issue 8, item 10): every screen that counts or lists members for a period
// agrees, through its own query: home, the member list, the dues month, the collection list,
// the grid, the unpaid list, training and rating. Fixture: active, temporary, archived,
// transferred out mid-year, struck off (dated and undated), graduated last year, transferred in,
// and a transfer out recorded ahead of its date.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { addMemberEvent, archiveMember, createMember } from '../../../src/features/members/members-repo';
import { inUnitOn, listMembers } from '../../../src/features/members/member-queries';
import { DEFAULT_FILTER, matchesFilter } from '../../../src/features/members/member-filters';
import { countActiveMembers } from '../../../src/features/home/home-queries';
import { collectCandidates, monthView, yearView } from '../../../src/features/dues/dues-queries';
import { loadGridYear } from '../../../src/features/dues/grid-load';
import { membersToday, unpaidWarnings } from '../../../src/features/dues/desk-reads';
import { collectForMember } from '../../../src/features/dues/dues-repo';
import { recordOpening } from '../../../src/features/dues/desk-repo';
import { loadTrainingYear } from '../../../src/features/training/training-queries';
import { loadRatingYear } from '../../../src/features/rating/rating-queries';
import { MEMBER_DEFAULTS, type MemberFields } from '../../../src/protocol/member';
import { createMeeting, updateMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { loadAbsenceWarnings } from '../../../src/features/meetings/AbsenceWarningsPage';

beforeEach(() => freshUnit());

const TODAY = '2026-11-20';
const NOW = '2026-11';

async function unit() {
  const add = (fullName: string, over: Partial<MemberFields> = {}) => createMember({ ...MEMBER_DEFAULTS, fullName, admissionDate: '2015-03-26', ...over });
  const active = await add('Nguyễn Thị An');
  const temporary = await add('Trần Văn Bình', { status: 'temporary' });
  const archived = await add('Lê Thị Cúc');
  await archiveMember(archived.id);
  const movedOut = await add('Phạm Văn Dũng');
  await addMemberEvent({ memberId: movedOut.id, kind: 'transfer_out', date: '2026-05-15' });
  const struckOff = await add('Hoàng Văn Em');
  await addMemberEvent({ memberId: struckOff.id, kind: 'struck_off', date: '2026-03-10' });
  const graduated = await add('Vũ Thị Giang');
  await addMemberEvent({ memberId: graduated.id, kind: 'graduation', date: '2025-12-20' });
  const movedIn = await add('Đỗ Văn Hùng', { admissionDate: '2018-01-09' });
  await addMemberEvent({ memberId: movedIn.id, kind: 'transfer_in', date: '2026-02-03' });
  const undated = await add('Bùi Thị Khánh', { status: 'struck_off' });
  // A transfer recorded ahead of its date: still in the unit until then (status already says gone).
  const leaving = await add('Mai Văn Lộc');
  await addMemberEvent({ memberId: leaving.id, kind: 'transfer_out', date: '2026-12-05' });
  return { active, temporary, archived, movedOut, struckOff, graduated, movedIn, undated, leaving };
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('one head count', () => {
  it('every screen counts the same members today, and the same members over the year', async () => {
    const m = await unit();
    const today = ids([m.active, m.temporary, m.movedIn, m.leaving]);
    const year = ids([m.active, m.temporary, m.movedIn, m.leaving, m.movedOut, m.struckOff]);
    // The dues book is kept in the app from January: months owed count from there.
    await collectForMember({ memberId: m.active.id, months: [{ period: '2026-01', amount: 2000 }], paidAt: '2026-01-05', method: 'cash' });

    expect(await countActiveMembers(TODAY)).toBe(4);
    const inUnit = await inUnitOn(TODAY);
    expect(ids((await listMembers()).filter((x) => matchesFilter(x, DEFAULT_FILTER, 2026, inUnit)))).toEqual(today);
    expect(ids(await membersToday(TODAY))).toEqual(today);

    const month = await monthView(NOW, NOW);
    expect(month.dueCount).toBe(4);
    expect(ids((await collectCandidates(NOW, NOW)).map((c) => c.member))).toEqual(today);
    expect(ids((await yearView(2026, NOW)).rows.map((r) => r.member))).toEqual(year);
    expect(ids((await loadGridYear(2026, NOW)).rows.map((r) => r.member))).toEqual(year);
    // Owing this year: not the archived record, nor anyone out of the unit all year.
    const warned = ids((await unpaidWarnings(2026, NOW)).map((w) => w.member));
    expect(warned.every((id) => year.includes(id))).toBe(true);
    expect(warned).toContain(m.temporary.id);
    // The member who left in May: months owed up to May, none after (out of the collection list).
    const dung = (await yearView(2026, NOW)).rows.find((r) => r.member.id === m.movedOut.id)!;
    expect(dung.year.months.map((x) => x.state).slice(0, 7)).toEqual(['owed', 'owed', 'owed', 'owed', 'owed', 'none', 'none']);

    expect(ids((await loadTrainingYear(2026, undefined, TODAY)).roster)).toEqual(today);
    const rating = await loadRatingYear(2026, TODAY);
    expect(ids(rating.rows.map((r) => r.member))).toEqual(year);

    // Absent without reason in three months: only members in the unit are warned about.
    for (const month of ['01', '02', '03']) {
      const meeting = await createMeeting({ kind: 'regular', title: `Sinh hoạt tháng ${month}`, startsAt: `2026-${month}-15T19:00`, guests: [], status: 'planned' });
      await updateMeeting(meeting.id, { status: 'held' });
      for (const who of [m.active, m.archived, m.graduated, m.leaving]) await markAttendance(meeting.id, who.id, 'absent_unexcused');
    }
    expect((await loadAbsenceWarnings(2026, TODAY)).rows.map((r) => r.memberId).sort()).toEqual(ids([m.active, m.leaving]));

    // "Everyone paid up to …" is recorded for the same people.
    expect(await recordOpening({ upTo: '2026-10', today: TODAY })).toEqual({ recorded: 4, skipped: 0 });
  });
});
