// Whose year in the built app (issue 9 item 0): a school's unit chooses "Năm học" in Settings,
// and the rating and training screens then show the school year with its days; screenshots at
// 360×740 of the setting and of the rating screen (SHOTS_DIR=… to keep them elsewhere).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, setupUnit } from './app';

const WAIT = { timeout: 20_000 };
const SHOTS = process.env.SHOTS_DIR;
const TODAY = new Date();
// The school year in progress: it starts in September.
const Y = TODAY.getMonth() >= 8 ? TODAY.getFullYear() : TODAY.getFullYear() - 1;

let server: AppServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('dialog', (d) => void d.accept());
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `year-kind-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

async function shot(name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  else await screenshot(page, `year-kind-${name}`);
}

async function dismissBanner() {
  const later = page.locator('.banner').getByRole('button', { name: 'Để sau' });
  if (await later.count()) await later.first().click();
}

describe('a school’s unit keeps school years', () => {
  test('set up the unit and import the fixture', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
  });

  test('Settings: choose "Năm học"; the card says which year the unit is in', async () => {
    await page.goto(server.url + '/settings');
    await heading(page, 'Năm công tác').waitFor(WAIT);
    await dismissBanner();
    const school = page.getByRole('button', { name: 'Năm học (1/9–31/8)' });
    await expect.poll(() => page.getByRole('button', { name: 'Năm dương lịch (1/1–31/12)' }).getAttribute('aria-pressed'), WAIT).toBe('true');
    await school.click();
    await expect.poll(() => school.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => page.getByText(`Năm đang tính: ${Y}–${Y + 1} (từ 01/09/${Y} đến 31/08/${Y + 1}).`).count(), WAIT).toBe(1);
    // The card's top under the app bar.
    await page.evaluate(() => window.scrollTo(0, document.getElementById('settings-year')!.getBoundingClientRect().top + window.scrollY - 90));
    await shot('settings');
  });

  test('rating and training show the school year with its days', async () => {
    await page.goto(`${server.url}/rating`);
    await heading(page, 'Đánh giá, xếp loại đoàn viên').waitFor(WAIT);
    await expect.poll(() => page.getByText(`Năm học ${Y}–${Y + 1}`).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText(`Từ 01/09/${Y} đến 31/08/${Y + 1}`).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText(/mục tiêu từ 80\s?%/).count(), WAIT).toBe(1);
    await shot('rating');
    await page.getByRole('link', { name: 'Năm trước' }).click();
    await expect.poll(() => page.getByText(`Năm học ${Y - 1}–${Y}`).count(), WAIT).toBe(1);
    expect(new URL(page.url()).searchParams.get('y')).toBe(String(Y - 1));
    await page.goto(`${server.url}/training`);
    await expect.poll(() => page.getByText(`Năm học ${Y}–${Y + 1}`).count(), WAIT).toBe(1);
    await shot('training');
  });
});
