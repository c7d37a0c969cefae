// A youth project in the built app (issue 9 item 4, browser test line "run a project to
// acceptance"): register it with two budget sources, take its roll on the activities' roll
// screen, keep a log entry, move it through every stage (acceptance refused without its
// decision number), reload and find it all there, counted on the year's list as accepted.
// Screenshots at 360×740 into test-results/ (or SHOTS_DIR).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, setupUnit } from './app';
import { calm } from './unit-data';

const WAIT = { timeout: 20_000 };
const SHOTS = process.env.SHOTS_DIR;
const TITLE = 'Tuyến hẻm xanh – sạch – sáng';

let server: AppServer;
let browser: BrowserSession;
let page: Page;
let projectUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  page.on('dialog', (d) => void d.accept());
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `projects-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

async function shot(name: string) {
  await calm(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  else await screenshot(page, `projects-${name}`);
}

const status = () => page.locator('main').getByRole('status');

describe('a youth project, registered to accepted', () => {
  test('set up the unit and import the fixture', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
  });

  test('register it from the activities page, with two budget sources', async () => {
    await page.goto(server.url + '/activities');
    await calm(page);
    await page.getByRole('link', { name: /Công trình, phần việc thanh niên/ }).click();
    await heading(page, 'Công trình, phần việc thanh niên').waitFor(WAIT);
    await page.getByRole('link', { name: /Đăng ký/ }).click();
    await page.getByLabel('Tên công trình, phần việc').fill(TITLE);
    await page.getByLabel(/Địa điểm/).fill('Hẻm 12, khu phố 3');
    await page.getByRole('button', { name: /Thêm nguồn kinh phí/ }).click();
    await page.getByLabel('Nguồn kinh phí').fill('Đoàn phường');
    await page.getByLabel('Số tiền (đồng)').fill('3.000.000');
    await page.getByRole('button', { name: /Thêm nguồn kinh phí/ }).click();
    await page.getByLabel('Nguồn kinh phí').nth(1).fill('Doanh nghiệp tài trợ');
    await page.getByLabel('Số tiền (đồng)').nth(1).fill('2.500.000');
    await expect.poll(() => page.locator('.budget .total').innerText(), WAIT).toMatch(/5\.500\.000/);
    await page.getByLabel('Số ngày công dự kiến').fill('60');
    await page.locator('fieldset.budget').evaluate((el) => el.scrollIntoView());
    await shot('form-budget');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await heading(page, TITLE).waitFor(WAIT);
    projectUrl = new URL(page.url()).pathname;
  });

  test("its roll is the activities' roll", async () => {
    await page.getByRole('link', { name: /Ghi nhận người tham gia/ }).click();
    await page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor(WAIT);
    const rows = page.locator('.roll-row .roll-tap');
    for (let i = 0; i < 3; i++) await rows.nth(i).click();
    await page.getByRole('link', { name: /Công trình/ }).first().click();
    await heading(page, TITLE).waitFor(WAIT);
    await expect.poll(() => page.getByText('3 đoàn viên đã tham gia.').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText('Ngày công: 3 / dự kiến 60').count(), WAIT).toBe(1);
  });

  test('a log entry, then every stage; acceptance needs its decision number', async () => {
    await page.getByRole('button', { name: /Thêm nhật ký/ }).click();
    await page.getByLabel('Nội dung').fill('20 đoàn viên trồng 40 chậu hoa dọc hẻm 12.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã lưu nhật ký.');
    for (const [step, stage] of [['Duyệt kế hoạch', 'Đã duyệt kế hoạch'], ['Bắt đầu thực hiện', 'Đang thực hiện'], ['Hoàn thành', 'Đã hoàn thành']]) {
      await page.getByRole('button', { name: step, exact: true }).click();
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await expect.poll(() => status().innerText(), WAIT).toBe(`Đã ghi: ${stage}.`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('detail-next-acceptance');
    await page.getByRole('button', { name: 'Nghiệm thu', exact: true }).click();
    await page.getByLabel('Cấp nghiệm thu').fill('Ban Thường vụ Đoàn phường 7');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Nhập số quyết định nghiệm thu.').waitFor(WAIT);
    await page.getByLabel('Số quyết định nghiệm thu').fill('15/QĐ-ĐTN');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã ghi: Đã nghiệm thu.');
  });

  test('after a reload it is all there, and the year counts it accepted', async () => {
    await page.reload();
    await heading(page, TITLE).waitFor(WAIT);
    await calm(page);
    expect(await page.getByText('Quyết định 15/QĐ-ĐTN · Ban Thường vụ Đoàn phường 7').count()).toBe(1);
    expect(await page.getByText('20 đoàn viên trồng 40 chậu hoa dọc hẻm 12.').count()).toBe(1);
    expect(await page.locator('.money-list .sum').innerText()).toMatch(/5\.500\.000/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('detail-top');
    await page.getByRole('heading', { name: 'Người tham gia' }).evaluate((el) => el.scrollIntoView());
    await shot('detail-participants-budget');
    await page.goto(server.url + '/projects');
    await calm(page);
    await page.getByText('1 công trình, phần việc; 1 đã nghiệm thu.').waitFor(WAIT);
    await shot('list');
    expect(projectUrl).toMatch(/^\/projects\/[^/]+$/);
  });
});
