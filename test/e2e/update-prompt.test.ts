// RELIABILITY.md 16: a new build deployed while a form is dirty never reloads the page by
// itself; the prompt "Có phiên bản mới" shows; "Cập nhật" with a clean form reloads into the
// new version.
//
// Version 2 is the same source built with test/e2e/vite.update.config.ts, which appends a
// marker (globalThis.__scdBuild) to the entry chunk: new hashes, new precache manifest, new sw.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, ROOT, buildApp, cleanupAll, launchBrowser, screenshot, sleep, startServer, tempDir, type AppServer, type BrowserSession } from './harness';
import { heading, navTo, setupUnit, swState, waitForServiceWorker } from './app';

const BUILD_ID = `e2e-v2-${Date.now().toString(36)}`;
const DRAFT_NAME = 'Trần Thị Dở Dang';

let server: AppServer;
let browser: BrowserSession;
let v2Dir: string;
let mainNavigations = 0;

const entryOf = (dir: string) => /<script[^>]+type=["']?module["']?[^>]+src=["']?([^"' >]+)/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1];
const pageEntry = (page: Page) => page.evaluate(() => document.querySelector('script[type=module][src]')?.getAttribute('src') ?? null);
const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Có phiên bản mới' });

beforeAll(async () => {
  v2Dir = tempDir('dist-v2');
  buildApp({
    outDir: v2Dir,
    configFile: join(ROOT, 'test/e2e/vite.update.config.ts'),
    env: { VITE_BUILD_ID: BUILD_ID, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  expect(entryOf(v2Dir), 'version 2 has a different entry chunk').not.toBe(entryOf(DIST));
  expect(readFileSync(join(v2Dir, 'sw.js'), 'utf8')).not.toBe(readFileSync(join(DIST, 'sw.js'), 'utf8'));
  server = await startServer({ distDir: DIST });
  browser = await launchBrowser();
  browser.page.on('framenavigated', (f) => {
    if (f === browser.page.mainFrame()) mainNavigations++;
  });
});
afterAll(cleanupAll);

describe('update while a form is dirty', () => {
  test('version 1 installed; a member form is half filled', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await setupUnit(page);
    await waitForServiceWorker(page);
    // The banners and workbox-window load 2 s after the page (PwaMount): deploying version 2
    // sooner restarts the server under that import, and the prompt would come only with the
    // retry a minute later (src/pwa/update.ts).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('workbox-window')), null, { timeout: 30_000 });
    expect(await pageEntry(page)).toBe(entryOf(DIST));
    await page.getByRole('link', { name: 'Thêm đoàn viên' }).first().click();
    await page.getByLabel('Họ và tên').fill(DRAFT_NAME);
    await page.getByLabel('Ngày sinh').fill('02/09/2002');
  });

  test('version 2 deployed: the prompt shows, nothing reloads, the typed text stays', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      (window as unknown as { __e2eMarker: string }).__e2eMarker = 'v1-page';
    });
    const navigationsBefore = mainNavigations;
    const urlBefore = page.url();

    await server.restart({ distDir: v2Dir });
    // The hourly check, now: what workbox-window's update() does.
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      await r?.update();
    });
    await banner(page).waitFor({ timeout: 30_000 });
    await expect.poll(() => banner(page).getByRole('button', { name: 'Cập nhật' }).count()).toBe(1);
    await expect.poll(() => banner(page).getByRole('button', { name: 'Để sau' }).count()).toBe(1);
    expect((await swState(page)).waiting).toBe('installed');
    await screenshot(page, 'update-1-banner-dirty-form');

    // Tapping "Cập nhật" over a dirty form must not reload either: the user is asked to save first.
    await banner(page).getByRole('button', { name: 'Cập nhật' }).click();
    await expect.poll(() => banner(page).innerText()).toMatch(/lưu/i);
    await screenshot(page, 'update-2-save-first');
    await sleep(4000);

    expect(mainNavigations, 'main-frame navigations since v2 was deployed').toBe(navigationsBefore);
    expect(page.url()).toBe(urlBefore);
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker)).toBe('v1-page');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(DRAFT_NAME);
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('02/09/2002');
    expect(await pageEntry(page)).toBe(entryOf(DIST));
    expect(await page.evaluate(() => (globalThis as { __scdBuild?: string }).__scdBuild ?? null)).toBeNull();
  });

  test('"Để sau" hides the prompt without reloading; it comes back after the user reloads', async () => {
    const { page } = browser;
    // leaving the half-filled form by the bottom bar asks first; leaving, it unmounts, nothing to save
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await navTo(page, 'Đoàn viên');
    expect(await asked).toBe('Bạn có thay đổi chưa lưu. Rời trang và bỏ các thay đổi?');
    await heading(page, 'Đoàn viên').waitFor();
    await banner(page).getByRole('button', { name: 'Để sau' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker)).toBe('v1-page');

    await page.reload();
    await heading(page, 'Đoàn viên').waitFor({ timeout: 30_000 });
    expect(await pageEntry(page), 'a reload alone keeps version 1 while the update waits').toBe(entryOf(DIST));
    await banner(page).waitFor({ timeout: 30_000 });
  });

  test('"Cập nhật" with a clean form reloads once into version 2', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      (window as unknown as { __e2eMarker: string }).__e2eMarker = 'v1-page';
    });
    await banner(page).getByRole('button', { name: 'Cập nhật' }).click();
    await page.waitForFunction(() => !(window as unknown as { __e2eMarker?: string }).__e2eMarker, null, { timeout: 30_000 });
    await heading(page, 'Đoàn viên').waitFor({ timeout: 30_000 });
    expect(await pageEntry(page)).toBe(entryOf(v2Dir));
    expect(await page.evaluate(() => (globalThis as { __scdBuild?: string }).__scdBuild)).toBe(BUILD_ID);
    await expect.poll(async () => (await swState(page)).waiting).toBeUndefined();
    expect((await swState(page)).controller).toBe(true);
    await sleep(1000);
    expect(await banner(page).count()).toBe(0);
    await screenshot(page, 'update-3-v2');
  });
});
