// The report editor in the built app at 360×740: set up the unit and import the branch list,
// start the quarter's report, write a section, reload (nothing lost), send version 1, and see
// it stay as sent when a member is added, while version 2's draft lists the figure that moved.
// Screenshots: test-results/report-editor-*.png.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, importFile, openImport, setupUnit } from './app';

const WAIT = { timeout: 20_000 };
const URL_Q1 = '/reports/report:2026:q1';
let server: AppServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `report-editor-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

async function dismissBanner(): Promise<void> {
  const later = page.locator('.banner').getByRole('button', { name: 'Để sau' });
  if (await later.count()) await later.first().click();
}
const section = (label: string) => page.getByLabel(label, { exact: true });

describe('report editor: start → write → reload → send → new member → version 2', () => {
  test('the unit is set up with its 42 members', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
  });

  test('starting the quarter fills the sections from the figures', async () => {
    await page.goto(server.url + URL_Q1);
    await page.getByText('Hạn gửi: 10/04/2026').waitFor(WAIT);
    await dismissBanner();
    await screenshot(page, 'report-editor-1-start');
    await page.getByRole('button', { name: 'Bắt đầu viết báo cáo' }).click();
    await expect.poll(() => section('Tình hình chung').inputValue(), WAIT).toMatch(/^Đầu quý, chi đoàn có 42 đoàn viên/);
    await screenshot(page, 'report-editor-2-draft');
  });

  test('what is typed survives a reload', async () => {
    await section('Nguyên nhân').fill('Đoàn viên làm theo ca, khó tập trung.');
    await expect.poll(async () => (await page.locator('.save-status').innerText()).trim(), WAIT).toMatch(/^Đã lưu lúc/);
    await section('Khó khăn, vướng mắc, đề xuất, kiến nghị').fill('Đề nghị hỗ trợ kinh phí');
    await page.reload();
    await expect.poll(() => section('Nguyên nhân').inputValue(), WAIT).toBe('Đoàn viên làm theo ca, khó tập trung.');
    expect(await section('Khó khăn, vướng mắc, đề xuất, kiến nghị').inputValue()).toBe('Đề nghị hỗ trợ kinh phí');
    await section('Nguyên nhân').scrollIntoViewIfNeeded();
    await screenshot(page, 'report-editor-3-section');
  });

  test('sending freezes version 1', async () => {
    await dismissBanner();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('alertdialog').waitFor(WAIT);
    await screenshot(page, 'report-editor-4-confirm');
    await page.getByRole('button', { name: 'Chốt và gửi' }).click();
    await page.getByTestId('report-sent').waitFor(WAIT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'report-editor-5-sent');
    expect(await page.getByRole('link', { name: 'Xem bản in bản 1' }).getAttribute('href')).toBe(`${URL_Q1}/print?v=1`);
  });

  test('a member added later shows as a change in version 2, not in version 1', async () => {
    await page.goto(server.url + '/members/new');
    await page.getByLabel('Họ và tên').fill('Tạ Đức Khang');
    await page.getByRole('button', { name: /^Lưu/ }).first().click();
    await page.waitForURL(/\/members\/(?!new)/, WAIT);
    await page.goto(server.url + URL_Q1);
    await dismissBanner();
    await page.getByRole('button', { name: 'Làm bản 2' }).click();
    const changes = page.getByTestId('figure-changes');
    await changes.waitFor(WAIT);
    expect(await changes.innerText()).toContain('Đoàn viên cuối kỳ: 42 → 43');
    await screenshot(page, 'report-editor-6-version2');
  });
});
