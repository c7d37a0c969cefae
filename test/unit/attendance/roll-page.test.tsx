// @vitest-environment jsdom
// The roll screen over a real database (Dexie over fake-indexeddb): a tap cycles the status,
// the row and its outbox entry are stored, the counts follow, undo puts it back; a finalized
// roll is read-only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import RollPage from '../../../src/features/attendance/RollPage';
import { addMemberEvent, createMember } from '../../../src/features/members/members-repo';
import { loadMinutesContext } from '../../../src/features/minutes/minutes-context';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { getMeeting } from '../../../src/features/meetings/meeting-queries';
import { listAttendance, markAttendance } from '../../../src/features/attendance/attendance-repo';
import { finalizeMinutes } from '../../../src/features/minutes/minutes-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

const NAMES = ['Đặng Diệu Châu', 'Hồ Văn Minh', 'Nguyễn Bảo Yến', 'Tạ Đức Khang'];

async function setup(extra: { subGroup?: string } = {}) {
  await freshUnit();
  const members = [];
  for (const [i, fullName] of NAMES.entries()) members.push(await createMember({ ...MEMBER_DEFAULTS, fullName, subGroup: i < 3 ? 'Tổ 1' : 'Tổ 2' }));
  // someone who has left is not on the roll
  await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn Cũ', status: 'transferred_out' });
  const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', guests: [], status: 'planned', ...extra });
  return { members, meeting };
}

function mount(path: string) {
  window.history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/meetings/:id/roll" component={RollPage} />
        <Route path="/activities/:id/roll" component={RollPage} />
      </Router>
    </LocationProvider>,
  );
}

function counts() {
  const list = screen.getByRole('list', { name: 'Kết quả điểm danh' });
  const out: Record<string, number> = {};
  for (const li of within(list).getAllByRole('listitem')) out[li.querySelector('span')!.textContent!] = Number(li.querySelector('strong')!.textContent);
  return out;
}

function row(name: string) {
  return screen.getByRole('button', { name: new RegExp(`^${name}`) });
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(cleanup);

describe('RollPage', () => {
  it('a tap cycles the status, stores the row and its outbox entry, updates the counts; undo restores', async () => {
    const { members, meeting } = await setup();
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByRole('heading', { name: /Sinh hoạt tháng 3/ });
    expect(counts()).toEqual({ 'Có mặt': 0, Muộn: 0, 'Vắng có lý do': 0, 'Vắng không lý do': 0, 'Chưa điểm danh': 4 });
    expect(screen.queryByText('Lê Văn Cũ')).toBeNull();

    fireEvent.click(row('Hồ Văn Minh'));
    // painted at once, before the write
    expect(row('Hồ Văn Minh').textContent).toContain('Có mặt');
    expect(counts()).toMatchObject({ 'Có mặt': 1, 'Chưa điểm danh': 3 });
    await waitFor(async () => expect(await listAttendance(meeting.id)).toHaveLength(1));
    const db = await activeDb();
    const id = `${meeting.id}:${members[1].id}`;
    expect(await db.outbox.where({ table: 'attendance', rowId: id }).count()).toBe(1);

    fireEvent.click(row('Hồ Văn Minh'));
    expect(row('Hồ Văn Minh').textContent).toContain('Muộn');
    expect(counts()).toMatchObject({ 'Có mặt': 0, Muộn: 1 });
    await waitFor(async () => expect((await db.attendance.get(id))?.status).toBe('late'));

    // undo: back to present
    fireEvent.click(screen.getByRole('button', { name: /Hoàn tác/ }));
    expect(row('Hồ Văn Minh').textContent).toContain('Có mặt');
    await waitFor(async () => expect((await db.attendance.get(id))?.status).toBe('present'));
    // undo again: back to unmarked (the row becomes a tombstone)
    fireEvent.click(screen.getByRole('button', { name: /Hoàn tác/ }));
    expect(row('Hồ Văn Minh').textContent).toContain('Chưa điểm danh');
    await waitFor(async () => expect(await listAttendance(meeting.id)).toHaveLength(0));
    expect(counts()).toMatchObject({ 'Có mặt': 0, Muộn: 0, 'Chưa điểm danh': 4 });
    expect(screen.queryByRole('button', { name: /Hoàn tác/ })).toBeNull();
  });

  it('"Mọi người có mặt" marks everyone in one go; a reason is picked from chips', async () => {
    const { members, meeting } = await setup();
    mount(`/meetings/${meeting.id}/roll`);
    fireEvent.click(await screen.findByRole('button', { name: /Mọi người có mặt/ }));
    expect(counts()).toMatchObject({ 'Có mặt': 4, 'Chưa điểm danh': 0 });
    await waitFor(async () => expect(await listAttendance(meeting.id)).toHaveLength(4));

    fireEvent.click(row('Tạ Đức Khang')); // late
    fireEvent.click(row('Tạ Đức Khang')); // absent, excused
    fireEvent.click(screen.getByRole('button', { name: 'Lý do: Tạ Đức Khang' }));
    const sheet = screen.getByRole('dialog');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Ốm' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row('Tạ Đức Khang').textContent).toContain('Lý do: Ốm');
    const db = await activeDb();
    await waitFor(async () => expect(await db.attendance.get(`${meeting.id}:${members[3].id}`)).toMatchObject({ status: 'absent_excused', reason: 'Ốm' }));
    expect(counts()).toMatchObject({ 'Có mặt': 3, 'Vắng có lý do': 1 });
  });

  it('search narrows the roll (folded Vietnamese); the sub-group limit can be lifted', async () => {
    const { meeting } = await setup({ subGroup: 'Tổ 1' });
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByText('3 người trong danh sách', { exact: false });
    expect(screen.queryByText('Tạ Đức Khang')).toBeNull();
    fireEvent.click(screen.getByLabelText('Chỉ điểm danh Tổ 1'));
    await screen.findByText('Tạ Đức Khang');
    expect(counts()['Chưa điểm danh']).toBe(4);
    fireEvent.input(screen.getByLabelText('Tìm trong danh sách điểm danh'), { target: { value: 'dang dieu' } });
    await waitFor(() => expect(screen.queryByText('Hồ Văn Minh')).toBeNull());
    expect(screen.getByText('Đặng Diệu Châu')).toBeTruthy();
  });

  it('namesakes are told apart by birth year (only they are tagged); a phone is found by its digits', async () => {
    const { meeting } = await setup();
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', dateOfBirth: '2001-05-04', subGroup: 'Tổ 1', phone: '0912 345 678' });
    const db = await activeDb();
    const first = (await db.members.toArray()).find((m) => m.fullName === 'Hồ Văn Minh' && !m.dateOfBirth)!;
    await db.members.update(first.id, { dateOfBirth: '1998-10-20' });
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByRole('heading', { name: /Sinh hoạt tháng 3/ });
    expect(screen.getByRole('button', { name: /^Hồ Văn Minh ?\(1998\)/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Hồ Văn Minh ?\(2001\)/ })).toBeTruthy();
    expect(row('Đặng Diệu Châu').textContent).not.toContain('(');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '0912345678' } });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Hồ Văn Minh/ })).toHaveLength(1));
    expect(screen.getByRole('button', { name: /^Hồ Văn Minh ?\(2001\)/ })).toBeTruthy();
  });

  it('roll-call mode: one person at a time, big buttons, auto-advance, progress', async () => {
    const { meeting } = await setup();
    mount(`/meetings/${meeting.id}/roll`);
    fireEvent.click(await screen.findByRole('button', { name: 'Gọi tên từng người' }));
    // sorted by given name: Châu, Khang, Minh, Yến
    expect(screen.getByText('1/4')).toBeTruthy();
    expect(document.querySelector('.rc-name')!.textContent).toBe('Đặng Diệu Châu');
    fireEvent.click(screen.getByRole('button', { name: 'Có mặt' }));
    expect(screen.getByText('2/4')).toBeTruthy();
    expect(document.querySelector('.rc-name')!.textContent).toBe('Tạ Đức Khang');
    fireEvent.click(screen.getByRole('button', { name: 'Vắng có lý do' }));
    fireEvent.click(screen.getByRole('button', { name: 'Công tác' }));
    expect(screen.getByText('3/4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '‹ Trước' }));
    expect(document.querySelector('.rc-name')!.textContent).toBe('Tạ Đức Khang');
    expect(screen.getByText('Công tác', { exact: false, selector: '.rc-sub' })).toBeTruthy();
    await waitFor(async () => expect(await listAttendance(meeting.id)).toHaveLength(2));
    expect(counts()).toMatchObject({ 'Có mặt': 1, 'Vắng có lý do': 1, 'Chưa điểm danh': 2 });
  });

  it('guests are added by name and role onto the meeting', async () => {
    const { meeting } = await setup();
    mount(`/meetings/${meeting.id}/roll`);
    fireEvent.click(await screen.findByText('Khách mời (0)'));
    fireEvent.input(screen.getByLabelText('Họ và tên khách'), { target: { value: 'Lê Văn Tám' } });
    fireEvent.input(screen.getByLabelText(/Chức vụ, đơn vị/), { target: { value: 'Đoàn phường 7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm khách' }));
    await screen.findByText('Khách mời (1)');
    expect((await getMeeting(meeting.id))?.guests).toEqual([{ name: 'Lê Văn Tám', role: 'Đoàn phường 7' }]);
  });

  it("the open roll is who is in the unit on the meeting's day (the one head count), on the screen and in the minutes", async () => {
    const { members, meeting } = await setup();
    // transferred out after the meeting (15/03): still on its roll, though the status now says left
    await addMemberEvent({ memberId: members[0].id, kind: 'transfer_out', date: '2026-04-10' });
    // came in after the meeting: not on its roll, though the status says active
    const late = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Phan Thị Mới', subGroup: 'Tổ 1' });
    await addMemberEvent({ memberId: late.id, kind: 'transfer_in', date: '2026-04-01' });
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByRole('heading', { name: /Sinh hoạt tháng 3/ });
    await waitFor(() => expect(row('Đặng Diệu Châu')).toBeTruthy());
    expect(screen.queryByText('Phan Thị Mới')).toBeNull();
    expect(counts()).toMatchObject({ 'Chưa điểm danh': 4 });
    const ctx = await loadMinutesContext(meeting.id);
    expect(ctx?.attendance.total).toBe(4);
  });

  it('a finalized roll is read-only with a notice', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[0].id, 'present');
    await finalizeMinutes(meeting.id);
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByText(/Biên bản buổi này đã chốt/);
    expect(screen.queryByRole('button', { name: /^Đặng Diệu Châu/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mọi người có mặt/ })).toBeNull();
    expect(counts()).toMatchObject({ 'Có mặt': 1, 'Chưa điểm danh': 3 });
  });

  it('a finalized roll keeps exactly its members: one added later is not on it (the minutes say 4)', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[0].id, 'present');
    const minutes = await finalizeMinutes(meeting.id);
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Vũ Thị Mới', subGroup: 'Tổ 1' });
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByText(/Biên bản buổi này đã chốt/);
    expect(counts()).toEqual({ 'Có mặt': 1, Muộn: 0, 'Vắng có lý do': 0, 'Vắng không lý do': 0, 'Chưa điểm danh': 3 });
    expect(screen.getByText(/4 người trong danh sách/)).toBeTruthy();
    expect(screen.queryByText('Vũ Thị Mới')).toBeNull();
    // the roster travels with the minutes record, so every phone of the unit locks the same list
    expect(minutes.attendance?.total).toBe(4);
    expect([...minutes.attendance!.rosterIds!].sort()).toEqual(members.map((m) => m.id).sort());
  });

  it('minutes finalized before the roster was kept: the locked roll shows those marked on it', async () => {
    const { members, meeting } = await setup();
    await markAttendance(meeting.id, members[0].id, 'present');
    await markAttendance(meeting.id, members[1].id, 'absent_excused', 'Ốm');
    await finalizeMinutes(meeting.id);
    // an older app stored no roster: take it out as that app would have left the record
    const db = await activeDb();
    const m = (await db.minutes.get(meeting.id))!;
    const { rosterIds: _, ...old } = m.attendance!;
    await db.minutes.put({ ...m, attendance: old });
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByText(/Biên bản buổi này đã chốt/);
    expect(counts()).toEqual({ 'Có mặt': 1, Muộn: 0, 'Vắng có lý do': 1, 'Vắng không lý do': 0, 'Chưa điểm danh': 0 });
    expect(screen.queryByText('Nguyễn Bảo Yến')).toBeNull();
  });

  it('a write refused because the minutes were finalized meanwhile reverts the row and says why', async () => {
    const { meeting } = await setup();
    mount(`/meetings/${meeting.id}/roll`);
    await screen.findByRole('heading', { name: /Sinh hoạt tháng 3/ });
    await finalizeMinutes(meeting.id); // another tab finalizes
    // the screen learns of it through the live minutes query, or through the refused write
    const btn = screen.queryByRole('button', { name: /^Hồ Văn Minh/ });
    if (btn) {
      fireEvent.click(btn);
    }
    await screen.findByText(/Biên bản buổi này đã chốt/);
    expect(await listAttendance(meeting.id)).toHaveLength(0);
    expect(screen.getByText('Hồ Văn Minh').closest('.roll-row')!.textContent).toContain('Chưa điểm danh');
  });

  it('an activity roll has no guests and no lock', async () => {
    await setup();
    const { createActivity } = await import('../../../src/features/activities/activities-repo');
    const a = await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-22', status: 'planned' });
    mount(`/activities/${a.id}/roll`);
    await screen.findByRole('heading', { name: /Chủ nhật xanh/ });
    expect(screen.queryByText(/Khách mời/)).toBeNull();
    fireEvent.click(row('Hồ Văn Minh'));
    await waitFor(async () => expect(await listAttendance(a.id)).toHaveLength(1));
  });
});
