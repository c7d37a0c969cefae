// Training programme and year-end rating in the built app (issue 5, browser test lines):
// import the fixture's 42 members, create the year's programme, register everyone in one
// pass, record an item for many and items for one, assess outcomes, run the rating, override
// one suggestion (refused without a reason, kept with one), accept the rest, then reload and
// find everything still there.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, setupUnit } from './app';

const WAIT = { timeout: 20_000 };
const YEAR = new Date().getFullYear();
const SHOTS = process.env.SHOTS_DIR;

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
  if (task.result?.state === 'fail') await screenshot(page, `training-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

async function shot(name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  else await screenshot(page, `training-rating-${name}`);
}

async function dismissBanner() {
  const later = page.locator('.banner').getByRole('button', { name: 'Để sau' });
  if (await later.count()) await later.first().click();
}

const status = () => page.locator('main').getByRole('status');

async function openTrainingMember(name: string) {
  await page.goto(`${server.url}/training?y=${YEAR}`);
  await page.getByLabel('Tìm đoàn viên').fill(name);
  await page.getByRole('list', { name: 'Đoàn viên trong chương trình' }).getByRole('link', { name: new RegExp(name) }).click();
  await heading(page, name).waitFor(WAIT);
}

async function openRatingMember(name: string) {
  await page.goto(`${server.url}/rating?y=${YEAR}`);
  await page.getByLabel('Tìm đoàn viên').fill(name);
  await page.getByRole('list', { name: 'Đoàn viên xếp loại' }).getByRole('link', { name: new RegExp(name) }).click();
  await heading(page, name).waitFor(WAIT);
}

describe('training programme → rating → reload', () => {
  test('set up the unit and import the fixture (42 members)', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
  });

  test('the members page leads to the programme; the five-area programme is created in one tap', async () => {
    await page.goto(server.url + '/members');
    await page.getByRole('link', { name: 'Chương trình rèn luyện' }).click();
    await heading(page, 'Chương trình rèn luyện').waitFor(WAIT);
    await dismissBanner();
    await shot('training-0-empty');
    await page.getByRole('button', { name: 'Tạo chương trình 5 nội dung' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã tạo chương trình với 10 nội dung rèn luyện.');
    await expect.poll(() => page.getByText('Đã đăng ký: 0/42 (0%)').count(), WAIT).toBe(1);
  });

  test('register all 42 in one pass: 100 % registered', async () => {
    await page.getByRole('link', { name: 'Đăng ký hàng loạt (42)' }).click();
    await heading(page, 'Đăng ký rèn luyện').waitFor(WAIT);
    await shot('training-1-register');
    await page.getByRole('button', { name: 'Đăng ký 42 đoàn viên' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã đăng ký thêm 42 đoàn viên.');
    await page.getByRole('link', { name: 'Chương trình rèn luyện' }).click();
    await expect.poll(() => page.getByText('Đã đăng ký: 42/42 (100%)').count(), WAIT).toBe(1);
    await shot('training-2-registered');
  });

  test('record one item for everyone, then items for one member, and assess outcomes', async () => {
    await page.getByText('Ghi kết quả theo nội dung').click();
    await page.getByRole('link', { name: 'Tham gia sinh hoạt chính trị, học tập nghị quyết' }).click();
    await heading(page, 'Tham gia sinh hoạt chính trị, học tập nghị quyết').waitFor(WAIT);
    await page.getByRole('button', { name: 'Chọn những ai chưa làm (42)' }).click();
    await shot('training-3-item');
    await page.getByRole('button', { name: 'Ghi 42 người đã làm' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã ghi 42 người.');

    await openTrainingMember('Đặng Diệu Châu');
    const item = page.getByRole('checkbox', { name: /Tập thể dục thể thao thường xuyên/ });
    await item.check();
    await expect.poll(() => item.isChecked(), WAIT).toBe(true);
    await expect.poll(() => page.getByText(/^Đã làm · \d\d\/\d\d\/\d{4}$/).count(), WAIT).toBe(2);
    await page.getByLabel('Kết quả cuối năm').selectOption({ label: 'Xuất sắc' });
    await page.getByLabel('Nhận xét').fill('Gương mẫu, nhiệt tình');
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã lưu.');
    await shot('training-4-member');

    await openTrainingMember('Hồ Văn Minh');
    await page.getByLabel('Kết quả cuối năm').selectOption({ label: 'Không hoàn thành' });
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã lưu.');

    await page.goto(`${server.url}/training?y=${YEAR}`);
    await expect.poll(() => page.getByText('Hoàn thành trở lên: 1/42 (2%)').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText('Chưa đánh giá cuối năm: 40').count(), WAIT).toBe(1);
    await shot('training-5-rates');
  });

  test('rating: the suggestion with its rule; an override is refused without a reason and kept with one', async () => {
    await page.goto(`${server.url}/rating?y=${YEAR}`);
    await heading(page, 'Đánh giá, xếp loại đoàn viên').waitFor(WAIT);
    await expect.poll(() => page.getByText('Đủ điều kiện xếp loại: 42 · đã xếp: 0').count(), WAIT).toBe(1);
    await shot('rating-0-list');

    await openRatingMember('Hồ Văn Minh');
    await expect.poll(() => page.getByText('Kết quả chương trình rèn luyện là Không hoàn thành.').count(), WAIT).toBe(1);

    await openRatingMember('Đặng Diệu Châu');
    await expect.poll(() => page.getByText(/Chưa có điểm danh nào trong năm/).count(), WAIT).toBe(1);
    await shot('rating-1a-member-top');
    await page.getByRole('button', { name: /^Xuất sắc/ }).click();
    await page.getByLabel('Ưu điểm, khuyết điểm').fill('Ưu: gương mẫu. Khuyết: còn ngại phát biểu.');
    await page.getByRole('button', { name: 'Lưu xếp loại' }).click();
    await expect.poll(() => page.locator('main').getByRole('alert').first().innerText(), WAIT).toBe('Mức xếp khác gợi ý: hãy ghi lý do.');
    await shot('rating-1-reason-required');
    await page.getByLabel('Lý do khác gợi ý').fill('Điểm danh giấy cả năm đủ 12/12 buổi, rèn luyện Xuất sắc');
    await page.getByLabel('Đề xuất đoàn viên ưu tú / giới thiệu vào Đảng').check();
    await page.getByRole('button', { name: 'Lưu xếp loại' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã lưu.');
    await expect.poll(() => page.getByText(/^Đã xếp ngày \d\d\/\d\d\/\d{4}: Hoàn thành xuất sắc nhiệm vụ$/).count(), WAIT).toBe(1);
    await shot('rating-2-member');
  });

  test('accept the suggestions for the rest; the summary counts them', async () => {
    await page.goto(`${server.url}/rating?y=${YEAR}`);
    await page.getByRole('button', { name: 'Xếp theo gợi ý cho 41 người chưa xếp' }).click();
    await expect.poll(() => status().innerText(), WAIT).toBe('Đã xếp loại 41 đoàn viên theo gợi ý.');
    await expect.poll(() => page.getByText('Đủ điều kiện xếp loại: 42 · đã xếp: 42').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText('Có 1 đoàn viên Không hoàn thành nhiệm vụ.').count(), WAIT).toBe(1);
    await page.getByText('Chi đoàn đề nghị', { exact: true }).click();
    await page.getByLabel('Mức chi đoàn đề nghị').selectOption({ label: 'Hoàn thành tốt nhiệm vụ' });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu mức chi đoàn đề nghị.').count(), WAIT).toBe(1);
    await shot('rating-3-summary');
  });

  test('reload: programme, registrations, progress, outcomes, ratings, the override and its reason are all still there', async () => {
    await page.reload();
    await heading(page, 'Đánh giá, xếp loại đoàn viên').waitFor(WAIT);
    await expect.poll(() => page.getByText('Đủ điều kiện xếp loại: 42 · đã xếp: 42').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByText('Chi đoàn đề nghị: Tốt').count(), WAIT).toBe(1);
    await page.getByText('Đề xuất đoàn viên ưu tú / giới thiệu vào Đảng (1)').click();
    await expect.poll(() => page.locator('details', { hasText: 'Đề xuất đoàn viên ưu tú' }).getByRole('link', { name: 'Đặng Diệu Châu' }).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: /^Khác gợi ý/ }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Đoàn viên xếp loại' }).getByRole('link').count(), WAIT).toBe(1);

    await openRatingMember('Đặng Diệu Châu');
    await expect.poll(() => page.getByLabel('Lý do khác gợi ý').inputValue(), WAIT).toBe('Điểm danh giấy cả năm đủ 12/12 buổi, rèn luyện Xuất sắc');
    expect(await page.getByLabel('Đề xuất đoàn viên ưu tú / giới thiệu vào Đảng').isChecked()).toBe(true);

    await openTrainingMember('Đặng Diệu Châu');
    await expect.poll(() => page.getByText(/^Đã làm · \d\d\/\d\d\/\d{4}$/).count(), WAIT).toBe(2);
    expect(await page.getByLabel('Kết quả cuối năm').inputValue()).toBe('excellent');
    await page.goto(`${server.url}/training?y=${YEAR}`);
    await expect.poll(() => page.getByText('Đã đăng ký: 42/42 (100%)').count(), WAIT).toBe(1);
    await page.goto(`${server.url}/training/setup?y=${YEAR}`);
    await heading(page, 'Nội dung chương trình').waitFor(WAIT);
    await shot('training-6-setup');
    await page.goto(`${server.url}/rating/settings`);
    await heading(page, 'Ngưỡng gợi ý xếp loại').waitFor(WAIT);
    await shot('rating-4-settings');
    await page.goto(`${server.url}/members`);
    await heading(page, 'Đoàn viên').waitFor(WAIT);
    await shot('members-links');
    expect(browser.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([]);
  });
});
