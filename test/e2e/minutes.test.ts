// The minutes (biên bản) along a real meeting, in the built app: set up the unit and import
// the branch list, go offline, plan a meeting, take the roll, write the minutes (saved as typed — a
// reload loses nothing, not even the last keystrokes), see the attendance block follow the
// roll live, finalize, find editing refused everywhere, add an addendum, then print (A4 and
// phone screenshots, a PDF) and download the .docx (not precached: it needs the network the
// first time).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR, cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, rollWritesSaved, setupUnit, waitForServiceWorker } from './app';

const WAIT = { timeout: 20_000 };
const MEETING = {
  title: 'Sinh hoạt chi đoàn tháng 3',
  date: '2026-03-15',
  start: '19:30',
  place: 'Hội trường Công ty May 30/4',
  chair: 'Đặng Diệu Châu',
  minuteTaker: 'Hồ Văn Minh',
  guest: { name: 'Lê Văn Tám', role: 'Phó Bí thư Đoàn phường 7' },
  agenda: 'Kiểm điểm công tác tháng 2\nTriển khai Tháng Thanh niên',
};
const DISCUSSION = 'Triển khai Chủ nhật xanh ngày 22/3 tại khu phố 3.';

let server: AppServer;
let browser: BrowserSession;
let page: Page;
let meetingUrl = '';
let blockBeforeFinalize: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // On Save-Data the app does not fetch the left-out files by itself (src/pwa/offline-extras.ts):
  // the .docx writer is then still not on the phone the first time, as this file checks.
  await browser.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
  page = browser.page;
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `minutes-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

const attendanceBlock = (p: Page = page) => p.getByTestId('attendance-block');
const blockLines = async (p: Page = page) => (await attendanceBlock(p).getByRole('listitem').allInnerTexts()).map((s) => s.trim());
const saveStatus = () => page.locator('.save-status');
const savedAt = () => expect.poll(async () => (await saveStatus().innerText()).trim(), WAIT).toMatch(/^Đã lưu lúc \d\d:\d\d$/);

/** The install hint sits over the bottom of the screen: "Để sau" puts it away. */
async function dismissBanner(p: Page = page): Promise<void> {
  const later = p.locator('.banner').getByRole('button', { name: 'Để sau' });
  if (await later.count()) await later.first().click();
}

/** Taps a member's row on the roll `times` times (found by search: the list is virtualised; the search stays). */
async function tapOnRoll(p: Page, name: string, times: number): Promise<void> {
  await dismissBanner(p);
  const search = p.getByLabel('Tìm trong danh sách điểm danh');
  await search.fill(name);
  const row = p.locator('button.roll-tap', { hasText: name });
  await expect.poll(() => row.count(), WAIT).toBe(1);
  for (let i = 0; i < times; i++) await row.click();
}

async function rollCount(p: Page, label: string): Promise<number> {
  const tile: Locator = p.getByRole('list', { name: 'Kết quả điểm danh' }).getByRole('listitem').filter({ hasText: label });
  return Number((await tile.first().innerText()).match(/\d+/)?.[0]);
}

describe('minutes: plan → roll → write → reload → finalize → locked → print', () => {
  test('the unit is set up and the branch list (42 members) imported; then the network goes', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
    // Everything after this runs with no network, as in a ward hall with no signal.
    await waitForServiceWorker(page);
    await browser.setOffline(true);
  });

  test('a meeting is planned through /meetings/new', async () => {
    await page.goto(server.url + '/meetings/new');
    await heading(page, 'Lên lịch sinh hoạt').waitFor(WAIT);
    await page.getByLabel('Loại buổi sinh hoạt').selectOption('regular');
    await page.getByLabel('Chủ đề / tên buổi').fill(MEETING.title);
    await page.getByLabel('Ngày', { exact: true }).fill(MEETING.date);
    await page.getByLabel('Giờ bắt đầu').fill(MEETING.start);
    await page.getByLabel('Địa điểm').fill(MEETING.place);
    await page.getByLabel('Chủ trì').selectOption({ label: MEETING.chair });
    await page.getByLabel('Thư ký').selectOption({ label: MEETING.minuteTaker });
    await page.getByRole('button', { name: 'Thêm khách mời' }).click();
    await page.getByLabel('Họ tên khách').fill(MEETING.guest.name);
    await page.getByLabel('Chức vụ, đơn vị').fill(MEETING.guest.role);
    await page.getByLabel('Nội dung, chương trình').fill(MEETING.agenda);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/meetings\/(?!new$)[^/]+$/, WAIT);
    meetingUrl = new URL(page.url()).pathname;
  });

  test('the roll is taken: everyone present, then one late, one excused (ốm), one unexcused', async () => {
    await dismissBanner();
    await page.getByRole('link', { name: /Điểm danh/ }).first().click();
    await page.waitForURL(/\/roll$/, WAIT);
    await page.getByRole('button', { name: /Mọi người có mặt/ }).click();
    await expect.poll(() => rollCount(page, 'Chưa điểm danh'), WAIT).toBe(0);
    await tapOnRoll(page, 'Hồ Văn Minh', 1); // present → late
    await tapOnRoll(page, 'Nguyễn Bảo Yến', 2); // → late → absent with reason
    await page.getByRole('button', { name: 'Lý do: Nguyễn Bảo Yến' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ốm' }).click();
    await tapOnRoll(page, 'Đinh Thu Hạnh', 3); // → late → excused → unexcused
    await expect.poll(() => rollCount(page, 'Vắng không lý do'), WAIT).toBe(1);
    await rollWritesSaved(page);
    await screenshot(page, 'minutes-0-roll');
  });

  test('the minutes open with the attendance block filled from the roll', async () => {
    await page.goto(server.url + meetingUrl + '/minutes');
    await attendanceBlock().waitFor(WAIT);
    await dismissBanner();
    await expect.poll(() => blockLines(), WAIT).toContain('Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (Ốm).');
    const lines = await blockLines();
    const total = Number(lines[0].match(/^Tổng số đoàn viên: (\d+) đồng chí\.$/)?.[1]);
    expect(total).toBeGreaterThan(30);
    expect(lines).toEqual([
      `Tổng số đoàn viên: ${total} đồng chí.`,
      `Có mặt: ${total - 2} đồng chí (trong đó đến muộn: 1).`,
      'Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (Ốm).',
      'Vắng không lý do: 1 đồng chí: Đinh Thu Hạnh.',
      `Khách mời: ${MEETING.guest.name} – ${MEETING.guest.role}.`,
    ]);
    await expect.poll(() => page.getByText('CHI ĐOÀN CÔNG TY MAY DA XUẤT KHẨU 30/4').count()).toBe(1);
    expect(await page.getByText('19 giờ 30 phút, ngày 15/03/2026').count()).toBe(1);
    await screenshot(page, 'minutes-1-editor-top');
  });

  test('the block follows the roll live: a change in another tab shows without a reload', async () => {
    const other = await browser.newPage();
    await other.goto(server.url + meetingUrl + '/roll');
    await tapOnRoll(other, 'Đinh Thu Hạnh', 1); // unexcused → present
    await expect.poll(() => blockLines(), WAIT).toContain('Vắng không lý do: 0 đồng chí.');
    await tapOnRoll(other, 'Đinh Thu Hạnh', 1); // present → late
    await tapOnRoll(other, 'Đinh Thu Hạnh', 1); // → excused
    await tapOnRoll(other, 'Đinh Thu Hạnh', 1); // → unexcused again
    await expect.poll(() => blockLines(), WAIT).toContain('Vắng không lý do: 1 đồng chí: Đinh Thu Hạnh.');
    await other.close();
  });

  test('the minutes are written and saved as typed; a vote with too many votes is refused plainly', async () => {
    await page.getByLabel('Đánh giá kết quả kỳ trước').fill('Hoàn thành 5/6 chỉ tiêu tháng 2.');
    await page.getByLabel('Các vấn đề thảo luận').fill(DISCUSSION);
    await page.getByLabel('Ý kiến phát biểu').fill('Đ/c Minh: đề nghị mỗi tổ cử 5 đoàn viên.\nĐ/c Yến: nhất trí.');
    await page.getByLabel('Thu đoàn phí').fill('Thu 38/41 đồng chí, 76.000 đồng.');
    await page.getByRole('button', { name: '+ Thêm biểu quyết' }).click();
    await page.getByLabel('Nội dung biểu quyết').fill('Giới thiệu đoàn viên ưu tú Hồ Văn Minh cho Đảng xem xét');
    const present = Number(await page.getByLabel('Có mặt', { exact: true }).inputValue());
    expect(present).toBeGreaterThan(30); // prefilled from the roll
    await page.getByLabel('Tán thành', { exact: true }).fill(String(present));
    await page.getByLabel('Không tán thành').fill('1');
    await page.getByText('Số tán thành cộng không tán thành không được lớn hơn số có mặt.').waitFor(WAIT);
    await page.getByLabel('Tán thành', { exact: true }).fill(String(present - 1));
    await expect.poll(() => page.getByText('Số tán thành cộng không tán thành không được lớn hơn số có mặt.').count()).toBe(0);
    await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
    await page.getByLabel('Việc cần làm').fill('Chuẩn bị dụng cụ Chủ nhật xanh');
    await page.getByLabel('Người thực hiện').fill('Tổ Cắt');
    await page.getByLabel('Thời hạn').fill('21/03/2026');
    await page.getByLabel('Giờ kết thúc').fill('21:05');
    await savedAt();
    await screenshot(page, 'minutes-2-editor-votes');
    await page.screenshot({ path: join(RESULTS_DIR, 'minutes-2-editor-full.png'), fullPage: true });
  });

  test('a reload mid-draft loses nothing — after the save, and right after a keystroke', async () => {
    await page.getByLabel('Kết luận, nghị quyết').fill('Nhất trí triển khai Chủ nhật xanh.');
    await savedAt();
    await page.reload();
    await expect.poll(() => page.getByLabel('Các vấn đề thảo luận').inputValue(), WAIT).toBe(DISCUSSION);
    expect(await page.getByLabel('Kết luận, nghị quyết').inputValue()).toBe('Nhất trí triển khai Chủ nhật xanh.');
    expect(await page.getByLabel('Nội dung biểu quyết').inputValue()).toBe('Giới thiệu đoàn viên ưu tú Hồ Văn Minh cho Đảng xem xét');
    expect(await page.getByLabel('Thời hạn').inputValue()).toBe('21/03/2026');
    expect(await page.getByLabel('Giờ kết thúc').inputValue()).toBe('21:05');

    // Typing and reloading at once (inside the 400 ms debounce): the form is dirty, so the
    // browser asks first; leaving saves what was typed (pagehide / visibilitychange).
    const conclusions = page.getByLabel('Kết luận, nghị quyết');
    await conclusions.click();
    await conclusions.press('End');
    await conclusions.pressSequentially(' Giao Tổ Cắt.', { delay: 10 });
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await expect.poll(() => page.getByLabel('Kết luận, nghị quyết').inputValue(), WAIT).toBe('Nhất trí triển khai Chủ nhật xanh. Giao Tổ Cắt.');

    // Typing and tapping the bottom bar at once: nothing to ask (found in use: "bỏ các thay
    // đổi?" while leaving would save), and what was typed is there on coming back.
    const minutesUrl = page.url();
    await conclusions.click();
    await conclusions.press('End');
    await conclusions.pressSequentially(' Hạn 30/3.', { delay: 10 });
    let asked = '';
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => void ((asked = d.message()), d.dismiss());
    page.on('dialog', onDialog);
    await page.locator('.bottomnav').getByRole('link', { name: 'Sinh hoạt' }).click();
    await page.waitForURL((u) => u.pathname === '/meetings', WAIT);
    page.off('dialog', onDialog);
    expect(asked).toBe('');
    await page.goto(minutesUrl);
    await expect.poll(() => page.getByLabel('Kết luận, nghị quyết').inputValue(), WAIT).toBe('Nhất trí triển khai Chủ nhật xanh. Giao Tổ Cắt. Hạn 30/3.');
  });

  test('finalize asks first, then locks the minutes and the roll; the block is the roll as it was', async () => {
    blockBeforeFinalize = await blockLines();
    await page.getByRole('button', { name: 'Chốt biên bản' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toContain('biên bản và danh sách điểm danh của buổi này bị khóa');
    await screenshot(page, 'minutes-3-finalize-confirm');
    await dialog.getByRole('button', { name: 'Chốt và khóa' }).click();
    await page.locator('.badge.final').waitFor(WAIT);
    // read-only: the document, no editor fields
    expect(await page.getByLabel('Các vấn đề thảo luận').count()).toBe(0);
    const doc = page.getByRole('article');
    const docText = await doc.innerText();
    for (const line of blockBeforeFinalize) expect(docText).toContain(`- ${line}`);
    expect(docText).toContain(DISCUSSION);
    expect(docText).not.toContain('BẢN NHÁP');
    await screenshot(page, 'minutes-4-finalized');
    await page.screenshot({ path: join(RESULTS_DIR, 'minutes-4-finalized-full.png'), fullPage: true });
  });

  test('after finalize, editing is refused: the roll is read-only and the minutes take only addenda', async () => {
    await page.goto(server.url + meetingUrl + '/roll');
    await page.getByText('Biên bản buổi này đã chốt: danh sách điểm danh chỉ để xem, không sửa được nữa.').waitFor(WAIT);
    expect(await page.locator('button.roll-tap').count()).toBe(0);
    await page.goto(server.url + meetingUrl + '/minutes');
    await page.locator('.badge.final').waitFor(WAIT);
    expect(await page.getByRole('textbox').count()).toBe(1); // the addendum box only
    // the frozen block did not move
    const docText = await page.getByRole('article').innerText();
    for (const line of blockBeforeFinalize) expect(docText).toContain(`- ${line}`);
    await page.getByLabel('Nội dung phụ lục').fill('Đính chính: đ/c Đinh Thu Hạnh báo vắng vì ốm sau buổi họp.');
    await page.getByRole('button', { name: 'Thêm phụ lục' }).click();
    await page.getByText('Đã thêm phụ lục.').waitFor(WAIT);
  });

  test('the print view renders the formal A4 layout, prints to PDF and downloads the .docx', async () => {
    await page.goto(server.url + meetingUrl + '/minutes/print');
    await page.getByRole('heading', { name: 'BIÊN BẢN', level: 1 }).waitFor(WAIT);
    const text = await page.getByRole('article').innerText();
    for (const s of ['ĐOÀN PHƯỜNG 7', 'ĐOÀN TNCS HỒ CHÍ MINH', 'SINH HOẠT CHI ĐOÀN THÁNG 03/2026', 'THƯ KÝ', 'CHỦ TRÌ', 'PHỤ LỤC 1']) expect(text).toContain(s);
    await screenshot(page, 'minutes-5-print-360');
    await page.screenshot({ path: join(RESULTS_DIR, 'minutes-5-print-360-full.png'), fullPage: true });

    // A4 at 96 dpi, on screen and as printed (print stylesheet: chrome hidden, 2 cm margins)
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(RESULTS_DIR, 'minutes-6-print-a4-screen.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /In$/ }).isVisible()).toBe(false);
    await page.screenshot({ path: join(RESULTS_DIR, 'minutes-7-print-a4-media-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(RESULTS_DIR, 'minutes-print.pdf'), preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });

    // The .docx writer is not precached (printing is): offline, on this phone's first .docx
    // (on Save-Data, see beforeAll), the button says it is not downloaded yet; with the
    // network back it works.
    await page.getByRole('button', { name: /Tải \.docx/ }).click();
    await page.getByText('Chức năng này chưa được tải về máy.', { exact: false }).waitFor(WAIT);
    await browser.setOffline(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải \.docx/ }).click()]);
    expect(download.suggestedFilename()).toBe('bien-ban-2026-03-15.docx');
    const file = join(RESULTS_DIR, 'minutes.docx');
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    for (const s of ['BIÊN BẢN', 'SINH HOẠT CHI ĐOÀN THÁNG 03/2026', 'Nguyễn Bảo Yến (Ốm)', 'Đặng Diệu Châu', 'Đính chính']) expect(xml).toContain(s);
    expect(browser.errors.filter((e) => !/favicon|Failed to load resource|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
  });
});
