// @vitest-environment jsdom
// The minutes screen as a secretary uses it, over real Dexie (fake-indexeddb): the draft
// saves as it is typed and comes back after a reload, the attendance block follows the roll,
// finalize locks everything, addenda follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { getMinutes, saveMinutesDraft } from '../../../src/features/minutes/minutes-repo';
import { getMeeting } from '../../../src/features/meetings/meeting-queries';
import MinutesPage from '../../../src/features/minutes/MinutesPage';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { isAnyFormDirty } from '../../../src/pwa/dirty';
import { toForm } from '../../../src/features/minutes/minutes-form';

// The whole suite runs in parallel on two cores: give live queries time to answer.
configure({ asyncUtilTimeout: 5000 });

const NAMES = ['Đặng Diệu Châu', 'Hồ Văn Minh', 'Nguyễn Bảo Yến', 'Tạ Đức Khang'];
let members: { id: string; fullName: string }[];
let meetingId: string;

beforeEach(async () => {
  await freshUnit();
  members = [];
  for (const fullName of NAMES) members.push(await createMember({ ...MEMBER_DEFAULTS, fullName }));
  const meeting = await createMeeting({
    kind: 'regular',
    title: 'Sinh hoạt tháng 3',
    startsAt: '2026-03-15T19:30',
    place: 'Hội trường',
    chairId: members[0].id,
    minuteTakerId: members[1].id,
    guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }],
    agenda: 'Kiểm điểm tháng 2\nTriển khai Tháng Thanh niên',
    status: 'planned',
  });
  meetingId = meeting.id;
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function mount() {
  history.replaceState(null, '', `/meetings/${meetingId}/minutes`);
  return render(
    <LocationProvider>
      <Router>{[<Route key="minutes" path="/meetings/:id/minutes" component={MinutesPage} />]}</Router>
    </LocationProvider>,
  );
}

const block = () => screen.getByTestId('attendance-block');
const blockText = () => block().textContent ?? '';

describe('minutes editor', () => {
  it('shows the heading, time, place, chair and minute-taker from the unit and the meeting', async () => {
    mount();
    await screen.findByText('CHI ĐOÀN CÔNG TY MAY 30/4');
    expect(screen.getByText('ĐOÀN PHƯỜNG 7')).toBeTruthy();
    expect(screen.getByText('ĐOÀN TNCS HỒ CHÍ MINH')).toBeTruthy();
    expect(screen.getByText('SINH HOẠT CHI ĐOÀN THÁNG 03/2026')).toBeTruthy();
    expect(screen.getByText('19 giờ 30 phút, ngày 15/03/2026')).toBeTruthy();
    expect(screen.getByText('Hội trường')).toBeTruthy();
    expect(screen.getByText('Đặng Diệu Châu')).toBeTruthy();
    expect(screen.getByText('Hồ Văn Minh')).toBeTruthy();
    expect(screen.getByText('Triển khai Tháng Thanh niên')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Điểm danh' }).getAttribute('href')).toBe(`/meetings/${meetingId}/roll`);
  });

  it('keeps the attendance block in step with the roll while the draft is open', async () => {
    mount();
    await waitFor(() => expect(blockText()).toContain('Tổng số đoàn viên: 4 đồng chí.'));
    expect(blockText()).toContain('Chưa điểm danh: 4 đồng chí.');
    expect(screen.getByText('Chưa điểm danh buổi này.')).toBeTruthy();

    await markAttendance(meetingId, members[0].id, 'present');
    await markAttendance(meetingId, members[1].id, 'late');
    await markAttendance(meetingId, members[2].id, 'absent_excused', 'ốm');
    await markAttendance(meetingId, members[3].id, 'absent_unexcused');
    const lines = () => within(block()).getAllByRole('listitem').map((li) => li.textContent);
    await waitFor(() => expect(lines()).toEqual([
      'Tổng số đoàn viên: 4 đồng chí.',
      'Có mặt: 2 đồng chí (trong đó đến muộn: 1).',
      'Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (ốm).',
      'Vắng không lý do: 1 đồng chí: Tạ Đức Khang.',
      'Khách mời: Lê Văn Tám – Đoàn phường.',
    ]));
    expect(screen.queryByText('Chưa điểm danh buổi này.')).toBeNull();

    await markAttendance(meetingId, members[3].id, 'present');
    await waitFor(() => expect(blockText()).toContain('Vắng không lý do: 0 đồng chí.'));
  });

  it('saves the draft as it is typed, and a reload brings it back', async () => {
    const view = mount();
    const discussion = await screen.findByLabelText('Các vấn đề thảo luận');
    fireEvent.input(discussion, { target: { value: 'Triển khai Chủ nhật xanh 22/3' } });
    expect(isAnyFormDirty()).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Chưa lưu…');
    // ~400 ms after the last keystroke the draft is in the database
    await waitFor(async () => expect((await getMinutes(meetingId))?.discussion).toBe('Triển khai Chủ nhật xanh 22/3'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Đã lưu lúc \d\d:\d\d$/));
    expect(isAnyFormDirty()).toBe(false);
    const saved = await getMinutes(meetingId);
    expect(saved?.status).toBe('draft');

    fireEvent.input(screen.getByLabelText('Kết luận, nghị quyết'), { target: { value: 'Nhất trí' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Thêm nhiệm vụ' }));
    fireEvent.input(screen.getByLabelText('Việc cần làm'), { target: { value: 'Chuẩn bị hội trường' } });
    fireEvent.input(screen.getByLabelText('Người thực hiện'), { target: { value: 'Hồ Văn Minh' } });
    fireEvent.input(screen.getByLabelText('Thời hạn'), { target: { value: '20/3/2026' } });
    fireEvent.input(screen.getByLabelText('Giờ kết thúc'), { target: { value: '21:05' } });
    await waitFor(async () => expect((await getMinutes(meetingId))?.endedAt).toBe('21:05'));
    expect((await getMinutes(meetingId))?.tasks).toEqual([{ what: 'Chuẩn bị hội trường', who: 'Hồ Văn Minh', due: '2026-03-20' }]);

    // "Reload": the screen goes away and opens again from the database.
    view.unmount();
    mount();
    await waitFor(() => expect((screen.getByLabelText('Các vấn đề thảo luận') as HTMLTextAreaElement).value).toBe('Triển khai Chủ nhật xanh 22/3'));
    expect((screen.getByLabelText('Kết luận, nghị quyết') as HTMLTextAreaElement).value).toBe('Nhất trí');
    expect((screen.getByLabelText('Thời hạn') as HTMLInputElement).value).toBe('20/03/2026');
    expect((screen.getByLabelText('Giờ kết thúc') as HTMLInputElement).value).toBe('21:05');
  });

  it('saves what was typed when the screen is left before the debounce fires', async () => {
    const view = mount();
    const review = await screen.findByLabelText('Đánh giá kết quả kỳ trước');
    fireEvent.input(review, { target: { value: 'Hoàn thành 5/6 chỉ tiêu' } });
    view.unmount();
    await waitFor(async () => expect((await getMinutes(meetingId))?.reviewOfLastPeriod).toBe('Hoàn thành 5/6 chỉ tiêu'));
    await waitFor(() => expect(isAnyFormDirty()).toBe(false));
  });

  it('keeps a synchronous copy of every keystroke until it is saved, and takes it back after a crash', async () => {
    const view = mount();
    const key = `scd:minutes-draft:${meetingId}`;
    fireEvent.input(await screen.findByLabelText('Các vấn đề thảo luận'), { target: { value: 'Gõ xong thì mất điện' } });
    expect(JSON.parse(localStorage.getItem(key)!).value.discussion).toBe('Gõ xong thì mất điện'); // before any await
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull()); // saved: copy gone
    view.unmount();

    // A "crash" after a keystroke: the copy was written, the database save never ran.
    const crashed = { ...JSON.parse(JSON.stringify(toForm(await getMinutes(meetingId)))), discussion: 'Gõ xong thì mất điện, rồi gõ thêm' };
    localStorage.setItem(key, JSON.stringify({ value: crashed, at: new Date(Date.now() + 1000).toISOString() }));
    mount();
    await waitFor(() => expect((screen.getByLabelText('Các vấn đề thảo luận') as HTMLTextAreaElement).value).toBe('Gõ xong thì mất điện, rồi gõ thêm'));
    await waitFor(async () => expect((await getMinutes(meetingId))?.discussion).toBe('Gõ xong thì mất điện, rồi gõ thêm'));
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
  });

  it('ignores a local copy older than the saved draft (another phone saved later)', async () => {
    await saveMinutesDraft(meetingId, { discussion: 'Bản mới từ máy khác' });
    const old = { ...toForm(undefined), discussion: 'Bản cũ' };
    localStorage.setItem(`scd:minutes-draft:${meetingId}`, JSON.stringify({ value: old, at: '2000-01-01T00:00:00.000Z' }));
    mount();
    await waitFor(() => expect((screen.getByLabelText('Các vấn đề thảo luận') as HTMLTextAreaElement).value).toBe('Bản mới từ máy khác'));
  });

  it('checks votes as they are typed: for + against must not exceed present', async () => {
    mount();
    await markAttendance(meetingId, members[0].id, 'present');
    await markAttendance(meetingId, members[1].id, 'present');
    await waitFor(() => expect(blockText()).toContain('Có mặt: 2 đồng chí.'));
    fireEvent.click(screen.getByRole('button', { name: '+ Thêm biểu quyết' }));
    expect((screen.getByLabelText('Có mặt') as HTMLInputElement).value).toBe('2'); // from the roll
    fireEvent.input(screen.getByLabelText('Nội dung biểu quyết'), { target: { value: 'Kết nạp Lê Văn Tám' } });
    fireEvent.input(screen.getByLabelText('Tán thành'), { target: { value: '2' } });
    fireEvent.input(screen.getByLabelText('Không tán thành'), { target: { value: '1' } });
    expect(screen.getByText('Số tán thành cộng không tán thành không được lớn hơn số có mặt.')).toBeTruthy();
    // finalize is refused while the error stands
    fireEvent.click(screen.getByRole('button', { name: 'Chốt biên bản' }));
    expect(screen.getByText('Còn 1 chỗ cần sửa trước khi chốt (đánh dấu đỏ).')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    fireEvent.input(screen.getByLabelText('Không tán thành'), { target: { value: '0' } });
    expect(screen.queryByText('Số tán thành cộng không tán thành không được lớn hơn số có mặt.')).toBeNull();
    await waitFor(async () => expect((await getMinutes(meetingId))?.votes).toEqual([{ matter: 'Kết nạp Lê Văn Tám', votesFor: 2, votesAgainst: 0, present: 2 }]));
  });
});

describe('finalize', () => {
  it('asks first, then locks: read-only document, frozen attendance, saves refused, addenda only', async () => {
    await markAttendance(meetingId, members[0].id, 'present');
    await markAttendance(meetingId, members[1].id, 'late');
    await markAttendance(meetingId, members[2].id, 'absent_excused', 'công tác');
    await markAttendance(meetingId, members[3].id, 'absent_unexcused');
    mount();
    fireEvent.input(await screen.findByLabelText('Các vấn đề thảo luận'), { target: { value: 'Triển khai Tháng Thanh niên' } });

    fireEvent.click(screen.getByRole('button', { name: 'Chốt biên bản' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('biên bản và danh sách điểm danh của buổi này bị khóa');
    expect(dialog.textContent).toContain('2/4 có mặt');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await getMinutes(meetingId))?.status).not.toBe('finalized');

    fireEvent.click(screen.getByRole('button', { name: 'Chốt biên bản' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Chốt và khóa' }));
    await screen.findByText('Đã chốt');

    // Read-only: no fields to type in, only the addendum box.
    expect(screen.queryByLabelText('Các vấn đề thảo luận')).toBeNull();
    expect(screen.getAllByRole('textbox').map((el) => el.id)).toEqual(['minutes-addendum']);
    const minutes = await getMinutes(meetingId);
    expect(minutes?.status).toBe('finalized');
    expect(minutes?.discussion).toBe('Triển khai Tháng Thanh niên'); // typed just before finalize: saved first
    expect((await getMeeting(meetingId))?.status).toBe('held');
    const doc = screen.getByRole('article');
    expect(doc.textContent).toContain('Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (công tác).');
    expect(doc.textContent).toContain('Vắng không lý do: 1 đồng chí: Tạ Đức Khang.');
    expect(doc.textContent).not.toContain('BẢN NHÁP');
    expect(block).toThrow(); // the live block is gone: the document shows the frozen one

    // Any further write is refused, the roll too.
    await expect(saveMinutesDraft(meetingId, { discussion: 'sửa' })).rejects.toMatchObject({ key: 'err.locked' });
    await expect(markAttendance(meetingId, members[3].id, 'present')).rejects.toMatchObject({ key: 'err.locked' });

    fireEvent.input(screen.getByLabelText('Nội dung phụ lục'), { target: { value: 'Đính chính: đ/c Yến vắng vì ốm.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm phụ lục' }));
    await screen.findByText('Đã thêm phụ lục.');
    await screen.findByText('Đính chính: đ/c Yến vắng vì ốm.');
    expect(screen.getByText(/^Phụ lục 1 · \d\d\/\d\d\/\d{4} \d\d:\d\d$/)).toBeTruthy();
  });
});
