// @vitest-environment jsdom
// The dues screens over a real database: ticking members shows the running total and one tap
// collects for all of them; a reversal needs a reason and leaves the payment struck through;
// the grid shows each month's state with a symbol and says it in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import '../../../src/features/dues/i18n';
import CollectManyPage from '../../../src/features/dues/CollectManyPage';
import MemberDuesPage from '../../../src/features/dues/MemberDuesPage';
import GridPage from '../../../src/features/dues/GridPage';
import { createMember } from '../../../src/features/members/members-repo';
import { collectForMember } from '../../../src/features/dues/dues-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(cleanup);

const LIVE = { timeout: 5000 };
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/dues/collect" component={CollectManyPage} />
        <Route path="/dues/member/:id" component={MemberDuesPage} />
        <Route path="/dues/grid" component={GridPage} />
      </Router>
    </LocationProvider>,
  );
}

async function three() {
  const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan', admissionDate: '2015-03-26' });
  const hai = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải', duesCategory: 'salaried', admissionDate: '2012-05-19' });
  const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn An', admissionDate: '2019-01-09' });
  return { lan, hai, an };
}

describe('collect for many', () => {
  it('ticks add up, one tap collects for everyone ticked, and they leave the list', async () => {
    const { lan, hai, an } = await three();
    // The book is kept in the app from January 2025 (a payment recorded then): March is owed.
    await collectForMember({ memberId: an.id, months: [{ period: '2025-01', amount: 2000 }], paidAt: '2025-01-10', method: 'cash' });
    mountAt('/dues/collect?m=2025-03');
    await screen.findByText('3 người chưa đóng', undefined, LIVE);
    fireEvent.click(screen.getByRole('checkbox', { name: /Nguyễn Thị Lan/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Trần Văn Hải/ }));
    const button = screen.getByRole('button', { name: /^Thu 7.000/ });
    expect(norm(screen.getByRole('region').textContent)).toContain('Đã chọn 2 người');
    fireEvent.click(button);
    await screen.findByText(/Đã thu của 2 người, tổng 7.000/, undefined, LIVE);
    await screen.findByText('1 người chưa đóng', undefined, LIVE);
    const db = await activeDb();
    const entries = await db.dues.where('period').equals('2025-03').toArray();
    expect(entries.map((e) => [e.memberId, e.amount]).sort()).toEqual([[lan.id, 2000], [hai.id, 5000]].sort());
    expect(await db.outbox.where('table').equals('dues').count()).toBe(3); // with An's January
  });
});

describe('reversal on the member screen', () => {
  it('asks for a reason before confirming, then shows the payment reversed and the month unpaid', async () => {
    const { lan } = await three();
    await collectForMember({ memberId: lan.id, months: [{ period: '2025-02', amount: 2000 }], paidAt: '2025-02-10', method: 'cash' });
    mountAt(`/dues/member/${lan.id}?y=2025`);
    await screen.findByText('Các lần thu', undefined, LIVE);
    const months = screen.getByRole('list', { name: 'Năm 2025' });
    expect(norm(within(months).getAllByRole('listitem')[1].textContent)).toBe('T2✓Đã đóng');
    fireEvent.click(screen.getByRole('button', { name: 'Hủy lần thu' }));
    const confirm = screen.getByRole('button', { name: 'Xác nhận hủy' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Lý do hủy'), { target: { value: 'Thu nhầm tháng' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await screen.findByText('Đã hủy lần thu tháng 02/2025.', undefined, LIVE);
    await waitFor(() => expect(screen.getAllByText('Đã hủy').length).toBe(1), LIVE);
    expect(screen.getByText('Hủy phiếu')).toBeTruthy();
    await waitFor(() => expect(norm(within(screen.getByRole('list', { name: 'Năm 2025' })).getAllByRole('listitem')[1].textContent)).toBe('T2✗Chưa đóng'), LIVE);
  });
});

describe('the year grid', () => {
  it('shows each month with its symbol, and each row in words', async () => {
    const { hai } = await three();
    await collectForMember({ memberId: hai.id, months: [{ period: '2025-01', amount: 5000 }, { period: '2025-02', amount: 2000 }], paidAt: '2025-02-10', method: 'cash' });
    mountAt('/dues/grid?y=2025');
    const row = await screen.findByRole('link', { name: /^Trần Văn Hải:/ }, LIVE);
    expect(row.getAttribute('aria-label')).toBe('Trần Văn Hải: đã đóng 1 tháng, chưa đóng 11 tháng');
    const cells = Array.from(row.querySelectorAll('.dues-cell')).map((c) => `${c.className.replace('dues-cell ds-', '')}:${c.textContent}`);
    expect(cells.slice(0, 3)).toEqual(['paid:✓', 'partial:½', 'owed:✗']);
    expect(row.getAttribute('href')).toBe(`/dues/member/${hai.id}?y=2025`);
    expect(screen.getByText('3 đoàn viên')).toBeTruthy();
  });
});
