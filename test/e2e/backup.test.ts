// Backup → restore in the production build (issue 8 items 1 and 2): a phone exports its unit
// from Settings → "Sao lưu & khôi phục"; a new phone (a fresh profile) restores the file from
// its first-run screen ("Khôi phục từ bản sao lưu") and lists the same members. Then the same
// for a phone that joined a unit created on the server. Before the chunk grouping stopped
// making import cycles, every path to backup showed "Có lỗi xảy ra" in the build.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, tempDir, type AppServer } from './harness';
import { expectMemberCount, heading, listedNames, setupUnit, UNIT } from './app';
import { addMember, calm, joinWithCode, serverUnitInvite } from './unit-data';

const WAIT = { timeout: 30_000 };
let server: AppServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(cleanupAll);

const errorsOf = new WeakMap<Page, string[]>();
async function consoleErrors(page: Page): Promise<string[]> {
  return errorsOf.get(page) ?? [];
}
function watchErrors(page: Page): Page {
  const list: string[] = [];
  errorsOf.set(page, list);
  page.on('console', (m) => void (m.type() === 'error' && list.push(m.text().split('\n')[0])));
  return page;
}

/** The unit shown in Settings → "Thông tin đơn vị". */
async function unitNameInSettings(page: Page): Promise<string> {
  await page.goto(server.url + '/settings');
  const field = page.getByLabel('Tên đơn vị');
  await field.waitFor(WAIT);
  return field.inputValue();
}

/** Settings → "Sao lưu & khôi phục" → "Tải bản sao lưu": the file the browser downloads. */
async function exportFromSettings(page: Page, shot: string): Promise<string> {
  await page.goto(server.url + '/settings');
  await page.getByRole('link', { name: /Sao lưu & khôi phục/ }).click();
  await heading(page, 'Sao lưu & khôi phục').waitFor(WAIT);
  await calm(page);
  const [download] = await Promise.all([
    page.waitForEvent('download', WAIT).catch(async () => {
      throw new Error(`no backup file; the screen says: ${await page.locator('main').innerText()}; console: ${(await consoleErrors(page)).join(' | ')}`);
    }),
    page.getByRole('button', { name: 'Tải bản sao lưu' }).click(),
  ]);
  await screenshot(page, shot);
  const file = join(tempDir('backup'), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** A new phone: first-run screen → "Khôi phục từ bản sao lưu" → the file → Khôi phục. */
async function restoreOnNewPhone(file: string, shot: string): Promise<Page> {
  const { page } = await launchBrowser();
  await page.goto(server.url + '/');
  await heading(page, 'Thiết lập đơn vị').waitFor(WAIT);
  await page.getByRole('link', { name: 'Khôi phục từ bản sao lưu' }).click();
  await heading(page, 'Sao lưu & khôi phục').waitFor(WAIT);
  await page.locator('input[type=file]').setInputFiles(file);
  const restore = page.getByRole('button', { name: 'Khôi phục', exact: true });
  await restore.waitFor(WAIT);
  await screenshot(page, shot);
  await restore.click();
  await page.waitForURL((u) => !u.pathname.startsWith('/settings/backup') && u.pathname !== '/setup', WAIT);
  return page;
}

describe('backup → restore on a new phone', () => {
  test('a set-up phone: export from Settings, restore from the first-run screen, the members are there', async () => {
    const names = ['Lê Minh Khoa', 'Phạm Thị Ngọc Ánh'];
    const page = watchErrors((await launchBrowser()).page);
    await page.goto(server.url + '/');
    await setupUnit(page);
    for (const n of names) await addMember(page, server.url, n);
    const file = await exportFromSettings(page, 'backup-1-exported');
    expect(file).toMatch(/so-chi-doan-.+\.json$/);

    const restored = await restoreOnNewPhone(file, 'backup-2-restore-summary');
    await restored.goto(server.url + '/members');
    await expectMemberCount(restored, 2);
    expect(await listedNames(restored, names)).toEqual(names);
    await screenshot(restored, 'backup-3-restored-members');
    await expect.poll(() => unitNameInSettings(restored), WAIT).toBe(UNIT.name);
  });

  test('a phone that joined a unit created on the server: the same round trip', async () => {
    const code = await serverUnitInvite(server.url, 'Chi đoàn Khu phố 5');
    const page = watchErrors((await launchBrowser()).page);
    await joinWithCode(page, server.url, code);
    await addMember(page, server.url, 'Võ Thanh Tùng');
    const file = await exportFromSettings(page, 'backup-4-joined-exported');

    const restored = await restoreOnNewPhone(file, 'backup-5-joined-restore-summary');
    await restored.goto(server.url + '/members');
    await expectMemberCount(restored, 1);
    expect(await listedNames(restored, ['Võ Thanh Tùng'])).toEqual(['Võ Thanh Tùng']);
    await screenshot(restored, 'backup-6-joined-restored-members');
    await expect.poll(() => unitNameInSettings(restored), WAIT).toBe('Chi đoàn Khu phố 5');
  });
});
