// @vitest-environment jsdom
// The opening balance screen over a real database: "everyone paid up to month M" asks first,
// saying how many members; one member's screen records for that member only; a balance is
// reversed with a reason.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import '../../../src/features/dues/i18n';
import OpeningPage from '../../../src/features/dues/OpeningPage';
import { archiveMember, createMember } from '../../../src/features/members/members-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const LIVE = { timeout: 5000 };

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/dues/:page" component={OpeningPage} />
        <Route path="/dues/:page/:id" component={OpeningPage} />
      </Router>
    </LocationProvider>,
  );
}

describe('paid before the app', () => {
  it('for everyone: the confirmation says how many members, then one entry each, no money', async () => {
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải' });
    const gone = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn An' });
    await archiveMember(gone.id);
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(true);
    mountAt('/dues/opening');
    const button = await screen.findByRole('button', { name: 'Ghi cho tất cả (2 người)' }, LIVE);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), LIVE);
    fireEvent.input(screen.getByLabelText('Đã đóng đến hết tháng'), { target: { value: '2026-06' } });
    fireEvent.click(button);
    expect(ask).toHaveBeenCalledWith('Ghi “đã đóng đến hết tháng 06/2026” cho cả 2 đoàn viên đang sinh hoạt?');
    await screen.findByText('Đã ghi cho 2 người: đã đóng đến tháng 06/2026.', undefined, LIVE);
    const db = await activeDb();
    const rows = await db.dues.toArray();
    expect(rows.map((r) => [r.kind, r.amount, r.period])).toEqual([['opening', 0, '2026-06'], ['opening', 0, '2026-06']]);
    await screen.findByText('Nguyễn Thị Lan ·', { exact: false }, LIVE);
  });

  it('for one member, and reversed with a reason', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải' });
    mountAt(`/dues/opening/${lan.id}`);
    await screen.findByText('Chưa ghi tháng đã đóng trước khi dùng app.', undefined, LIVE);
    fireEvent.input(screen.getByLabelText('Đã đóng đến hết tháng'), { target: { value: '2026-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi cho đoàn viên này' }));
    await screen.findByText('Đang ghi: đã đóng đến tháng 03/2026.', undefined, LIVE);
    fireEvent.click(screen.getByRole('button', { name: 'Hủy lần thu' }));
    fireEvent.input(screen.getByLabelText('Lý do hủy'), { target: { value: 'Ghi nhầm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận hủy' }));
    await screen.findByText('Chưa ghi tháng đã đóng trước khi dùng app.', undefined, LIVE);
    const db = await activeDb();
    expect((await db.dues.toArray()).map((r) => [r.memberId, r.reversesId ? 'reversal' : 'opening'])).toEqual([[lan.id, 'opening'], [lan.id, 'reversal']]);
  });
});
