// @vitest-environment jsdom
// The committee screens over real Dexie: the roster with its empty seats and by-election
// buttons, the congress warning and the meetings line; a by-election through the seat form
// (and a refusal shown on screen, nothing written); ending a seat makes the member a member
// again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { mountAt as mount } from './mount';
import { freshUnit } from '../helpers';
import CommitteePage from '../../../src/features/committee/CommitteePage';
import { assignSeat, saveTerm } from '../../../src/features/committee/committee-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { activeDb } from '../../../src/data/session';
import { addMonths } from '../../../src/protocol/committee-rules';
import { formatDate, todayIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

const OPTS = { timeout: 10_000 }; // the machine may be busy: a slow answer is not a wrong one
const today = todayIso();
const START = addMonths(today, -12);
beforeEach(() => freshUnit());
afterEach(cleanup);

/** The seat form with the real roster behind it. */
const mountAt = (url: string) => mount(url, CommitteePage);

async function setUp() {
  const term = await saveTerm({ label: 'Nhiệm kỳ thử', startsOn: START, endsOn: addMonths(today, 2), size: 5, deputies: 1 });
  const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An', admissionDate: '2019-03-26' });
  const binh = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Thị Bình', admissionDate: '2019-03-26' });
  const seat = await assignSeat({ termId: term.id, memberId: an.id, position: 'secretary', from: START });
  return { term, an, binh, seat };
}

describe('the committee screen', () => {
  it('shows the roster, empty seats with by-election buttons, the congress warning and the meetings line', async () => {
    const { term } = await setUp();
    await createMeeting({ kind: 'committee', title: 'Họp BCH', startsAt: `${today.slice(0, 7)}-01T19:00`, guests: [], status: 'held' });
    mountAt('/committee');
    await screen.findByText('Nguyễn Văn An', undefined, OPTS);
    expect(screen.getByText('Số ủy viên: 1/5')).toBeTruthy();
    expect(screen.getByText('Thiếu 4')).toBeTruthy();
    const buttons = screen.getAllByRole('link', { name: '+ Bầu bổ sung' });
    expect(buttons).toHaveLength(4);
    expect(buttons[0].getAttribute('href')).toBe(`/committee/seat?term=${term.id}&position=deputySecretary`);
    expect(buttons[1].getAttribute('href')).toContain('position=committeeMember');
    expect(screen.getByText(`Đại hội nhiệm kỳ tiếp theo: ${formatDate(addMonths(today, 2))} (còn 2 tháng)`)).toBeTruthy();
    expect(screen.getByText('Còn chưa đầy 3 tháng: chuẩn bị đại hội.')).toBeTruthy();
    expect(screen.getByText(/^Họp BCH: 1\/\d+ tháng$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '+ Lên lịch họp BCH' }).getAttribute('href')).toBe('/meetings/new?kind=committee');
  });

  it('opened, brings the members’ positions up to the day: a seat that ended since it was saved', async () => {
    const { term, binh } = await setUp();
    const lastMonth = addMonths(today, -1);
    // saved last month, ending yesterday
    await assignSeat({ termId: term.id, memberId: binh.id, position: 'deputySecretary', from: START, to: todayIso(new Date(Date.now() - 86_400_000)), endReason: 'moved' }, lastMonth);
    const db = await activeDb();
    expect((await db.members.get(binh.id))?.position).toBe('deputySecretary');
    mountAt('/committee');
    await screen.findByText('Nguyễn Văn An', undefined, OPTS);
    await waitFor(async () => expect((await db.members.get(binh.id))?.position).toBe('member'), OPTS);
  });

  it('shows a seat dated ahead under "Sắp nhận nhiệm vụ", with a way to open it (found in use: it was shown nowhere until its day)', async () => {
    const { term, binh } = await setUp();
    const later = todayIso(new Date(Date.now() + 2 * 86_400_000));
    const seat = await assignSeat({ termId: term.id, memberId: binh.id, position: 'deputySecretary', from: later });
    mountAt('/committee');
    const section = await screen.findByRole('region', { name: 'Sắp nhận nhiệm vụ' }, OPTS);
    expect(section.textContent).toContain('Trần Thị Bình');
    expect(section.textContent).toContain(`Phó Bí thư · từ ngày ${formatDate(later)}`);
    expect(section.querySelector('a')!.getAttribute('href')).toBe(`/committee/seat?id=${encodeURIComponent(seat.id)}`);
  });
});

describe('the seat form', () => {
  it('refuses a member who already holds a seat, writing nothing; elects another', async () => {
    const { term, an, binh } = await setUp();
    const db = await activeDb();
    mountAt(`/committee/seat?term=${term.id}&position=committeeMember`);
    const pick = (await screen.findByLabelText('Đồng chí', undefined, OPTS)) as HTMLSelectElement;
    await waitFor(() => expect(pick.options.length).toBe(3), OPTS);
    fireEvent.input(screen.getByLabelText('Từ ngày'), { target: { value: START } });
    fireEvent.change(pick, { target: { value: an.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText(/đang giữ một ghế khác/, undefined, OPTS);
    expect(await db.committeeSeats.count()).toBe(1);

    fireEvent.change(pick, { target: { value: binh.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(async () => expect((await db.members.get(binh.id))?.position).toBe('committeeMember'), OPTS);
    expect((await db.committeeSeats.where('memberId').equals(binh.id).first())?.from).toBe(START);
  });

  it('ends a seat with a reason: the seat empties and the member is a member again', async () => {
    const { an, seat } = await setUp();
    const db = await activeDb();
    mountAt(`/committee/seat?id=${seat.id}`);
    await screen.findByText('Nguyễn Văn An', undefined, OPTS);
    fireEvent.click(screen.getByRole('button', { name: 'Thôi giữ chức' }));
    await screen.findByText('Chọn hoặc ghi lý do.', undefined, OPTS);
    fireEvent.input(screen.getByLabelText('Ngày cuối giữ chức'), { target: { value: addMonths(today, -1) } });
    fireEvent.click(screen.getByLabelText('Xin thôi'));
    fireEvent.click(screen.getByRole('button', { name: 'Thôi giữ chức' }));
    await waitFor(async () => expect((await db.committeeSeats.get(seat.id))?.endReason).toBe('resigned'), OPTS);
    expect((await db.members.get(an.id))?.position).toBe('member');
  });
});

describe('before any term', () => {
  it('the committee screen offers to record one; the seat screen says there is no term, under its heading', async () => {
    mountAt('/committee');
    await screen.findByText('Chưa ghi nhiệm kỳ nào.', undefined, OPTS);
    expect(screen.getAllByRole('link', { name: '+ Ghi nhiệm kỳ mới' })[0].getAttribute('href')).toBe('/committee/term');
    cleanup();
    mountAt('/committee/seat');
    await screen.findByRole('heading', { name: 'Xếp ghế / bầu bổ sung' }, OPTS);
    expect(screen.getByText('Không tìm thấy nhiệm kỳ.')).toBeTruthy();
  });
});
