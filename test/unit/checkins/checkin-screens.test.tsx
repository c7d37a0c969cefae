// @vitest-environment jsdom
// The check-in screens over real Dexie (fake-indexeddb), from both sides. The level above (a
// supervised unit's database, role supervisor) records a check-in with actions agreed inline
// and sees the quarters, a missed one flagged, and overdue actions at the top; the unit (its
// own database) is offered no check-in form and no edit, and writes an action's follow-up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { set } from 'idb-keyval';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { openUnitDbApart, type UnitDb } from '../../../src/data/db';
import { saveCheckIn } from '../../../src/features/checkins/checkins-repo';
import { listActions, listCheckIns } from '../../../src/features/checkins/checkins-queries';
import CheckinsPage from '../../../src/features/checkins/CheckinsPage';
import CheckinNewPage from '../../../src/features/checkins/CheckinNewPage';
import CheckinDetailPage from '../../../src/features/checkins/CheckinDetailPage';

configure({ asyncUtilTimeout: 5000 });
const UNIT = 'unit-above-0001';
let above: UnitDb;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-08-10T09:00:00'));
  await freshUnit();
  above = openUnitDbApart(UNIT);
  await above.syncState.put({ key: 'device', deviceId: 'dev-1', nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: { baseUrl: '', unitId: UNIT, unitName: 'Chi đoàn 1', role: 'supervisor', deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' } } as never);
  await set('above', { baseUrl: '', username: 'lan.nguyen', accountToken: 't', signedInAt: '2026-01-01', units: [] });
});
afterEach(() => {
  cleanup();
  above.close();
  vi.useRealTimers();
});

function mount(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        {[
          <Route key="a" path="/above/unit/:unitId/checkins" component={CheckinsPage} />,
          <Route key="b" path="/above/unit/:unitId/checkins/new" component={CheckinNewPage} />,
          <Route key="c" path="/above/unit/:unitId/checkins/:id" component={CheckinDetailPage} />,
          <Route key="d" path="/checkins" component={CheckinsPage} />,
          <Route key="e" path="/checkins/:id" component={CheckinDetailPage} />,
        ]}
      </Router>
    </LocationProvider>,
  );
}

const type = (label: string | RegExp, value: string, i = 0) => fireEvent.input(screen.getAllByLabelText(label)[i], { target: { value } });

describe('check-in screens', () => {
  it('the level above records a check-in with two actions agreed inline, by its account name', async () => {
    mount(`/above/unit/${UNIT}/checkins/new`);
    await screen.findByLabelText('Ngày giao ban');
    expect((screen.getByLabelText('Ngày giao ban') as HTMLInputElement).value).toBe('10/08/2026');
    type('Ngày giao ban', '05/08/2026');
    type('Địa điểm', 'Nhà văn hóa khu phố 3');
    type('Thành phần tham dự', 'Đ/c Lan\nĐ/c Minh');
    type('Tình hình, kết quả giao ban', 'Đoàn phí chậm 2 tháng.');
    type('Việc cần làm', 'Thu đủ đoàn phí');
    type('Thời hạn', '31/08/2026');
    fireEvent.click(screen.getByRole('button', { name: '+ Thêm việc' }));
    type('Việc cần làm', 'Họp BCH', 1);
    type('Người thực hiện', 'Phó bí thư', 1);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByRole('heading', { name: 'Giao ban 05/08/2026' });
    const [c] = await listCheckIns(above);
    expect(c).toMatchObject({ date: '2026-08-05', place: 'Nhà văn hóa khu phố 3', findings: 'Đoàn phí chậm 2 tháng.', byName: 'lan.nguyen' });
    expect((await listActions(above, c.id)).map((a) => [a.what, a.who, a.dueOn]).sort()).toEqual([
      ['Họp BCH', 'Phó bí thư', ''],
      ['Thu đủ đoàn phí', '', '2026-08-31'],
    ]);
    expect(location.pathname).toBe(`/above/unit/${UNIT}/checkins/${c.id}`);
  });

  it('refuses a date that is not one, writing nothing', async () => {
    mount(`/above/unit/${UNIT}/checkins/new`);
    await screen.findByLabelText('Thời hạn');
    type('Thời hạn', '31/02/2026');
    type('Việc cần làm', 'Thu đủ đoàn phí');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Ngày không hợp lệ/);
    expect(await above.checkIns.count()).toBe(0);
  });

  it('shows the level above the quarters (Q2 missed), overdue actions at the top, and the way to record one', async () => {
    await saveCheckIn(above, undefined, { date: '2026-02-10', place: 'Trụ sở' }, [{ what: 'Quá hạn rồi', dueOn: '2026-03-01' }, { what: 'Còn hạn', dueOn: '2026-12-01' }]);
    mount(`/above/unit/${UNIT}/checkins`);
    const overdue = await screen.findByRole('region', { name: /Việc quá hạn/ });
    expect(within(overdue).getByText('Quá hạn rồi')).toBeTruthy();
    expect(within(overdue).queryByText('Còn hạn')).toBeNull();
    const quarters = screen.getByRole('region', { name: 'Giao ban theo quý' });
    const states = [...quarters.querySelectorAll('.ci-q')].map((q) => q.querySelector('.ci-q-state')?.textContent);
    expect(states).toEqual(['Đã giao ban', 'Chưa giao ban', 'Chưa giao ban (quý này)', 'Chưa tới']);
    expect(within(quarters).getByText('10/02/2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: '+ Ghi giao ban mới' }).getAttribute('href')).toBe(`/above/unit/${UNIT}/checkins/new`);
    // the year switcher
    expect(screen.getByRole('link', { name: 'Năm sau' }).getAttribute('href')).toBe(`/above/unit/${UNIT}/checkins?y=2027`);
  });

  it('the unit reads its check-ins with no form or edit, and writes an action follow-up stamped "unit"', async () => {
    const c = await saveCheckIn(above, undefined, { date: '2026-07-02', findings: 'Ghi nhận.' }, [{ what: 'Thu đủ đoàn phí', dueOn: '2026-07-31' }]);
    const db = await activeDb();
    await db.checkIns.put(c);
    for (const a of await listActions(above)) await db.checkInActions.put(a);

    mount('/checkins');
    const overdue = await screen.findByRole('region', { name: /Việc quá hạn/ });
    expect(within(overdue).getByText('Quá hạn')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Ghi giao ban mới/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa việc' })).toBeNull();

    fireEvent.click(within(overdue).getByRole('button', { name: 'Cập nhật' }));
    fireEvent.change(screen.getByLabelText('Tình trạng'), { target: { value: 'done' } });
    type('Kết quả, việc đã làm', 'Đã thu đủ ngày 5/8');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu kết quả' }));
    await waitFor(async () => expect((await listActions(db))[0]).toMatchObject({ status: 'done', followUp: 'Đã thu đủ ngày 5/8', followedBy: 'unit' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Việc quá hạn/ })).toBeNull());
    expect(screen.getByText('Đã thu đủ ngày 5/8')).toBeTruthy();
  });

  it("the unit's check-in detail offers printing and follow-up but no edit or delete", async () => {
    const c = await saveCheckIn(above, undefined, { date: '2026-07-02', place: 'Trụ sở', findings: 'Ghi nhận.' }, [{ what: 'Họp BCH' }]);
    const db = await activeDb();
    await db.checkIns.put(c);
    for (const a of await listActions(above)) await db.checkInActions.put(a);
    mount(`/checkins/${c.id}`);
    await screen.findByRole('heading', { name: 'Giao ban 02/07/2026' });
    expect(screen.getByText('Ghi nhận.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'In biên bản' }).getAttribute('href')).toBe(`/checkins/${c.id}/print`);
    expect(screen.getByRole('button', { name: 'Cập nhật' })).toBeTruthy();
    for (const name of ['Sửa', 'Sửa việc', 'Xóa buổi giao ban', '+ Thêm việc thống nhất']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('the level above edits the check-in and adds an action on its detail', async () => {
    const c = await saveCheckIn(above, undefined, { date: '2026-07-02', place: 'Trụ sở' });
    mount(`/above/unit/${UNIT}/checkins/${c.id}`);
    await screen.findByRole('heading', { name: 'Giao ban 02/07/2026' });
    fireEvent.click(screen.getByRole('button', { name: '+ Thêm việc thống nhất' }));
    type('Việc cần làm', 'Kết nạp 3 đoàn viên');
    type('Thời hạn', '30/09/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Kết nạp 3 đoàn viên');
    fireEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    await screen.findByRole('heading', { name: 'Sửa buổi giao ban' });
    type('Địa điểm', 'Hội trường phường');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Hội trường phường');
    expect((await above.checkIns.get(c.id))?.place).toBe('Hội trường phường');
    expect((await listActions(above, c.id)).map((a) => a.dueOn)).toEqual(['2026-09-30']);
  });
});

describe('a check-in that is not there', () => {
  it('says so under the screen heading', async () => {
    mount(`/above/unit/${UNIT}/checkins/checkin-missing-01`);
    await screen.findByRole('heading', { name: 'Giao ban' });
    expect(screen.getByText('Không tìm thấy buổi giao ban này.')).toBeTruthy();
  });
});
