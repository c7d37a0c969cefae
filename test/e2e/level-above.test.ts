// Issue 11's browser test, three phones on one real server, in the built app at 360×740:
//   - cấp trên's phone: the admin builds the tree at /admin (a ward union, two chi đoàn under
//     it) and a supervisor account assigned the ward union; then the supervisor signs in at
//     /above on the same phone (the district cadre does both);
//   - unit A's phone joins its chi đoàn, records members and sends its quarter's report;
//   - unit B's phone joins the other chi đoàn and records a member.
// The supervisor's phone syncs, sees the scorecard, records a check-in with an agreed action
// and returns unit A's report with a comment; unit A's phone syncs and sees the comment and the
// action — and still sees them offline after a reload.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { heading, waitForOfflineExtras, waitForServiceWorker } from './app';
import { addMember, calm, joinWithCode } from './unit-data';

const WAIT = { timeout: 30_000 };
const ADMIN = { username: 'admin-quan-3', password: 'mat-khau-quan-tri' };
const SUP = { username: 'can-bo-lan', password: 'mat-khau-cap-tren-2' };
const UNIT_A = 'Chi đoàn khu phố 3';
const UNIT_B = 'Chi đoàn Công ty May 30/4';

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
const REPORT_ID = `report:${year}:q${q}`;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const DUE = `${year + 1}-01-31`;
const COMMENT = 'Bổ sung số đoàn viên đăng ký Chương trình rèn luyện.';
const ACTION = 'Tổ chức sinh hoạt chi đoàn tháng tới';

let server: AppServer;
let above: BrowserSession;
let phoneA: BrowserSession;
let phoneB: BrowserSession;
let current: Page | undefined;

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function shot(page: Page, name: string) {
  await calm(page);
  await screenshot(page, `level-above-${name}`);
}

async function syncUnitPhone(page: Page) {
  await page.goto(server.url + '/sync');
  await calm(page);
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
}

beforeAll(async () => {
  server = await startServer();
  above = await launchBrowser();
  phoneA = await launchBrowser();
  phoneB = await launchBrowser();
  above.page.on('dialog', (d) => void d.accept());
  phoneA.page.on('dialog', (d) => void d.accept());
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await screenshot(current, `level-above-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

describe('the level above and its units, three phones', () => {
  test('the admin builds the tree and assigns the supervisor', async () => {
    const page = (current = above.page);
    await page.goto(server.url + '/admin');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await page.getByLabel('Tên đơn vị').fill('Đoàn phường 7');
    await page.getByLabel('Cán bộ phụ trách').fill('Đ/c Lê Thị Mai');
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    const ward = page.getByRole('listitem', { name: 'Đoàn phường 7' });
    await ward.waitFor(WAIT);
    for (const child of [UNIT_A, UNIT_B]) {
      await ward.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      await ward.getByLabel('Tên đơn vị').fill(child);
      await ward.getByRole('button', { name: 'Tạo đơn vị' }).click();
      await page.getByRole('listitem', { name: child }).waitFor(WAIT);
    }
    await page.getByLabel('Tên đăng nhập').fill(SUP.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(SUP.password);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const account = page.getByRole('listitem', { name: SUP.username });
    await account.waitFor(WAIT);
    await account.getByRole('button', { name: 'Giao đơn vị' }).click();
    await account.getByLabel('Đoàn phường 7', { exact: true }).check();
    await account.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => account.innerText(), WAIT).toContain('Đoàn phường 7');
    await shot(page, '1-admin-tree');
  });

  test("unit A joins, records members and sends its quarter's report; unit B joins and records a member", async () => {
    const { token } = await api<{ token: string }>('/login', ADMIN);
    const units = await (await fetch(`${server.url}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } })).json();
    const idOf = (name: string) => (units as { id: string; name: string }[]).find((u) => u.name === name)!.id;
    const codeA = (await api<{ code: string }>(`/units/${idOf(UNIT_A)}/invites`, { role: 'secretary' }, token)).code;
    const codeB = (await api<{ code: string }>(`/units/${idOf(UNIT_B)}/invites`, { role: 'secretary' }, token)).code;

    const a = (current = phoneA.page);
    await joinWithCode(a, server.url, codeA);
    await addMember(a, server.url, 'Nguyễn Thị Thu Hà');
    await addMember(a, server.url, 'Trần Văn Bình');
    await a.goto(server.url + `/reports/${REPORT_ID}`);
    await calm(a);
    await a.getByRole('button', { name: 'Bắt đầu viết báo cáo' }).click();
    await expect.poll(() => a.getByLabel('Tình hình chung', { exact: true }).inputValue(), WAIT).toMatch(/2 đoàn viên/);
    await calm(a);
    await a.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await a.getByRole('alertdialog').waitFor(WAIT);
    await a.getByRole('button', { name: 'Chốt và gửi' }).click();
    await a.getByTestId('report-sent').waitFor(WAIT);
    await syncUnitPhone(a);

    const b = (current = phoneB.page);
    await joinWithCode(b, server.url, codeB);
    await addMember(b, server.url, 'Lê Thị Hồng');
    await syncUnitPhone(b);
  });

  test('the supervisor signs in, syncs and sees every unit on the scorecard', async () => {
    const page = (current = above.page);
    await page.goto(server.url + '/above');
    await page.getByLabel('Tên đăng nhập').fill(SUP.username);
    await page.getByLabel('Mật khẩu').fill(SUP.password);
    await calm(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(`Tài khoản: ${SUP.username}`).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('above-sync').innerText(), WAIT).toMatch(/^Đã đồng bộ lúc/);
    const rows = page.locator('.sc-table tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    // every row computed (rows are sorted worst first as they come in)
    await expect.poll(async () => /Đang tính|Đang cập nhật/.test(await page.locator('.sc-table').innerText()), WAIT).toBe(false);
    expect((await rows.allInnerTexts()).join('\n')).toContain(UNIT_A);
    await shot(page, '2-scorecard');
  });

  test('the supervisor records a check-in with an action and returns the report with a comment', async () => {
    const page = (current = above.page);
    await page.locator('.sc-table').getByRole('link', { name: UNIT_A }).click();
    await heading(page, UNIT_A).waitFor(WAIT);
    await shot(page, '3-unit-detail');
    await page.getByRole('link', { name: 'Giao ban' }).click();
    await calm(page);
    await page.getByRole('link', { name: '+ Ghi giao ban mới' }).click();
    await page.getByLabel('Ngày giao ban').fill(dmy(today));
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa khu phố 3');
    await page.getByLabel('Thành phần tham dự').fill('Đ/c Lê Thị Mai, Ủy viên BCH Đoàn phường 7; BCH chi đoàn');
    await page.getByLabel('Tình hình, kết quả giao ban').fill('Chi đoàn chưa sinh hoạt đều; hồ sơ đoàn viên đã cập nhật.');
    await page.getByLabel('Việc cần làm').fill(ACTION);
    await page.getByLabel('Người thực hiện').fill('Bí thư');
    await page.getByLabel('Thời hạn').fill(dmy(DUE));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: `Giao ban ${dmy(today)}` }).waitFor(WAIT);

    await page.goto(server.url + '/above/reports');
    await page.locator('.ib-table').waitFor(WAIT);
    // the table scrolls inside itself: the page stays as wide as the phone
    expect(await page.evaluate(() => [innerWidth, document.documentElement.scrollWidth])).toEqual([360, 360]);
    const cell = page.locator('.ib-table tbody tr', { hasText: UNIT_A }).locator(`a.ib-cell[href$="/reports/${REPORT_ID}"]`);
    await cell.waitFor(WAIT);
    await shot(page, '4-reports-received');
    await cell.click();
    await page.getByLabel('Ý kiến gửi đơn vị').fill(COMMENT);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByTestId('ib-review').waitFor(WAIT);

    await page.goto(server.url + '/above');
    await calm(page);
    await page.getByRole('button', { name: 'Đồng bộ' }).click();
    await expect.poll(() => page.getByTestId('above-sync').innerText(), WAIT).toMatch(/^Đã đồng bộ lúc/);
    // everything the supervisor wrote has reached the server: the server holds the review
    const { token } = await api<{ token: string }>('/login', SUP);
    await expect
      .poll(async () => {
        const units = (await (await fetch(`${server.url}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; name: string }[];
        const id = units.find((u) => u.name === UNIT_A)!.id;
        const pulled = await api<{ rows: { table: string }[] }>(`/units/${id}/pull`, { cursor: 0 }, token);
        return pulled.rows.map((r) => r.table).filter((t) => t === 'reportReviews' || t === 'checkIns' || t === 'checkInActions').sort();
      }, WAIT)
      .toEqual(['checkInActions', 'checkIns', 'reportReviews']);
  });

  test("unit A's phone sees the comment and the action, online and offline after a reload", async () => {
    const a = (current = phoneA.page);
    await syncUnitPhone(a);
    const check = async () => {
      await a.goto(server.url + `/reports/${REPORT_ID}`);
      await a.getByText(COMMENT).waitFor(WAIT);
      expect(await a.getByRole('button', { name: 'Làm bản 2' }).count()).toBe(1);
      await a.goto(server.url + '/checkins');
      await a.getByText(ACTION).first().waitFor(WAIT);
      await a.goto(server.url + '/');
      await a.getByTestId('above-card').waitFor(WAIT);
      expect(await a.getByTestId('above-card').innerText()).toMatch(/1 việc đang làm/);
    };
    await check();
    await shot(a, '5-unit-home');
    await waitForServiceWorker(a);
    await waitForOfflineExtras(a);
    await phoneA.setOffline(true);
    await a.reload();
    await check();
    await a.goto(server.url + `/reports/${REPORT_ID}`);
    await a.getByText(COMMENT).waitFor(WAIT);
    await shot(a, '6-unit-report-returned-offline');
    await a.goto(server.url + '/checkins');
    await a.getByText(ACTION).first().waitFor(WAIT);
    await shot(a, '7-unit-checkins-offline');
  });
});
