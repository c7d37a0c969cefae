// Issue 11, the admin's part, in the built app on the real server at 360×740: the admin builds
// the tree (Đoàn phường 7 with two chi đoàn under it, one named with its phụ trách), creates a
// supervisor account and assigns the ward — its chi đoàn come with it. The supervisor, signed
// in over the API, sees the ward and both chi đoàn. Nothing is wider than the phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import type { Page } from 'playwright-core';
import { heading } from './app';

const WAIT = { timeout: 30_000 };
let server: AppServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(cleanupAll);

/** The PWA's banners (install offer, ready offline) sit over the bottom of the page: close them as a user would. */
async function calm(page: Page) {
  for (const name of ['Để sau', 'Đóng', 'Đã hiểu']) {
    const b = page.locator('.banner').getByRole('button', { name, exact: true });
    if (await b.count()) await b.first().click({ timeout: 2_000 }).catch(() => undefined);
  }
}

describe('the admin builds the unit tree and assigns a supervisor', () => {
  test('tree, phụ trách, supervisor account, assignment', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url + '/admin');
    await heading(page, 'Quản trị máy chủ').waitFor(WAIT);
    await page.getByLabel('Tên đăng nhập').fill('admin-quan-3');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cap-tren');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cap-tren');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();

    await page.getByLabel('Tên đơn vị').fill('Đoàn phường 7');
    await page.getByLabel('Cấp trên (không bắt buộc)').fill('Quận đoàn 3');
    await page.getByLabel('Cán bộ phụ trách').fill('Đ/c Lê Thị Mai');
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    const ward = page.getByRole('listitem', { name: 'Đoàn phường 7' });
    await ward.waitFor(WAIT);

    for (const child of ['Chi đoàn khu phố 3', 'Chi đoàn Công ty May 30/4']) {
      await ward.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      await ward.getByLabel('Tên đơn vị').fill(child);
      await ward.getByRole('button', { name: 'Tạo đơn vị' }).click();
      await page.getByRole('listitem', { name: child }).waitFor(WAIT);
    }
    const kp3 = page.getByRole('listitem', { name: 'Chi đoàn khu phố 3' });
    await kp3.getByRole('button', { name: 'Sửa' }).click();
    await kp3.getByLabel('Cán bộ phụ trách').fill('Đ/c Trần Văn Nam');
    await kp3.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => kp3.innerText(), WAIT).toContain('Phụ trách: Đ/c Trần Văn Nam');
    expect(await kp3.getAttribute('data-depth')).toBe('1');
    await page.locator('.banner').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    await calm(page);
    await calm(page);
    await heading(page, 'Các đơn vị').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, document.querySelector('#admin-tree')!.getBoundingClientRect().top - 60));
    await screenshot(page, 'admin-1-tree');

    await page.getByLabel('Tên đăng nhập').fill('giam.sat.mai');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-giam-sat');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const account = page.getByRole('listitem', { name: 'giam.sat.mai' });
    await account.waitFor(WAIT);
    await account.getByRole('button', { name: 'Giao đơn vị' }).click();
    await account.getByLabel('Đoàn phường 7', { exact: true }).check();
    await expect.poll(() => account.getByLabel(/^Chi đoàn khu phố 3/).isDisabled(), WAIT).toBe(true);
    await calm(page);
    await page.evaluate(() => window.scrollBy(0, document.querySelector('.unit-checks')!.getBoundingClientRect().top - 160));
    await screenshot(page, 'admin-2-assign');
    await account.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => account.innerText(), WAIT).toContain('Đơn vị được giao: Đoàn phường 7');
    await expect.poll(() => kp3.innerText(), WAIT).toContain('giam.sat.mai (qua Đoàn phường 7)');

    // one thumb at 360 px: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const api = async (path: string, init: RequestInit = {}) => (await fetch(`${server.url}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })).json();
    const { token } = await api('/login', { method: 'POST', body: JSON.stringify({ username: 'giam.sat.mai', password: 'mat-khau-giam-sat' }) });
    const seen = (await api('/units', { headers: { authorization: `Bearer ${token}` } })) as { name: string; inCharge?: string }[];
    expect(seen.map((u) => u.name).sort()).toEqual(['Chi đoàn Công ty May 30/4', 'Chi đoàn khu phố 3', 'Đoàn phường 7']);
    expect(seen.find((u) => u.name === 'Đoàn phường 7')?.inCharge).toBe('Đ/c Lê Thị Mai');
    await page.close();
  });
});
