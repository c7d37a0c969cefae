// @vitest-environment jsdom
// Planning a meeting through the form, then seeing it on its page, in the month view, and
// marking it held — over real Dexie.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import MeetingFormPage from '../../../src/features/meetings/MeetingFormPage';
import MeetingDetailPage from '../../../src/features/meetings/MeetingDetailPage';
import MeetingsPage from '../../../src/features/meetings/MeetingsPage';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { createActivity } from '../../../src/features/activities/activities-repo';
import { listMeetingsInMonth, getMeeting } from '../../../src/features/meetings/meeting-queries';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(cleanup);

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/meetings" component={MeetingsPage} />
        <Route path="/meetings/new" component={MeetingFormPage} />
        <Route path="/meetings/:id" component={MeetingDetailPage} />
        <Route path="/meetings/:id/edit" component={MeetingFormPage} />
      </Router>
    </LocationProvider>,
  );
}
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the meeting form', () => {
  it('suggests the title, explains what is missing, saves, and lands on the meeting', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan', position: 'secretary' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn An' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn Tám', status: 'transferred_out' });
    mountAt('/meetings/new?date=2026-03-15');
    await screen.findByRole('heading', { name: 'Lên lịch sinh hoạt' });
    expect((screen.getByLabelText('Chủ đề / tên buổi') as HTMLInputElement).value).toBe('Sinh hoạt chi đoàn tháng 03/2026');
    // chair picker: committee first, only members who still take part
    const chair = screen.getByLabelText('Chủ trì') as HTMLSelectElement;
    expect([...chair.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)])).toEqual([
      ['Ban Chấp hành', ['Nguyễn Thị Lan']],
      ['Đoàn viên', ['Trần Văn An']],
    ]);

    fireEvent.click(screen.getByRole('button', { name: /Thêm khách mời/ }));
    type('Chức vụ, đơn vị', 'Phó Bí thư Đoàn phường');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Còn 2 chỗ cần sửa, xem dòng chữ đỏ bên dưới từng ô.');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain('Vui lòng nhập thông tin này.'); // start time, guest name

    type('Giờ bắt đầu', '19:30');
    type('Họ tên khách', 'Lê Văn Tám');
    type(/Giờ kết thúc/, '21:00');
    type('Địa điểm', 'Hội trường khu phố 3');
    fireEvent.change(chair, { target: { value: lan.id } });
    fireEvent.input(screen.getByLabelText('Nội dung, chương trình'), { target: { value: '1. Sơ kết tháng 2\n2. Tháng Thanh niên' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await screen.findByRole('heading', { name: 'Sinh hoạt chi đoàn tháng 03/2026' });
    const [saved] = await listMeetingsInMonth('2026-03');
    expect(saved).toMatchObject({
      kind: 'regular', startsAt: '2026-03-15T19:30', endsAt: '2026-03-15T21:00', place: 'Hội trường khu phố 3', chairId: lan.id,
      guests: [{ name: 'Lê Văn Tám', role: 'Phó Bí thư Đoàn phường' }], status: 'planned',
    });
    expect(location.pathname).toBe(`/meetings/${saved.id}`);
    expect(screen.getByRole('link', { name: /Điểm danh/ }).getAttribute('href')).toBe(`/meetings/${saved.id}/roll`);
    expect(screen.getByRole('link', { name: /Biên bản/ }).getAttribute('href')).toBe(`/meetings/${saved.id}/minutes`);
    expect(screen.getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(screen.getByText('19:30 – 21:00 · Chủ nhật, 15/03/2026')).toBeTruthy();
  });

  it('an end time before the start is refused in plain Vietnamese', async () => {
    mountAt('/meetings/new?date=2026-03-15&kind=thematic');
    await screen.findByRole('heading', { name: 'Lên lịch sinh hoạt' });
    expect((screen.getByLabelText('Loại buổi sinh hoạt') as HTMLSelectElement).value).toBe('thematic');
    expect((screen.getByLabelText('Chủ đề / tên buổi') as HTMLInputElement).value).toBe('');
    type('Chủ đề / tên buổi', 'Sinh hoạt chủ điểm 26/3');
    type('Giờ bắt đầu', '19:30');
    type(/Giờ kết thúc/, '18:00');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Giờ kết thúc phải sau giờ bắt đầu.');
    expect(await listMeetingsInMonth('2026-03')).toEqual([]);
  });
});

describe('the meeting page', () => {
  it('shows the roll so far and marks the meeting held, then undoes it', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const m = await createMeeting({ kind: 'political', title: 'Học tập Nghị quyết', startsAt: '2026-03-20T08:00', guests: [], status: 'planned' });
    await markAttendance(m.id, lan.id, 'absent_excused', 'ốm');
    mountAt(`/meetings/${m.id}`);
    await screen.findByRole('heading', { name: 'Học tập Nghị quyết' });
    expect(screen.getByText(/Đã điểm danh 1 người: 0 có mặt, 0 đi muộn, 1 vắng có lý do/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Đã tổ chức/ }));
    await screen.findByText('Đã chuyển sang: Đã tổ chức');
    expect((await getMeeting(m.id))?.status).toBe('held');
    fireEvent.click(await screen.findByRole('button', { name: 'Đặt lại: chưa tổ chức' }));
    await waitFor(async () => expect((await getMeeting(m.id))?.status).toBe('planned'));
  });
});

describe('the month view', () => {
  it('groups meetings and activities by day with kind, time and status, and pages by month', async () => {
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', guests: [], status: 'planned', place: 'Hội trường' });
    await createMeeting({ kind: 'committee', title: 'Họp BCH tháng 3', startsAt: '2026-03-02T07:00', guests: [], status: 'held' });
    await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-15', status: 'planned' });
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 4', startsAt: '2026-04-12T19:30', guests: [], status: 'planned' });
    mountAt('/meetings?m=2026-03');
    await screen.findByText('Sinh hoạt tháng 3');
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days).toEqual(['Thứ hai, 02/03/2026', 'Chủ nhật, 15/03/2026']);
    const sunday = screen.getByText('Chủ nhật, 15/03/2026').closest('section')!;
    const items = within(sunday).getAllByRole('link').map((a) => a.textContent);
    expect(items[0]).toContain('Chủ nhật xanh');
    expect(items[0]).toContain('Cả ngày');
    expect(items[1]).toMatch(/^19:30Sinh hoạt tháng 3Dự kiến Sinh hoạt định kỳ · Hội trường$/);
    expect(screen.getByText('Họp BCH tháng 3').closest('a')!.textContent).toContain('Đã tổ chức');
    expect(screen.getByText(/26\/03 Ngày thành lập Đoàn/)).toBeTruthy();
    expect(screen.queryByText('Sinh hoạt tháng 4')).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Tháng sau' }));
    await screen.findByText('Sinh hoạt tháng 4');
    expect(screen.queryByText('Sinh hoạt tháng 3')).toBeNull();
    expect(screen.getByRole('link', { name: /Lên lịch sinh hoạt/ }).getAttribute('href')).toBe('/meetings/new?date=2026-04-01');
  });
});
