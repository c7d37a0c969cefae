// Issue 11, the level above's phone in the built app served by the real server: an admin
// creates a ward union with two chi đoàn under it and a supervisor account assigned the ward
// union (through the API); a unit phone joins one chi đoàn and records members; the
// supervisor's phone (no unit of its own) signs in at /above from the first-run screen, syncs,
// sees both units in the tree, opens a unit's book (its members are there), and after a reload
// OFFLINE still sees its units and says how old the data is. Screenshots at 360×740.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { heading, waitForOfflineExtras, waitForServiceWorker } from './app';
import { addMember, calm, joinWithCode } from './unit-data';

const WAIT = { timeout: 30_000 };
const SUPERVISOR = { username: 'can-bo-lan', password: 'mat-khau-cap-tren-2' };

let server: AppServer;
let unitPhone: BrowserSession;
let supPhone: BrowserSession;
let page: Page;
const ids: { parent?: string; a?: string; b?: string } = {};

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  server = await startServer();
  unitPhone = await launchBrowser();
  supPhone = await launchBrowser();
  page = supPhone.page;
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `above-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

describe("the level above's phone", () => {
  test('the admin builds the tree and the supervisor account; a unit phone joins and records members', async () => {
    const { token } = await api<{ token: string }>('/setup', { username: 'admin-quan-3', password: 'mat-khau-quan-tri' });
    ids.parent = (await api<{ id: string }>('/units', { name: 'Đoàn phường 7' }, token)).id;
    ids.a = (await api<{ id: string }>('/units', { name: 'Chi đoàn khu phố 1', parentId: ids.parent, inCharge: 'Đ/c Lan' }, token)).id;
    ids.b = (await api<{ id: string }>('/units', { name: 'Chi đoàn khu phố 2', parentId: ids.parent }, token)).id;
    await api('/accounts', { ...SUPERVISOR, role: 'supervisor', unitIds: [ids.parent] }, token);
    const { code } = await api<{ code: string }>(`/units/${ids.a}/invites`, { role: 'secretary' }, token);

    const p = unitPhone.page;
    await joinWithCode(p, server.url, code);
    await addMember(p, server.url, 'Nguyễn Thị Thu Hà');
    await addMember(p, server.url, 'Trần Văn Bình');
    await p.goto(server.url + '/sync');
    await calm(p);
    await p.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => p.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
  });

  test('the supervisor signs in from the first-run screen, syncs, and sees both units', async () => {
    await page.goto(server.url + '/');
    await heading(page, 'Thiết lập đơn vị').waitFor(WAIT);
    await page.getByRole('link', { name: 'Cán bộ cấp trên? Đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
    await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
    await calm(page);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(`Tài khoản: ${SUPERVISOR.username}`).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('above-sync').innerText(), WAIT).toMatch(/^Đã đồng bộ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    const tree = page.locator('.above-tree li');
    await expect.poll(() => tree.allInnerTexts(), WAIT).toEqual([
      expect.stringMatching(/^Đoàn phường 7\s+Chưa phân công phụ trách/),
      expect.stringMatching(/^Chi đoàn khu phố 1\s+Phụ trách: Đ\/c Lan/),
      expect.stringMatching(/^Chi đoàn khu phố 2\s+Chưa phân công phụ trách/),
    ]);
    await calm(page);
    await screenshot(page, 'above-1-home');

    // A phone with no unit of its own but a supervisor signed in: "/" is the level above.
    await page.goto(server.url + '/');
    await page.waitForURL((u) => u.pathname === '/above', WAIT);
  });

  test("opens a unit's book: its members are there", async () => {
    // the scorecard above the tree sorts its rows as they are computed: tap once it is still
    await expect.poll(async () => /Đang tính|Đang cập nhật/.test(await page.locator('.sc-table').innerText()), WAIT).toBe(false);
    // the scorecard scrolls inside itself: the page stays as wide as the phone
    expect(await page.evaluate(() => [innerWidth, document.documentElement.scrollWidth])).toEqual([360, 360]);
    await page.locator('.above-tree').getByRole('link', { name: 'Chi đoàn khu phố 1' }).click();
    await heading(page, 'Chi đoàn khu phố 1').waitFor(WAIT);
    expect(await page.getByText('Trực thuộc: Đoàn phường 7').count()).toBe(1);
    await calm(page);
    await screenshot(page, 'above-2-unit');
    await page.getByRole('button', { name: 'Mở sổ của đơn vị (chỉ xem)' }).click();
    await page.waitForURL((u) => u.pathname === '/', WAIT);
    await page.goto(server.url + '/members');
    await page.getByText('Trần Văn Bình').waitFor(WAIT);
    expect(await page.getByText('Nguyễn Thị Thu Hà').count()).toBeGreaterThan(0);
  });

  test('offline after a reload, the level above still shows its units and how old the data is', async () => {
    await page.goto(server.url + '/above');
    await page.getByText(`Tài khoản: ${SUPERVISOR.username}`).waitFor(WAIT);
    await waitForServiceWorker(page);
    await waitForOfflineExtras(page);
    await supPhone.setOffline(true);
    await page.reload();
    await page.getByText(`Tài khoản: ${SUPERVISOR.username}`).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('above-sync').innerText(), WAIT).toMatch(/^Không có mạng · số liệu đến \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect(await page.locator('.above-tree li').count()).toBe(3);
    await page.locator('.above-tree').getByRole('link', { name: 'Chi đoàn khu phố 2' }).click();
    await heading(page, 'Chi đoàn khu phố 2').waitFor(WAIT);
    await page.goto(server.url + '/above');
    await page.getByTestId('above-sync').waitFor(WAIT);
    await calm(page);
    await screenshot(page, 'above-3-offline');
  });
});
