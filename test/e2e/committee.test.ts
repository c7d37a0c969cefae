// The committee (Ban Chấp hành) in the built app (issue 9 item 6): from Settings, record the
// term the congress elected, fill its seats through the by-election buttons (a member already
// seated is refused on screen), see x/y and the empty seats, plan a committee meeting, end a
// seat, reload and find it all. Screenshots at 360×740 in test-results/ (or SHOTS_DIR).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, setupUnit } from './app';
import { dismissInstallOfferWhenInTheWay } from './unit-data';

const WAIT = { timeout: 20_000 };
const SHOTS = process.env.SHOTS_DIR;

let server: AppServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('dialog', (d) => void d.accept());
  await dismissInstallOfferWhenInTheWay(page);
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `committee-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

async function shot(name: string, fullPage = false) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  else {
    const file = await screenshot(page, `committee-${name}`);
    if (fullPage) await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true });
  }
}

const main = () => page.locator('main');

async function elect(buttonIndex: number, name: string) {
  await main().getByRole('link', { name: '+ Bầu bổ sung' }).nth(buttonIndex).click();
  await heading(page, 'Xếp ghế / bầu bổ sung').waitFor(WAIT);
  await page.getByLabel('Từ ngày').fill('2024-10-15');
  await expect.poll(() => page.getByLabel('Đồng chí').locator('option').count(), WAIT).toBeGreaterThan(40);
  await page.getByLabel('Đồng chí').selectOption({ label: name });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
}

describe('the committee', () => {
  test('set up the unit and import the fixture', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
  });

  test('Settings leads to the committee; a term is recorded with its planned end from the term length', async () => {
    await page.goto(server.url + '/settings');
    await page.getByRole('link', { name: /^Ban Chấp hành/ }).click();
    await heading(page, 'Ban Chấp hành').waitFor(WAIT);
    await main().getByText('Chưa ghi nhiệm kỳ nào.').waitFor(WAIT);
    await main().getByRole('link', { name: '+ Ghi nhiệm kỳ mới' }).first().click();
    await heading(page, 'Nhiệm kỳ mới').waitFor(WAIT);
    await page.getByLabel('Tên nhiệm kỳ').fill('2024–2027');
    await page.getByLabel('Ngày đại hội (bắt đầu nhiệm kỳ)').fill('2024-10-15');
    await page.getByText('Để trống: tính theo thời gian nhiệm kỳ (30 tháng), tức 15/04/2027.').waitFor(WAIT);
    await page.getByLabel('Số ủy viên BCH').fill('7');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await heading(page, 'Nhiệm kỳ 2024–2027').waitFor(WAIT);
    await main().getByText('Số ủy viên: 0/7').waitFor(WAIT);
    expect(await main().getByRole('link', { name: '+ Bầu bổ sung' }).count()).toBe(7);
  });

  test('seats are filled through the by-election buttons; a member already seated is refused', async () => {
    await elect(0, 'Đặng Diệu Châu');
    await main().getByText('Số ủy viên: 1/7').waitFor(WAIT);
    await elect(0, 'Hồ Văn Minh');
    await main().getByText('Số ủy viên: 2/7').waitFor(WAIT);
    await elect(0, 'Nguyễn Bảo Yến');
    await main().getByText('Số ủy viên: 3/7').waitFor(WAIT);
    await elect(0, 'Tạ Đức Khang (1994)'); // the fixture has two: namesakes carry their birth year
    await main().getByText('Số ủy viên: 4/7').waitFor(WAIT);
    await elect(0, 'Hồ Văn Minh');
    await page.getByText(/đang giữ một ghế khác/).waitFor(WAIT);
    await page.goto(server.url + '/committee');
    await main().getByText('Thiếu 3').waitFor(WAIT);
    expect(await main().getByRole('link', { name: '+ Bầu bổ sung' }).count()).toBe(3);
  });

  test('a committee meeting is planned from the screen with its kind chosen', async () => {
    await main().getByRole('link', { name: '+ Lên lịch họp BCH' }).click();
    await expect.poll(() => page.getByLabel('Loại buổi sinh hoạt').inputValue(), WAIT).toBe('committee');
    await page.goBack();
    await heading(page, 'Nhiệm kỳ 2024–2027').waitFor(WAIT);
  });

  test('a seat ends with a reason and leaves an empty seat; all of it survives a reload', async () => {
    await main().getByRole('link', { name: /Tạ Đức Khang/ }).first().click();
    await heading(page, 'Ghế trong Ban Chấp hành').waitFor(WAIT);
    await page.getByLabel('Ngày cuối giữ chức').fill('2026-11-30');
    await page.getByLabel('Chuyển công tác, chuyển sinh hoạt').check();
    await page.getByRole('button', { name: 'Thôi giữ chức' }).click();
    await heading(page, 'Nhiệm kỳ 2024–2027').waitFor(WAIT);
    await page.reload();
    await main().getByText('Số ủy viên: 3/7').waitFor(WAIT);
    await main().getByText('Đã thôi trong nhiệm kỳ').waitFor(WAIT);
    expect(await main().getByText('Đặng Diệu Châu').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('committee-1-roster', true);
  });
});
