// Dues with no signal (issue 5, "Dues" and its browser-test line), in the built app: set up
// the unit, import the fixture's 42 members, open the dues screens once, lose the network, collect the month's dues from
// five members in one pass, three months from another on one receipt, reverse one payment
// with a reason, produce the month's remittance slip and check its figures (1/3 up, 2/3
// kept), mark it paid upward — and after a reload everything is still there.
// (Regular expressions below write the no-break space of "5.000 ₫" as \s: Playwright
// normalises whitespace for string matches only.)
// 360×740 screenshots of each dues screen go to DUES_SHOTS (default test-results/).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dismissInstallOfferWhenInTheWay } from './unit-data';
import { cleanupAll, launchBrowser, RESULTS_DIR, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, setupUnit, waitForServiceWorker } from './app';

const WAIT = { timeout: 20_000 };
const SHOTS = process.env.DUES_SHOTS ?? RESULTS_DIR;

let server: AppServer;
let browser: BrowserSession;
let page: Page;
/** this month as the app sees it (the browser's clock) */
let month = '';
let mm = '';
let yyyy = '';
const paidFive: string[] = [];
let multi = '';

async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `dues-${name}.png`) });
}

/** Text with every run of spaces (no-break spaces of "5.000 ₫" included) as one space. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
async function figure(name: string): Promise<string> {
  return norm(await page.locator(`[data-figure="${name}"]`).innerText());
}
async function stat(label: string): Promise<string> {
  const li = page.locator('.dues-stats li').filter({ hasText: label });
  return norm(await li.locator('strong').innerText());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
  await dismissInstallOfferWhenInTheWay(page);
});
afterAll(cleanupAll);

describe('dues, offline, the fixture unit (42 members)', () => {
  test('unit set up, members imported, the dues screens opened once with signal', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
    await page.getByRole('navigation').getByRole('link', { name: 'Đoàn phí', exact: true }).click();
    await heading(page, 'Đoàn phí').waitFor(WAIT);
    month = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    });
    [yyyy, mm] = month.split('-');
    await waitForServiceWorker(page);
    // The desk screens (grid, slip, unpaid list) may be left out of the precache: opened once
    // with signal, the service worker keeps them, as it would on a secretary's phone.
    for (const [path, title] of [[`/dues/grid?y=${yyyy}`, 'Bảng theo dõi đoàn phí'], [`/dues/remit?m=${month}`, 'PHIẾU TRÍCH NỘP ĐOÀN PHÍ'], [`/dues/warnings?y=${yyyy}`, 'Chưa đóng đoàn phí từ 3 tháng']]) {
      await page.goto(server.url + path);
      await heading(page, title).waitFor(WAIT);
    }
    await page.goto(server.url + '/dues');
    await heading(page, 'Đoàn phí').waitFor(WAIT);
  });

  test('offline: the month starts empty; five members pay in one pass with a running total', async () => {
    await browser.setOffline(true);
    await page.reload();
    await heading(page, 'Đoàn phí').waitFor(WAIT);
    await expect.poll(() => stat('Đã thu trong tháng'), WAIT).toBe('0 ₫');
    await expect.poll(() => stat('Đã đóng tháng này'), WAIT).toBe('0/42 người');
    await expect.poll(() => stat('Còn thiếu tháng này'), WAIT).toBe('84.000 ₫');
    await shot('1-home');

    await page.getByRole('link', { name: /^Thu đoàn phí/ }).click();
    await heading(page, `Thu đoàn phí tháng ${mm}/${yyyy}`).waitFor(WAIT);
    await page.getByText('42 người chưa đóng').waitFor(WAIT);
    const rows = page.locator('.dues-pick');
    for (let i = 0; i < 5; i++) {
      paidFive.push(norm(await rows.nth(i).locator('.dues-pick-name').innerText()));
      await rows.nth(i).click();
    }
    await expect.poll(async () => norm(await page.locator('.dues-actionbar').innerText()), WAIT).toContain('10.000 ₫');
    await page.getByText('Đã chọn 5 người').waitFor(WAIT);
    expect(await rows.first().evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(56);
    await shot('2-collect-many');
    await page.getByRole('button', { name: /^Thu 10.000/ }).click();
    await page.getByText('Đã thu của 5 người, tổng 10.000 ₫.').waitFor(WAIT);
    await page.getByText('37 người chưa đóng').waitFor(WAIT);
  });

  test('one member pays three months on one receipt; the receipt reads the amount in words', async () => {
    await page.goto(server.url + `/dues/grid?y=${yyyy}`);
    await heading(page, 'Bảng theo dõi đoàn phí').waitFor(WAIT);
    await page.getByText('42 đoàn viên').waitFor(WAIT);
    await shot('3-grid');
    const rowLinks = page.getByRole('list', { name: 'Bảng theo dõi đoàn phí' }).getByRole('link');
    // The first row not among the five who paid.
    const labels = await rowLinks.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const idx = labels.findIndex((l) => !paidFive.some((n) => l.startsWith(`${n}:`)));
    multi = labels[idx].split(':')[0];
    await rowLinks.nth(idx).click();
    await page.getByRole('heading', { name: `Đoàn phí — ${multi}` }).waitFor(WAIT);
    for (const m of ['01', '02', '03']) await page.locator('.dues-monthpick label').filter({ hasText: `${m}/${yyyy}` }).click();
    await page.getByRole('button', { name: /^Thu 6.000/ }).click();
    await page.getByText(/^Đã thu 6\.000\s₫\. Phiếu số/).waitFor(WAIT);
    await shot('4-member');
    await page.getByRole('link', { name: 'Xem phiếu thu' }).click();
    await heading(page, 'PHIẾU THU ĐOÀN PHÍ').waitFor(WAIT);
    const doc = norm(await page.locator('.dues-doc').innerText());
    expect(doc).toContain(multi);
    expect(doc).toContain(`Đoàn phí 01, 02, 03/${yyyy}`);
    expect(doc).toContain('6.000 ₫');
    expect(doc).toContain('Sáu nghìn đồng');
    expect(doc).toMatch(/Số: \d{4}-[0-9A-Z]{4}-\d+/);
    await shot('5-receipt');
  });

  test('a payment is reversed with a reason, after a confirmation; the month is owed again', async () => {
    const name = paidFive[2];
    await page.goto(server.url + `/dues/grid?y=${yyyy}`);
    await page.getByLabel('Tìm đoàn viên').fill(name);
    await page.getByRole('link', { name: new RegExp(`^${name}:`) }).click();
    await page.getByRole('heading', { name: `Đoàn phí — ${name}` }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Hủy lần thu' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Xác nhận hủy' }).isDisabled()).toBe(true);
    await page.getByLabel('Lý do hủy').fill('Thu nhầm người');
    await shot('6-reverse');
    await page.getByRole('button', { name: 'Xác nhận hủy' }).click();
    await page.getByText(`Đã hủy lần thu tháng ${mm}/${yyyy}.`).waitFor(WAIT);
    await expect.poll(() => page.locator('.dues-ledger .badge').allInnerTexts()).toEqual(['Hủy phiếu', 'Đã hủy']);
    const cell = page.locator('.dues-months li').nth(Number(mm) - 1);
    expect(norm(await cell.innerText())).toContain('Chưa đóng');
    await expect.poll(() => page.getByRole('button', { name: 'Hủy lần thu' }).count()).toBe(0);
  });

  test('the remittance slip: collected, 1/3 up rounded to the đồng, 2/3 kept; marked paid upward', async () => {
    await page.goto(server.url + `/dues?m=${month}`);
    await page.getByRole('link', { name: 'Phiếu trích nộp cấp trên' }).click();
    await heading(page, 'PHIẾU TRÍCH NỘP ĐOÀN PHÍ').waitFor(WAIT);
    // 5 × 2,000 − 2,000 (reversed) + 3 × 2,000 = 14,000; 14,000 / 3 = 4,666.67 → 4,667 up, 9,333 kept.
    await expect.poll(() => figure('collected'), WAIT).toBe('14.000 ₫');
    expect(await figure('remit')).toBe('4.667 ₫');
    expect(await figure('keep')).toBe('9.333 ₫');
    expect(norm(await page.locator('.dues-doc').innerText())).toContain('8 lượt thu, 1 lượt hủy');
    await page.getByLabel('Chuyển khoản').check();
    await shot('7-remit');
    await page.getByRole('button', { name: /^Đánh dấu đã nộp/ }).click();
    await page.getByText(/^Đã nộp cấp trên ngày \d\d\/\d\d\/\d{4} \(Chuyển khoản\): 4\.667\s₫\.$/).waitFor(WAIT);
    // the slip as the level above files it: the organisation, dated the day it was paid, signed by both sides
    const slip = norm(await page.locator('.dues-doc').innerText());
    expect(slip).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(slip).toMatch(/ngày \d\d tháng \d\d năm \d{4}/);
    expect(slip).toContain('Người nhận');
    await shot('8-remit-paid');
  });

  test('after a reload, still offline, everything is still there', async () => {
    await page.goto(server.url + `/dues?m=${month}`);
    await page.reload();
    await heading(page, 'Đoàn phí').waitFor(WAIT);
    await expect.poll(() => stat('Đã thu trong tháng'), WAIT).toBe('14.000 ₫');
    expect(await stat('Đã đóng tháng này')).toBe('4/42 người');
    expect(await stat('Nộp cấp trên (1/3)')).toBe('4.667 ₫');
    await page.getByText(/^Đã nộp \d\d\/\d\d\/\d{4}$/).waitFor(WAIT);
    await shot('9-home-after');
    await page.getByRole('link', { name: /^Thu đoàn phí/ }).click();
    await page.getByText('38 người chưa đóng').waitFor(WAIT);
    await page.goto(server.url + `/dues/grid?y=${yyyy}`);
    await page.getByLabel('Tìm đoàn viên').fill(multi);
    const row = page.getByRole('link', { name: new RegExp(`^${multi}:`) });
    const cells = (await row.locator('.dues-cell').allInnerTexts()).map((s) => s.trim());
    expect(cells.slice(0, 3)).toEqual(['✓', '✓', '✓']);
    // Warnings: everyone but the paying few is 3+ months behind when this month is April or later.
    await page.goto(server.url + `/dues/warnings?y=${yyyy}`);
    await heading(page, 'Chưa đóng đoàn phí từ 3 tháng').waitFor(WAIT);
    await shot('10-warnings');
  });

  test('exemptions and rates open (with signal first: not precached) and save', async () => {
    await browser.setOffline(false);
    await page.goto(server.url + '/dues/rates');
    await heading(page, 'Mức đóng đoàn phí').waitFor(WAIT);
    // With signal the install offer may slide up over the form's buttons: put it off.
    const later = page.getByRole('button', { name: 'Để sau' });
    await later.waitFor({ timeout: 3000 }).then(
      () => later.click(),
      () => undefined,
    );
    await page.getByLabel('Đối tượng').selectOption('salaried');
    await page.getByLabel('Số tiền mỗi tháng (đồng)').fill('6.000');
    await page.getByRole('button', { name: 'Lưu mức đóng' }).click();
    await page.getByText('Đã lưu mức đóng.').waitFor(WAIT);
    await shot('11-rates');
    await page.goto(server.url + '/dues/exemptions');
    await heading(page, 'Miễn đoàn phí').waitFor(WAIT);
    await page.getByLabel('Đoàn viên').selectOption({ label: multi });
    await page.getByLabel('Từ tháng').fill(`${yyyy}-04`);
    await page.getByLabel('Đến tháng').fill(`${yyyy}-12`);
    await page.getByLabel('Lý do', { exact: true }).fill('Ốm dài ngày');
    await page.getByRole('button', { name: 'Lưu miễn đoàn phí' }).click();
    await page.getByText('Miễn tối đa 6 tháng một lần.').waitFor(WAIT);
    await page.getByLabel('Đến tháng').fill(`${yyyy}-09`);
    await page.getByRole('button', { name: 'Lưu miễn đoàn phí' }).click();
    await page.getByText('Đã lưu.').waitFor(WAIT);
    await shot('12-exemptions');
  });

  test('with the unit’s account saved, a transfer shows a VietQR code for the months ticked', async () => {
    await page.goto(server.url + '/dues/rates');
    await page.getByLabel('Mã ngân hàng (BIN)').fill('970436');
    await page.getByLabel('Số tài khoản').fill('0881000458086');
    await page.getByLabel('Tên chủ tài khoản').fill('CHI DOAN CONG TY 30 4');
    await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await page.getByText('Đã lưu tài khoản.').waitFor(WAIT);
    await page.goto(server.url + `/dues/grid?y=${yyyy}`);
    await page.getByLabel('Tìm đoàn viên').fill(paidFive[2]);
    await page.getByRole('link', { name: new RegExp(`^${paidFive[2]}:`) }).click();
    await page.locator('.dues-monthpick label').filter({ hasText: `${mm}/${yyyy}` }).click();
    await page.getByLabel('Chuyển khoản').check();
    await page.getByRole('button', { name: 'Hiện mã VietQR để chuyển khoản' }).click();
    const code = page.getByRole('img', { name: 'Mã VietQR chuyển khoản 2.000 ₫' });
    await code.waitFor(WAIT);
    expect(await code.locator('path').getAttribute('d')).toMatch(/^M4 4h7v1h-7z/);
    await code.scrollIntoViewIfNeeded();
    await shot('13-vietqr');
  });

  test('everyone paid up to last month before the app: asked first with the head count, no money, months shown as paid before', async () => {
    await page.goto(server.url + `/dues?m=${month}`);
    await page.getByRole('link', { name: 'Đã đóng trước khi dùng app' }).click();
    await heading(page, 'Đã đóng trước khi dùng app').waitFor(WAIT);
    const last = `${Number(mm) === 1 ? Number(yyyy) - 1 : yyyy}-${String(Number(mm) === 1 ? 12 : Number(mm) - 1).padStart(2, '0')}`;
    await page.getByLabel('Đã đóng đến hết tháng').fill(last);
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await page.getByRole('button', { name: 'Ghi cho tất cả (42 người)' }).click();
    await page.getByText(/^Đã ghi cho \d+ người: đã đóng đến tháng/).waitFor(WAIT);
    expect(asked).toContain('cả 42 đoàn viên');
    await shot('14-opening');
    // No money: the month's collection is what it was.
    await page.goto(server.url + `/dues?m=${month}`);
    await expect.poll(() => stat('Đã thu trong tháng'), WAIT).toBe('14.000 ₫');
    if (Number(mm) > 1) {
      await page.goto(server.url + `/dues/grid?y=${yyyy}`);
      await page.getByLabel('Tìm đoàn viên').fill(paidFive[0]);
      const row = page.getByRole('link', { name: new RegExp(`^${paidFive[0]}:`) });
      await expect.poll(async () => row.locator('.dues-cell').first().getAttribute('class'), WAIT).toContain('ds-settled');
    }
  });
});

