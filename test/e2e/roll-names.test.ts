// Names on the roll at 360 px (issue 8, item 11): an excused row, which also holds the "Lý do"
// button, shows a long name whole (it wraps) instead of "Hoàng Hồng A…"; two members with the
// same name carry their birth year. Built app, Chromium at 360×740, a screenshot to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, tempDir, type AppServer, type BrowserSession } from './harness';
import { heading, importFile, openImport, setupUnit } from './app';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers, toCsv } from '../fixtures/generate-members.mjs';

const WAIT = { timeout: 20_000 };
const LONG = 'Tôn Nữ Hoàng Hồng Anh Thư';
const TWIN = 'Nguyễn Văn Hùng';
const MEMBERS = generateMembers({ count: 8, seed: 811 });
MEMBERS[0].fullName = LONG;
MEMBERS[1].fullName = TWIN;
MEMBERS[1].dateOfBirth = '1998-03-12';
MEMBERS[2].fullName = TWIN;
MEMBERS[2].dateOfBirth = '2003-11-02';

let server: AppServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(cleanupAll);

/** Is any part of the element's text cut off (ellipsis, clipped lines)? */
const isCut = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || el.getBoundingClientRect().bottom > el.closest('.roll-row')!.getBoundingClientRect().bottom);

describe('names on the roll at 360 px', () => {
  test('a long name on an excused row shows whole; namesakes carry their birth year', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    const csv = join(tempDir('csv'), 'ten-dai.csv');
    writeFileSync(csv, toCsv(MEMBERS));
    await openImport(page, server.url);
    await importFile(page, csv);

    await page.goto(server.url + '/meetings/new');
    await heading(page, 'Lên lịch sinh hoạt').waitFor(WAIT);
    await page.getByLabel('Chủ đề / tên buổi').fill('Sinh hoạt tháng 5');
    await page.getByLabel('Ngày', { exact: true }).fill('2026-05-10');
    await page.getByLabel('Giờ bắt đầu').fill('08:00');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/meetings\/[^/]+$/, WAIT);
    await page.getByRole('link', { name: /Điểm danh/ }).first().click();
    await page.waitForURL(/\/roll$/, WAIT);

    const row = page.locator('.roll-row').filter({ hasText: LONG });
    await row.waitFor(WAIT);
    for (let i = 0; i < 3; i++) await row.locator('.roll-tap').click();
    await expect.poll(() => row.locator('.roll-pill').innerText(), WAIT).toBe('Vắng có lý do');
    await row.getByRole('button', { name: `Lý do: ${LONG}` }).click();
    await page.getByRole('dialog').getByLabel('Lý do khác').fill('Đi học lớp bồi dưỡng ở tỉnh');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu lý do' }).click();
    await expect.poll(() => row.innerText(), WAIT).toContain('Lý do: Đi học');

    // in view for the screenshot: the "ready offline" note closed, the excused row mid-screen
    const close = page.getByRole('button', { name: 'Đóng', exact: true });
    if (await close.count()) await close.click();
    await row.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 380));
    await screenshot(page, 'roll-names-360');
    const name = `.roll-row.st-absent_excused .roll-name`;
    expect(await page.locator(name).innerText()).toBe(LONG);
    expect(await isCut(page, name)).toBe(false);
    expect(await row.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(56);

    const twins = await page.locator('.roll-name', { hasText: TWIN }).allInnerTexts();
    expect(twins.sort()).toEqual([`${TWIN} (1998)`, `${TWIN} (2003)`]);
  });
});
