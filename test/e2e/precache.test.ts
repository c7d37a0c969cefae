// What is precached and what is not (docs/decisions.md "What is precached"): the field
// screens open offline after one visit; a screen left out of the precache (here /import)
// opened offline before its first download says so in Vietnamese, with a retry and a way
// back; once opened online, the service worker keeps it and it opens offline too. English,
// never loaded, cannot be chosen offline: the app stays Vietnamese and says why.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { cachedPaths, heading, importFileInput, isChunkOf, navTo, setupUnit, waitForServiceWorker } from './app';

let server: AppServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // A phone on Save-Data: the app does not fetch the left-out screens by itself
  // (src/pwa/offline-extras.ts), so they are still "not on the phone" until opened or
  // downloaded from Settings — what this file checks.
  await browser.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
});
afterAll(cleanupAll);

const NOTICE = 'Chức năng này chưa được tải về máy. Hãy mở lại khi có mạng — sau lần đầu, nó dùng được cả khi không có mạng.';
const WAIT = { timeout: 30_000 };

describe('precache: field screens offline, the rest once opened', () => {
  test('first visit online, the service worker installs: ready offline', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await setupUnit(page);
    await waitForServiceWorker(page);
    expect((await cachedPaths(page)).some((p) => isChunkOf('ImportPage', p))).toBe(false);
  });

  test('offline: field screens open (a full load of /meetings, then the bottom bar)', async () => {
    const { page } = browser;
    await browser.setOffline(true);
    await page.goto(server.url + '/meetings');
    await heading(page, 'Sinh hoạt').waitFor(WAIT);
    await navTo(page, 'Đoàn viên');
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    await page.getByRole('link', { name: 'Thêm đoàn viên' }).first().click();
    await page.getByLabel('Họ và tên').waitFor(WAIT);
    await navTo(page, 'Cài đặt');
    await heading(page, 'Cài đặt').waitFor(WAIT);
  });

  test('offline: /import, never opened, says it is not on the phone, with Thử lại and Quay lại; the shell stays', async () => {
    const { page } = browser;
    await page.goto(server.url + '/import');
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
    expect(await page.locator('.content').getByRole('alert').innerText()).toContain(NOTICE);
    expect(await page.getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Quay lại' }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Đoàn viên' }).count()).toBe(1);
    await screenshot(page, 'precache-1-import-offline');
    // still offline: trying again keeps the notice
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
    // an online-only screen, the same way
    await page.goto(server.url + '/admin');
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
  });

  test('offline: English, never loaded, cannot be chosen; the app stays Vietnamese and says why', async () => {
    const { page } = browser;
    await page.goto(server.url + '/settings');
    // Once, in a full run under load, the heading never came (not reproduced alone): say what was on screen.
    await heading(page, 'Cài đặt')
      .waitFor(WAIT)
      .catch(async (e: Error) => {
        await screenshot(page, 'precache-fail-settings-offline');
        throw new Error(`${e.message}\non screen: ${(await page.locator('body').innerText()).slice(0, 400)}`);
      });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Tiếng Anh chưa có trên máy và cần có mạng để tải về lần đầu.', { exact: false }).waitFor(WAIT);
    expect(await heading(page, 'Cài đặt').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  test('back online, the notice on /import loads the screen by itself once the server answers; offline again, /import opens from the service worker', async () => {
    const { page } = browser;
    await page.goto(server.url + '/import');
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
    // online, but the server cannot be reached (as just after coming back, or on a network
    // with no way out): the notice checks, and stays. (The shell's own chunks failing may make
    // the preload guard reload once: the notice comes back.)
    await server.stop();
    await browser.setOffline(false);
    await page.waitForTimeout(3_500); // checks after 1 s and 3 s
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
    // the server answers again: the next check finds the file, and the page reloads (as tapping Thử lại does)
    await server.restart();
    await heading(page, 'Nhập danh sách từ Excel').waitFor(WAIT);
    // its stylesheet came too (a retry within the same page would have left it out)
    await expect.poll(async () => (await cachedPaths(page)).filter((p) => /^\/assets\/(ImportPage|f-import)-[\w-]+\.css$/.test(p)).length, WAIT).toBe(1);
    await importFileInput(page).waitFor({ state: 'attached', ...WAIT });
    // the page starts its worker on open, so the worker's file is kept too
    await expect.poll(async () => (await cachedPaths(page)).filter((p) => /^\/assets\/import\.worker-/.test(p)).length, WAIT).toBe(1);

    await browser.setOffline(true);
    await page.goto(server.url + '/members');
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    await page.goto(server.url + '/import');
    await heading(page, 'Nhập danh sách từ Excel').waitFor(WAIT);
    await importFileInput(page).waitFor({ state: 'attached', ...WAIT });
    await screenshot(page, 'precache-2-import-offline-after-first-open');
    expect(browser.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
  });

  test('Settings → "Tải tất cả về máy" (online) keeps every left-out screen: offline, training, rating and the remittance slip open', async () => {
    const { page } = browser;
    await browser.setOffline(true);
    await page.goto(server.url + '/training');
    await heading(page, 'Chưa có trên máy').waitFor(WAIT);
    // leave the notice first: back online it reloads by itself
    await page.goto(server.url + '/members');
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    await browser.setOffline(false);
    await page.goto(server.url + '/settings');
    const button = page.getByRole('button', { name: 'Tải tất cả về máy' });
    await button.waitFor(WAIT);
    await button.click();
    const allHere = page.getByText('Mọi chức năng đã có trên máy: dùng được cả khi không có mạng.');
    const lost = page.getByText('Chưa tải xong vì mất mạng.', { exact: false });
    // Just after going back online Chromium may still fail a fetch or two (seen once in a loaded
    // full run): the card says so, keeps what it has, and "Tải tất cả về máy" again finishes.
    await allHere.or(lost).first().waitFor({ timeout: 60_000 });
    if (await lost.count()) {
      await screenshot(page, 'precache-3-settings-download-retry');
      await button.click();
    }
    await allHere.waitFor({ timeout: 60_000 });
    await screenshot(page, 'precache-3-settings-all-downloaded');

    await browser.setOffline(true);
    for (const path of ['/training', '/rating', '/dues/remit', '/dues/grid', '/settings/backup']) {
      await page.goto(server.url + path);
      await page.locator('main h1').first().waitFor(WAIT);
      expect(await heading(page, 'Chưa có trên máy').count(), path).toBe(0);
    }
  });
});
