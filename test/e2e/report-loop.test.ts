// Issue 10's browser test, the whole loop on a phone that joined a unit through the server:
// it imports the real list, records a quarter (a regular meeting with its roll, an activity),
// then OFFLINE after a reload opens the quarter's report from the list, starts it (no figure
// typed: the sentences come from the records), writes the narrative, sends version 1 and
// reloads; a member added afterwards never changes version 1, while version 2's draft shows the
// figure that moved. The sent version prints on A4 and Share falls back to a download where the
// browser cannot share files. Back online, the version reaches the server as sent.
// Screenshots at 360×740 (test-results/, or SHOTS_DIR).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, RESULTS_DIR, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, importFile, openImport, rollWritesSaved, waitForOfflineExtras, waitForServiceWorker } from './app';
import { addMember, calm, joinWithCode, serverUnitInvite } from './unit-data';

const WAIT = { timeout: 30_000 };
const SHOTS = process.env.SHOTS_DIR;

// The quarter under way, and a day in it (not after today) for its records.
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
const qStart = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
const ROMAN = ['I', 'II', 'III', 'IV'][q - 1];
const REPORT_ID = `report:${year}:q${q}`;
const recordDay = qStart;

let server: AppServer;
let phone: BrowserSession;
let page: Page;
let printPath = '';

async function shot(name: string) {
  await calm(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  else await screenshot(page, `report-loop-${name}`);
}

const section = (label: string) => page.getByLabel(label, { exact: true });
const article = () => page.getByRole('article');

/** The sent version's text on its print page. */
async function sentText(): Promise<string> {
  await page.goto(server.url + printPath);
  await page.getByRole('heading', { name: 'BÁO CÁO', level: 1 }).waitFor(WAIT);
  return article().innerText();
}

beforeAll(async () => {
  server = await startServer();
  phone = await launchBrowser();
  page = phone.page;
  page.on('dialog', (d) => void d.accept());
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `report-loop-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

describe('a quarterly report, offline, on a phone that joined through the server', () => {
  test('join, import the list, record the quarter, and wait until every screen is on the phone', async () => {
    const code = await serverUnitInvite(server.url, 'Chi đoàn Công ty May 30/4');
    await joinWithCode(page, server.url, code);
    await waitForServiceWorker(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);

    // a regular meeting held on the quarter's first day, with a roll: two present of 42
    await page.goto(server.url + '/meetings/new');
    await page.getByLabel('Loại buổi sinh hoạt').selectOption('regular');
    await page.getByLabel('Chủ đề / tên buổi').fill('Sinh hoạt chi đoàn đầu quý');
    await page.getByLabel('Ngày', { exact: true }).fill(recordDay);
    await page.getByLabel('Giờ bắt đầu').fill('08:00');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL((u) => /^\/meetings\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
    const meetingPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: /Điểm danh/ }).first().click();
    await page.waitForURL(/\/roll$/, WAIT);
    const taps = page.locator('.roll-row .roll-tap');
    await taps.first().waitFor(WAIT);
    await taps.nth(0).click();
    await taps.nth(1).click();
    // both ticks shown, and written, before the page is left (a CI run once left with one saved)
    const present = page.getByRole('list', { name: 'Kết quả điểm danh' }).getByRole('listitem').filter({ hasText: 'Có mặt' }).first();
    await expect.poll(async () => Number((await present.innerText()).match(/\d+/)?.[0]), WAIT).toBe(2);
    await rollWritesSaved(page);
    await page.goto(server.url + meetingPath);
    await calm(page);
    await page.getByRole('button', { name: /Đã tổ chức/ }).click();
    await page.getByRole('button', { name: 'Đặt lại: chưa tổ chức' }).waitFor(WAIT);

    await page.goto(server.url + '/activities/new');
    await page.getByLabel('Tên hoạt động').fill('Ngày Chủ nhật xanh');
    await page.getByLabel('Ngày', { exact: true }).fill(recordDay);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL((u) => /^\/activities\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
    await calm(page);
    await page.getByRole('button', { name: /Đã thực hiện|Đã tổ chức/ }).click();
    await page.getByRole('button', { name: 'Đặt lại: chưa tổ chức' }).waitFor(WAIT);

    // the report screens are left out of the precache and fetched in the background
    await waitForOfflineExtras(page);
    await phone.setOffline(true);
    await page.reload();
  });

  test("offline: the quarter's report is on the list; starting it writes the figures' sentences", async () => {
    await page.goto(server.url + '/reports');
    const row = page.locator(`a[href="/reports/${REPORT_ID}"]`);
    await row.waitFor(WAIT);
    expect(await row.innerText()).toContain(`Quý ${ROMAN} năm ${year}`);
    await shot('1-list');
    await row.click();
    await calm(page);
    await page.getByRole('button', { name: 'Bắt đầu viết báo cáo' }).click();
    await expect.poll(() => section('Tình hình chung').inputValue(), WAIT).toMatch(/42 đoàn viên/);
    // no figure typed: the meeting and its roll are in the sentences of "building the Union"
    const building = await section('Công tác xây dựng tổ chức Đoàn').inputValue();
    expect(building).toMatch(/1 buổi sinh hoạt/);
    // 2 of the 42 on the roll: 4,8 %
    expect(building).toMatch(/tỷ lệ tham dự bình quân 4,8\s%/);
    expect(await section('Các phong trào, hoạt động').inputValue()).toMatch(/1 hoạt động|Chủ nhật xanh|1 lượt/);
    await shot('2-draft');
  });

  test('offline: the narrative is written and a reload loses nothing', async () => {
    await section('Nguyên nhân').fill('Đoàn viên làm theo ca, khó tập trung đủ.');
    await section('Khó khăn, vướng mắc, đề xuất, kiến nghị').fill('Đề nghị Đoàn phường hỗ trợ kinh phí công trình.');
    await expect.poll(async () => (await page.locator('.save-status').innerText()).trim(), WAIT).toMatch(/^Đã lưu lúc/);
    await page.reload();
    await expect.poll(() => section('Nguyên nhân').inputValue(), WAIT).toBe('Đoàn viên làm theo ca, khó tập trung đủ.');
    expect(await section('Khó khăn, vướng mắc, đề xuất, kiến nghị').inputValue()).toBe('Đề nghị Đoàn phường hỗ trợ kinh phí công trình.');
  });

  test('offline: sending freezes version 1; a reload shows it sent', async () => {
    await calm(page);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('alertdialog').waitFor(WAIT);
    await page.getByRole('button', { name: 'Chốt và gửi' }).click();
    await page.getByTestId('report-sent').waitFor(WAIT);
    await page.reload();
    await page.getByTestId('report-sent').waitFor(WAIT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('3-sent');
    printPath = (await page.getByRole('link', { name: 'Xem bản in bản 1' }).getAttribute('href'))!;
    expect(printPath).toBe(`/reports/${REPORT_ID}/print?v=1`);
    const text = await sentText();
    for (const s of ['ĐOÀN PHƯỜNG 7', 'CHI ĐOÀN CÔNG TY MAY 30/4', 'ĐOÀN TNCS HỒ CHÍ MINH', `quý ${ROMAN} năm ${year}`, 'Đề nghị Đoàn phường hỗ trợ kinh phí công trình.', 'TM. BAN CHẤP HÀNH', 'PHỤ LỤC SỐ LIỆU']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('BẢN NHÁP');
  });

  test('offline: a member added later never changes version 1; version 2 shows the change', async () => {
    const before = await sentText();
    await addMember(page, server.url, 'Tạ Đức Khang');
    expect(await sentText()).toBe(before);
    await page.goto(server.url + `/reports/${REPORT_ID}`);
    await calm(page);
    await page.getByRole('button', { name: 'Làm bản 2' }).click();
    const changes = page.getByTestId('figure-changes');
    await changes.waitFor(WAIT);
    expect(await changes.innerText()).toContain('Đoàn viên cuối kỳ: 42 → 43');
    await shot('4-version-2');
    expect(await sentText()).toBe(before);
  });

  test('offline: the sent version prints on A4, and Share falls back to a download', async () => {
    await sentText();
    await page.locator('.doc-print').first().scrollIntoViewIfNeeded();
    await shot('5-print');
    // this browser cannot share files: the .docx is downloaded instead, and she is told so
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Chia sẻ .docx' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${year}-q${q}-v1.docx`);
    await page.getByText('tệp .docx đã được tải về máy', { exact: false }).waitFor(WAIT);
    const file = join(RESULTS_DIR, 'report-loop.docx');
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    for (const s of ['BÁO CÁO', 'Đề nghị Đoàn phường hỗ trợ kinh phí công trình.', 'TM. BAN CHẤP HÀNH']) expect(xml).toContain(s);
    // print preview: A4 pages
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: join(RESULTS_DIR, 'report-loop.pdf'), preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    // A4 is 595 × 842 points
    for (const [, w, h] of boxes) expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
  });

  test('online again: version 1 reaches the server as sent, beside the draft of version 2', async () => {
    await phone.setOffline(false);
    await page.goto(server.url + '/sync');
    const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
    await button.waitFor(WAIT);
    await calm(page);
    await button.click();
    await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
    // cấp trên's admin reads the unit's rows: version 1 exactly as printed, the working copy at version 2
    const json = async (path: string, init: RequestInit & { token?: string; body?: string }) => {
      const res = await fetch(`${server.url}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });
      expect(res.status).toBe(200);
      return res.json();
    };
    const { token } = await json('/login', { method: 'POST', body: JSON.stringify({ username: 'admin-phuong-7', password: 'mat-khau-cap-tren' }) });
    const [unit] = await json('/units', { method: 'GET', token });
    const rows: { table: string; id: string; fields: Record<string, any> }[] = [];
    for (let cursor = 0, more = true; more; ) {
      const page = await json(`/units/${unit.id}/pull`, { method: 'POST', token, body: JSON.stringify({ cursor, limit: 1000 }) });
      rows.push(...page.rows);
      cursor = page.cursor;
      more = page.hasMore;
    }
    const v1 = rows.find((r) => r.table === 'reportVersions' && r.id === `${REPORT_ID}:v1`)!;
    expect(v1.fields.figures.membership.end).toBe(42);
    expect(v1.fields.sections.difficulties).toBe('Đề nghị Đoàn phường hỗ trợ kinh phí công trình.');
    expect(v1.fields.parentUnit).toBe('Đoàn phường 7');
    const working = rows.find((r) => r.table === 'reports' && r.id === REPORT_ID)!;
    expect([working.fields.status, working.fields.version]).toEqual(['draft', 2]);
  });
});
