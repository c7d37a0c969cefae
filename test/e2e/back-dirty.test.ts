// The phone's Back button over a half-filled form (found by a tester: Back threw the form away
// without a word): the browser's back asks "Rời trang và bỏ các thay đổi?" like a link of the
// app does; staying keeps the form, its text and its address; a clean form goes back at once.
// Built app, Chromium at 360×740, screenshots to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { heading, setupUnit } from './app';

const WAIT = { timeout: 20_000 };
const NAME = 'Lê Thị Hồng Nhung';

let server: AppServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(cleanupAll);

const path = () => new URL(page.url()).pathname;

/** Presses back; the dialog it opens (if any) gets `answer`. Returns what was asked. */
async function pressBack(answer: 'accept' | 'dismiss'): Promise<string[]> {
  const asked: string[] = [];
  const onDialog = (d: Dialog) => void (asked.push(d.message()), d[answer]());
  page.on('dialog', onDialog);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForTimeout(300); // the router renders after the popstate
  page.off('dialog', onDialog);
  return asked;
}

describe('Back over a half-filled form', () => {
  let listPath = '';

  test('set up the unit; open the new member form and leave it clean: Back goes back at once', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    listPath = path();
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'Thêm đoàn viên' }).first().click();
    await page.getByLabel('Họ và tên').waitFor(WAIT);
    expect(await pressBack('accept')).toEqual([]);
    expect(path()).toBe(listPath);
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1); // the form's entry, ahead
  });

  test('typed into: Back asks; staying keeps the form, its text and its address', async () => {
    await page.getByRole('link', { name: 'Thêm đoàn viên' }).first().click();
    await page.getByLabel('Họ và tên').fill(NAME);
    const formPath = path();
    const entries = await page.evaluate(() => history.length);
    expect(await pressBack('dismiss')).toEqual(['Bạn có thay đổi chưa lưu. Rời trang và bỏ các thay đổi?']);
    expect(path()).toBe(formPath);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(NAME);
    expect(await page.evaluate(() => history.length)).toBe(entries); // no entry added
    await screenshot(page, 'back-dirty-1-stayed-on-form');
  });

  test('Back again, leaving: the list it came from', async () => {
    expect(await pressBack('accept')).toHaveLength(1);
    expect(path()).toBe(listPath);
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    expect(await page.getByLabel('Họ và tên').count()).toBe(0);
    await screenshot(page, 'back-dirty-2-left-to-list');
    expect(browser.errors).toEqual([]);
  });
});
