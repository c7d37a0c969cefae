// @vitest-environment jsdom
// The reports list on screen over real Dexie, on 07/07/2026 (the clock's date only is faked):
// each row's name, due date and standing; the settings form saving the delay and refusing a bad
// one; Home's card with its reminder line.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import ReportListScreens from '../../../src/features/reports/ReportListScreens';
import ReportCard from '../../../src/features/reports/ReportCard';
import { getReportDueDays } from '../../../src/features/reports/report-list-queries';

const meta = { unitId: 'u', rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
async function putVersion(reportId: string, submittedAt: string, dueOn?: string) {
  await (await activeDb()).reportVersions.put({ id: `${reportId}:v1`, reportId, version: 1, submittedAt, dueOn, ...meta } as never);
}

beforeAll(() => vi.useFakeTimers({ now: new Date('2026-07-07T05:00:00Z'), toFake: ['Date'] }));
afterAll(() => vi.useRealTimers());
beforeEach(async () => {
  await freshUnit();
  // the unit began in the app long before: every report of these years is the app's to judge
  const db = await activeDb();
  for (const u of await db.units.toArray()) await db.units.put({ ...u, createdAt: '2024-06-01T08:00:00.000Z' });
});
afterEach(cleanup);

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/reports" component={ReportListScreens} />
        <Route path="/reports/settings" component={ReportListScreens} />
      </Router>
    </LocationProvider>,
  );
}

/** The row of a period (its name; the year's row shares its name with the year switcher) */
const rowOf = (name: string) => screen.getAllByText(name).find((e) => e.classList.contains('t'))!.closest('a') as HTMLAnchorElement;
const yearTitle = () => within(screen.getByRole('navigation', { name: 'Chọn năm' })).getByText(/^Năm/).textContent;

describe('the reports list', () => {
  it("shows the year's periods by kind, each with its due date and standing, and links each to its report", async () => {
    await putVersion('report:2026:q1', '2026-04-14T09:00:00Z', '2026-04-10');
    mountAt('/reports');
    await screen.findByRole('heading', { name: 'Báo cáo gửi cấp trên' });
    expect(yearTitle()).toBe('Năm 2026');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Báo cáo quý', 'Báo cáo sơ kết', 'Báo cáo tổng kết']);
    const q1 = rowOf('Quý I năm 2026');
    expect(q1.getAttribute('href')).toBe('/reports/report:2026:q1');
    expect(within(q1).getByText('Đã gửi')).toBeTruthy();
    expect(within(q1).getByText('Hạn 10/04/2026 · gửi ngày 14/04/2026, muộn 4 ngày')).toBeTruthy();
    const q2 = rowOf('Quý II năm 2026');
    expect(within(q2).getByText('Chưa làm')).toBeTruthy();
    expect(within(q2).getByText('Hạn 10/07/2026 · còn 3 ngày')).toBeTruthy();
    expect(q2.className).toContain('tone-soon');
    expect(within(rowOf('6 tháng đầu năm 2026')).getByText('Hạn 10/07/2026 · còn 3 ngày')).toBeTruthy();
    // Q3 is under way, Q4 and the second half not begun: muted
    expect(within(rowOf('Quý III năm 2026')).getByText('Hạn 10/10/2026 · Đang trong kỳ')).toBeTruthy();
    expect(within(rowOf('Quý IV năm 2026')).getByText('Chưa đến kỳ')).toBeTruthy();
    expect(rowOf('Quý IV năm 2026').className).toContain('tone-future');
    expect(screen.getByText('Hạn nộp: 10 ngày sau khi hết kỳ')).toBeTruthy();
  });

  it('the year before: late reports said so, with the days overdue', async () => {
    mountAt('/reports?y=2025');
    await screen.findByRole('heading', { name: 'Báo cáo gửi cấp trên' });
    expect(yearTitle()).toBe('Năm 2025');
    // the year 2025 was due 10/01/2026: 178 days before 07/07/2026
    expect(within(rowOf('Năm 2025')).getByText('Hạn 10/01/2026 · quá hạn 178 ngày')).toBeTruthy();
    expect(rowOf('Năm 2025').className).toContain('tone-late');
    expect(screen.getByRole('status').textContent).toContain('7 báo cáo quá hạn chưa gửi');
  });

  it('a report due before the unit began in the app is listed, not flagged late', async () => {
    const db = await activeDb();
    for (const u of await db.units.toArray()) await db.units.put({ ...u, createdAt: '2026-05-01T08:00:00.000Z' });
    mountAt('/reports');
    await screen.findByRole('heading', { name: 'Báo cáo gửi cấp trên' });
    const q1 = rowOf('Quý I năm 2026');
    expect(within(q1).getByText('Hạn 10/04/2026')).toBeTruthy();
    expect(q1.className).toContain('tone-open');
    expect(screen.queryByText(/quá hạn chưa gửi/)).toBeNull();
  });
});

describe('the due-date setting', () => {
  it('explains the delay, shows the dates it gives, saves it; a bad number is refused and nothing saved', async () => {
    mountAt('/reports/settings');
    await screen.findByRole('heading', { name: 'Hạn nộp báo cáo' });
    expect(screen.getByText(/cấp trên có thể tự đặt hạn/)).toBeTruthy();
    const input = screen.getByLabelText('Số ngày sau khi hết kỳ') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Nhập số ngày từ 0 đến 90.');
    expect(await getReportDueDays()).toEqual({ days: 10, isSet: false });
    fireEvent.input(input, { target: { value: '15' } });
    expect(screen.getByText('Ví dụ, với 15 ngày: báo cáo quý I (hết kỳ ngày 31/03) hạn 15/04/2026, báo cáo quý II (hết kỳ ngày 30/06) hạn 15/07/2026.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Đã lưu hạn nộp.');
    expect(await getReportDueDays()).toEqual({ days: 15, isSet: true });
  });
});

describe("Home's card", () => {
  it('reminds of the reports due within a week, opening each; always links to the list', async () => {
    for (const id of ['report:2025:q4', 'report:2025:h2', 'report:2025:y', 'report:2024:y', 'report:2026:q1']) await putVersion(id, '2026-01-05T08:00:00Z');
    render(<ReportCard />);
    const line = await screen.findByText('Báo cáo quý II năm 2026: hạn 10/07, còn 3 ngày');
    expect(line.closest('a')!.getAttribute('href')).toBe('/reports/report:2026:q2');
    expect(screen.getByText('Báo cáo 6 tháng đầu năm 2026: hạn 10/07, còn 3 ngày')).toBeTruthy();
    expect(screen.getByText('Báo cáo gửi cấp trên').closest('a')!.getAttribute('href')).toBe('/reports');
  });

  it('flags a late report; nothing due shows the link alone', async () => {
    for (const id of ['report:2025:q4', 'report:2025:h2', 'report:2024:y', 'report:2026:q1', 'report:2026:q2', 'report:2026:h1']) await putVersion(id, '2026-01-05T08:00:00Z');
    render(<ReportCard />);
    await screen.findByText('⚠️ Báo cáo năm 2025: hạn 10/01, đã quá hạn 178 ngày');
    cleanup();
    await putVersion('report:2025:y', '2026-07-01T08:00:00Z');
    render(<ReportCard />);
    await screen.findByText('Báo cáo gửi cấp trên');
    await waitFor(() => expect(screen.queryByText(/quá hạn/)).toBeNull());
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
