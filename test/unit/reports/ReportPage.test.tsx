// @vitest-environment jsdom
// The report screen as a secretary uses it, over real Dexie (fake-indexeddb): start a quarter's
// report, write, reload without losing a word, send it, see that a member added afterwards
// leaves version 1 as sent, and make version 2, which shows the figures that changed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { createMember } from '../../../src/features/members/members-repo';
import { updateUnit } from '../../../src/features/setup/unit-repo';
import ReportPage from '../../../src/features/reports/ReportPage';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { isAnyFormDirty } from '../../../src/pwa/dirty';

configure({ asyncUtilTimeout: 5000 });

const ID = 'report:2026:q1';

beforeEach(async () => {
  await freshUnit();
  await updateUnit({ secretaryName: 'Nguyễn Thị Hoa' });
  for (const fullName of ['Đặng Diệu Châu', 'Hồ Văn Minh']) await createMember({ ...MEMBER_DEFAULTS, fullName });
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function mount() {
  history.replaceState(null, '', `/reports/${encodeURIComponent(ID)}`);
  return render(
    <LocationProvider>
      <Router>{[<Route key="report" path="/reports/:id" component={ReportPage} />]}</Router>
    </LocationProvider>,
  );
}

const area = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;
async function row() {
  return (await activeDb()).reports.get(ID);
}

async function startAndWrite() {
  const view = mount();
  await screen.findByText('Hạn gửi: 10/04/2026');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Quý I năm 2026');
  fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu viết báo cáo' }));
  await waitFor(() => expect(area('Tình hình chung').value).toBe('Đầu quý, chi đoàn có 2 đoàn viên; cuối quý có 2 đoàn viên.'));
  return view;
}

describe('report screen', () => {
  it('starts a report, saves as typed, and a reload keeps the text', async () => {
    const view = await startAndWrite();
    expect(area('Mở đầu').value).toMatch(/^Thực hiện Chương trình công tác Đoàn/);
    expect((screen.getByLabelText('Họ tên người ký') as HTMLInputElement).value).toBe('Nguyễn Thị Hoa');
    // what belongs in a section, on screen
    expect(screen.getByText('Khó khăn, vướng mắc; đề xuất, kiến nghị với cấp trên.')).toBeTruthy();
    fireEvent.input(area('Nguyên nhân'), { target: { value: 'Đoàn viên làm theo ca.' } });
    fireEvent.input(screen.getByLabelText('Số'), { target: { value: '05-BC/CĐ' } });
    expect(isAnyFormDirty()).toBe(true);
    await waitFor(async () => expect((await row())?.causes).toBe('Đoàn viên làm theo ca.'));
    await waitFor(async () => expect((await row())?.docNumber).toBe('05-BC/CĐ'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Đã lưu lúc \d\d:\d\d$/));

    // A keystroke just before a reload: the local copy brings it back.
    fireEvent.input(area('Khó khăn, vướng mắc, đề xuất, kiến nghị'), { target: { value: 'Thiếu kinh phí' } });
    view.unmount();
    mount();
    await waitFor(() => expect(area('Nguyên nhân').value).toBe('Đoàn viên làm theo ca.'));
    expect(area('Khó khăn, vướng mắc, đề xuất, kiến nghị').value).toBe('Thiếu kinh phí');
    expect((screen.getByLabelText('Số') as HTMLInputElement).value).toBe('05-BC/CĐ');
    await waitFor(async () => expect((await row())?.difficulties).toBe('Thiếu kinh phí'));
  });

  it('takes back the local copy of keystrokes a crash kept from the database', async () => {
    const view = await startAndWrite();
    view.unmount();
    const saved = (await row())!;
    const key = `scd:report-draft:${ID}:v1`;
    const form = { causes: 'Gõ xong thì mất điện' };
    localStorage.setItem(key, JSON.stringify({ value: { form, touched: ['causes'] }, at: new Date(Date.parse(saved.updatedAt) + 1000).toISOString() }));
    mount();
    await waitFor(() => expect(area('Nguyên nhân').value).toBe('Gõ xong thì mất điện'));
    expect(area('Tình hình chung').value).toBe(saved.situation);
    await waitFor(async () => expect((await row())?.causes).toBe('Gõ xong thì mất điện'));
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
  });

  it('offers the figure sentences again when they are not in a section', async () => {
    await startAndWrite();
    const insert = () => screen.queryByRole('button', { name: 'Chèn câu số liệu – Tình hình chung' });
    expect(insert()).toBeNull();
    fireEvent.input(area('Tình hình chung'), { target: { value: 'Đoàn viên phần lớn là công nhân trẻ.' } });
    await waitFor(() => expect(insert()).toBeTruthy());
    // sending now would freeze today's figures under a text without them: the question says so
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    expect(within(screen.getByRole('alertdialog')).getByRole('alert').textContent).toContain('Còn 1 câu số liệu của hôm nay chưa có trong bài');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Hủy' }));
    fireEvent.click(insert()!);
    expect(area('Tình hình chung').value).toBe('Đầu quý, chi đoàn có 2 đoàn viên; cuối quý có 2 đoàn viên.\nĐoàn viên phần lớn là công nhân trẻ.');
    expect(insert()).toBeNull();
  });

  it('sends version 1 frozen; a member added later changes version 2’s figures, not version 1', async () => {
    await startAndWrite();
    fireEvent.input(area('Phương hướng, nhiệm vụ kỳ tới'), { target: { value: 'Kết nạp thêm đoàn viên.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('chốt thành bản 1');
    expect(dialog.textContent).toContain('sẽ đến Đoàn phường 7 khi điện thoại đồng bộ');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chốt và gửi' }));
    const sent = await screen.findByTestId('report-sent');
    expect(sent.textContent).toContain('Đã gửi bản 1');
    expect(sent.textContent).toMatch(/Bản 1 gửi lúc \d\d\/\d\d\/\d{4} \d\d:\d\d, người gửi: Nguyễn Thị Hoa\./);
    expect(sent.textContent).toContain('Chưa kết nối máy chủ');
    expect(screen.queryByLabelText('Tình hình chung')).toBeNull();
    const link = screen.getByRole('link', { name: 'Xem bản in bản 1' });
    expect(link.getAttribute('href')).toBe(`/reports/${ID}/print?v=1`);
    const db = await activeDb();
    const v1 = await db.reportVersions.get(`${ID}:v1`);
    expect(v1?.sections.direction).toBe('Kết nạp thêm đoàn viên.');
    expect(v1?.figures.membership.end).toBe(2);
    // no draft left behind (the one other key is the shell's copy of the unit id, data/prefs.ts)
    expect(Object.keys(localStorage).filter((k) => k !== 'scd:unit')).toEqual([]);

    expect(screen.queryByTestId('report-changed-since')).toBeNull();
    // a deputy's offline edit arrives by sync after the send: said, as not in version 1
    await db.reports.update(ID, { causes: 'Bổ sung của phó bí thư' });
    expect((await screen.findByTestId('report-changed-since')).textContent).toContain('Có thay đổi sau khi gửi bản 1, chưa có trong bản đã gửi: Nguyên nhân');

    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Tạ Đức Khang' });
    expect((await db.reportVersions.get(`${ID}:v1`))?.figures.membership.end).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: 'Làm bản 2' }));
    const changes = await screen.findByTestId('figure-changes');
    expect(changes.textContent).toContain('Số liệu đã thay đổi so với bản 1');
    expect(changes.textContent).toContain('Đoàn viên cuối kỳ: 2 → 3');
    expect(area('Phương hướng, nhiệm vụ kỳ tới').value).toBe('Kết nạp thêm đoàn viên.');
    expect(screen.getByText('Bản nháp 2')).toBeTruthy();
    // today's sentence replaces version 1's
    fireEvent.click(screen.getByRole('button', { name: 'Chèn câu số liệu – Tình hình chung' }));
    expect(area('Tình hình chung').value).toBe('Đầu quý, chi đoàn có 3 đoàn viên; cuối quý có 3 đoàn viên.');
    expect((await db.reportVersions.get(`${ID}:v1`))?.sections.situation).toBe('Đầu quý, chi đoàn có 2 đoàn viên; cuối quý có 2 đoàn viên.');
  });

  it('says so when the period is not over yet: its figures freeze as of today', async () => {
    // found in use: Q4's report was sent on 07/12 without a word that December was not in it
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T10:00:00+07:00'));
    try {
      await startAndWrite();
      fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
      expect(screen.getByRole('alertdialog').textContent).toContain('Kỳ báo cáo chưa hết (đến 31/03/2026)');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows cấp trên’s return with its comment, and the next version answers it', async () => {
    await startAndWrite();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Chốt và gửi' }));
    await screen.findByTestId('report-sent');
    // cấp trên's review arrives by sync
    const db = await activeDb();
    const unitId = await activeUnitId();
    const now = new Date().toISOString();
    await db.reportReviews.put({
      id: `${ID}:v1:review`, reportId: ID, version: 1, decision: 'returned', comment: 'Bổ sung số liệu đoàn phí.', reviewedAt: '2026-04-05T09:00:00.000Z',
      unitId, rev: { decision: 3 }, deleted: false, createdAt: now, updatedAt: now,
    });
    const review = await screen.findByTestId('report-review');
    expect(review.textContent).toContain('Đoàn phường 7 trả lại bản 1 để sửa');
    expect(review.textContent).toContain('Bổ sung số liệu đoàn phí.');
    // not the green "sent" chip any more (found in use)
    await waitFor(() => expect(screen.getByTestId('report-sent').querySelector('.badge')!.textContent).toBe('Bản 1 bị trả lại'));
    fireEvent.click(screen.getByRole('button', { name: 'Làm bản 2' }));
    await screen.findByText('Bản nháp 2');
    expect(screen.getByTestId('report-review').textContent).toContain('Bổ sung số liệu đoàn phí.');
    await screen.findByText('Số liệu chưa thay đổi so với bản 1.');
  });

  it('says so for an id that names no period', async () => {
    history.replaceState(null, '', '/reports/report:2026:q9');
    render(
      <LocationProvider>
        <Router>{[<Route key="report" path="/reports/:id" component={ReportPage} />]}</Router>
      </LocationProvider>,
    );
    await screen.findByText('Không có kỳ báo cáo này.');
  });
});
