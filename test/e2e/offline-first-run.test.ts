// RELIABILITY.md 15 (offline) along the first day of a secretary: set up the unit, import
// the branch's Excel list, find people the Vietnamese way, edit one, then lose the network:
// everything stays, new records are made offline, and they survive a browser restart.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dismissInstallOfferWhenInTheWay } from './unit-data';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import {
  waitForOfflineExtras,
  FIXTURE_CSV,
  expectMemberCount,
  fixtureNames,
  heading,
  importFile,
  listedNames,
  memberRows,
  navTo,
  openImport,
  searchBox,
  searchFor,
  setupUnit,
  waitForServiceWorker,
} from './app';

const NAMES = fixtureNames();
const NEW_PHONE = '0912345678';
const OFFLINE_MEMBER = { name: 'Ngô Thị Ánh Tuyết', dob: '15/03/2001', phone: '0987001122' };

let server: AppServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await dismissInstallOfferWhenInTheWay(browser.page);
});
afterAll(cleanupAll);

describe('first run → import → search → edit → offline → restart', () => {
  test('a device with no unit is sent to /setup and lands on the member list after it', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await heading(page, 'Thiết lập đơn vị').waitFor({ timeout: 30_000 });
    await screenshot(page, 'setup-1-empty');
    await setupUnit(page);
    expect(new URL(page.url()).pathname).toBe('/members');
    await screenshot(page, 'members-0-empty');
  });

  test('the fixture CSV (42 members) imports through /import', async () => {
    const { page } = browser;
    await openImport(page, server.url);
    await screenshot(page, 'import-1-choose');
    await importFile(page, FIXTURE_CSV, (name) => screenshot(page, name));
    await navTo(page, 'Đoàn viên');
    await heading(page, 'Đoàn viên').waitFor();
    await expectMemberCount(page, 42);
    await expect.poll(() => memberRows(page).count()).toBeGreaterThan(5);
    await screenshot(page, 'members-1-imported');
  });

  test('search folds Vietnamese: "duong" finds the three Dương, typing "dang" finds Đặng (đ→d)', async () => {
    const { page } = browser;
    await searchFor(page, 'duong', ['Dương Tuấn Long', 'Dương Thanh Linh', 'Dương Đình Khang'], NAMES);
    await screenshot(page, 'members-2-search-duong');
    await searchFor(page, 'dang', ['Đặng Diệu Châu', 'Đặng Phương Nhi'], NAMES, { type: true });
    // The same query written with marks, decomposed (NFD, as some keyboards send it) and in capitals.
    await searchFor(page, 'Đặng'.normalize('NFD'), ['Đặng Diệu Châu', 'Đặng Phương Nhi'], NAMES);
    await searchFor(page, 'ĐẶNG PHƯƠNG', ['Đặng Phương Nhi'], NAMES);
    await screenshot(page, 'members-3-search-dang');
  });

  test('open a member, edit the phone, save', async () => {
    const { page } = browser;
    await searchFor(page, 'duong tuan', ['Dương Tuấn Long'], NAMES);
    await memberRows(page).filter({ hasText: 'Dương Tuấn Long' }).click();
    await heading(page, 'Dương Tuấn Long').waitFor();
    await expect.poll(() => page.getByText('0980815287').count()).toBeGreaterThan(0);
    await screenshot(page, 'member-1-detail');
    await page.getByRole('link', { name: 'Sửa' }).click();
    const phone = page.getByLabel('Số điện thoại');
    await expect.poll(() => phone.inputValue()).toBe('0980815287');
    await phone.fill(NEW_PHONE);
    await screenshot(page, 'member-2-edit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await heading(page, 'Dương Tuấn Long').waitFor();
    await expect.poll(() => page.getByText(NEW_PHONE).count()).toBeGreaterThan(0);
    expect(await page.getByText('0980815287').count()).toBe(0);
    await screenshot(page, 'member-3-saved');
  });

  test('offline (network off, server stopped): reload keeps the list and the edit', async () => {
    const { page } = browser;
    await waitForServiceWorker(page);
    await waitForOfflineExtras(page);
    await browser.setOffline(true);
    await server.stop();
    await page.goto(server.url + '/members');
    await heading(page, 'Đoàn viên').waitFor({ timeout: 30_000 });
    await expectMemberCount(page, 42);
    await searchFor(page, 'dương tuấn', ['Dương Tuấn Long'], NAMES);
    await memberRows(page).filter({ hasText: 'Dương Tuấn Long' }).click();
    await heading(page, 'Dương Tuấn Long').waitFor();
    await expect.poll(() => page.getByText(NEW_PHONE).count()).toBeGreaterThan(0);
    await screenshot(page, 'offline-1-member');
  });

  test('offline: every field route opens from the service worker, /import too (opened once online), and backup (fetched in the background)', async () => {
    const { page } = browser;
    for (const path of ['/', '/members', '/members/new', '/import', '/settings']) {
      const res = await page.goto(server.url + path);
      expect(res?.ok(), `${path} answered ${res?.status()}`).toBe(true);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), { timeout: 20_000, message: `${path} shows a heading` }).toBeGreaterThan(0);
      expect(await page.getByRole('heading', { level: 1 }).first().innerText()).not.toMatch(/Không tìm thấy trang|Có lỗi xảy ra|Chưa có trên máy/);
    }
    // Backup was never opened and is not precached: the app fetched it in the background once
    // it was ready offline (src/pwa/offline-extras.ts), so it opens too.
    await page.goto(server.url + '/settings/backup');
    await heading(page, 'Sao lưu & khôi phục').waitFor({ timeout: 20_000 });
  });

  test('offline: add a member, then restart the browser (still offline): it is still there', async () => {
    let { page } = browser;
    await page.goto(server.url + '/members');
    await heading(page, 'Đoàn viên').waitFor();
    await page.getByRole('link', { name: 'Thêm đoàn viên' }).first().click();
    await page.getByLabel('Họ và tên').fill(OFFLINE_MEMBER.name);
    await page.getByLabel('Ngày sinh').fill(OFFLINE_MEMBER.dob);
    await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
    await page.getByLabel('Số điện thoại').fill(OFFLINE_MEMBER.phone);
    await screenshot(page, 'offline-2-new-member');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await heading(page, OFFLINE_MEMBER.name).waitFor();
    await navTo(page, 'Đoàn viên');
    await expectMemberCount(page, 43);

    browser = await browser.relaunch({ offline: true });
    page = browser.page;
    await dismissInstallOfferWhenInTheWay(page);
    expect(server.isRunning()).toBe(false);
    await page.goto(server.url + '/members');
    await heading(page, 'Đoàn viên').waitFor({ timeout: 30_000 });
    await expectMemberCount(page, 43);
    await searchBox(page).fill('tuyet');
    await expect.poll(() => listedNames(page, [...NAMES, OFFLINE_MEMBER.name])).toEqual([OFFLINE_MEMBER.name]);
    await memberRows(page).filter({ hasText: OFFLINE_MEMBER.name }).click();
    await heading(page, OFFLINE_MEMBER.name).waitFor();
    await expect.poll(() => page.getByText(OFFLINE_MEMBER.phone).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('15/03/2001').count()).toBeGreaterThan(0);
    // and the edit made online before the restart
    await page.goto(server.url + '/members');
    await searchFor(page, 'duong tuan long', ['Dương Tuấn Long'], NAMES);
    await memberRows(page).filter({ hasText: 'Dương Tuấn Long' }).click();
    await expect.poll(() => page.getByText(NEW_PHONE).count()).toBeGreaterThan(0);
    await screenshot(page, 'offline-3-after-restart');
    expect(browser.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
