// Taking the roll on site with no signal (issue 3, item 2), in the built app: set up the unit,
// import a generated 50-member list, plan a meeting through /meetings/new, open its roll, lose
// the network, then call five names one by one, mark the rest present in one go, change three
// with a tap (one reason typed), undo and redo a tap, tap with a finger (one mark per tap, none
// for a drag), add a guest — the counts are right and everything is still there after a reload.
// Phone-sized screenshots of both modes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, tempDir, type AppServer, type BrowserSession } from './harness';
import { heading, importFile, openImport, rollWritesSaved, setupUnit, waitForServiceWorker } from './app';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers, toCsv } from '../fixtures/generate-members.mjs';

const WAIT = { timeout: 20_000 };
const MEMBERS: { fullName: string }[] = generateMembers({ count: 50, seed: 2026 });
const MEETING = { title: 'Sinh hoạt chi đoàn tháng 4', date: '2026-04-12', start: '08:00', place: 'Nhà văn hóa khu phố 3' };
const GUEST = { name: 'Lê Văn Tám', role: 'Phó Bí thư Đoàn phường 7' };
const TYPED_REASON = 'Đi đám cưới ở quê';

let server: AppServer;
let browser: BrowserSession;
let page: Page;
let rollUrl = '';
/** Names called in roll-call mode, in order, and what each was marked. */
const called: string[] = [];
/** Three members changed from the list after "everyone present". */
let late = '';
let excused = '';
let unexcused = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(cleanupAll);

async function count(label: string): Promise<number> {
  const tile = page.getByRole('list', { name: 'Kết quả điểm danh' }).getByRole('listitem').filter({ hasText: label });
  return Number((await tile.first().innerText()).match(/\d+/)?.[0]);
}

async function counts() {
  return {
    present: await count('Có mặt'),
    late: await count('Muộn'),
    excused: await count('Vắng có lý do'),
    unexcused: await count('Vắng không lý do'),
    unmarked: await count('Chưa điểm danh'),
  };
}

/** A member's row on the roll, found through the roll's search (the list is virtualised). */
async function findRow(name: string): Promise<Locator> {
  await page.getByLabel('Tìm trong danh sách điểm danh').fill(name);
  const row = page.locator('.roll-row').filter({ has: page.locator('.roll-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect.poll(() => row.count(), WAIT).toBe(1);
  return row;
}

async function statusOf(name: string): Promise<string> {
  const row = await findRow(name);
  return (await row.locator('.roll-pill').innerText()).trim();
}

async function tap(name: string, times: number): Promise<Locator> {
  const row = await findRow(name);
  for (let i = 0; i < times; i++) await row.locator('.roll-tap').click();
  return row;
}

describe('the roll, offline, 50 members', () => {
  test('unit set up, 50 generated members imported, a meeting planned', async () => {
    const names = MEMBERS.map((m) => m.fullName);
    expect(new Set(names).size).toBe(50);
    await page.goto(server.url + '/');
    await setupUnit(page);
    const csv = join(tempDir('csv'), 'chi-doan-50.csv');
    writeFileSync(csv, toCsv(MEMBERS));
    await openImport(page, server.url);
    await importFile(page, csv);

    await page.goto(server.url + '/meetings/new');
    await heading(page, 'Lên lịch sinh hoạt').waitFor(WAIT);
    await page.getByLabel('Loại buổi sinh hoạt').selectOption('regular');
    await page.getByLabel('Chủ đề / tên buổi').fill(MEETING.title);
    await page.getByLabel('Ngày', { exact: true }).fill(MEETING.date);
    await page.getByLabel('Giờ bắt đầu').fill(MEETING.start);
    await page.getByLabel('Địa điểm').fill(MEETING.place);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/meetings\/[^/]+$/, WAIT);
    await page.getByRole('link', { name: /Điểm danh/ }).first().click();
    await page.waitForURL(/\/roll$/, WAIT);
    rollUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: new RegExp(MEETING.title) }).waitFor(WAIT);
    // The roll's code must be in the service worker's cache before the network goes.
    await waitForServiceWorker(page);
  });

  test('offline: the roll opens with everyone unmarked', async () => {
    await browser.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(MEETING.title) }).waitFor(WAIT);
    await expect.poll(counts, WAIT).toEqual({ present: 0, late: 0, excused: 0, unexcused: 0, unmarked: 50 });
    await page.getByText('50 người trong danh sách', { exact: false }).waitFor(WAIT);
    expect(await page.locator('.roll-row').first().evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(56);
    await screenshot(page, 'roll-1-offline-unmarked');
  });

  test('roll-call mode: five names one by one, big buttons, a reason picked, progress and back', async () => {
    await page.getByRole('button', { name: 'Gọi tên từng người' }).click();
    const name = () => page.locator('.rc-name').innerText();
    await page.getByText('1/50', { exact: true }).waitFor(WAIT);
    await screenshot(page, 'roll-2-rollcall');
    const press = async (label: string) => {
      called.push((await name()).trim());
      await page.locator('.rc-buttons').getByRole('button', { name: label, exact: true }).click();
    };
    await press('Có mặt');
    await page.getByText('2/50', { exact: true }).waitFor(WAIT);
    await press('Có mặt');
    await press('Muộn');
    await press('Vắng có lý do');
    // the card stays on the excused member to offer a reason
    await page.getByText('Lý do vắng (không bắt buộc):').waitFor(WAIT);
    await screenshot(page, 'roll-3-rollcall-reason');
    await page.getByRole('button', { name: 'Công tác', exact: true }).click();
    await page.getByText('5/50', { exact: true }).waitFor(WAIT);
    await press('Vắng không lý do');
    await page.getByText('6/50', { exact: true }).waitFor(WAIT);
    // back one: the last person called, with the mark just given
    await page.getByRole('button', { name: '‹ Trước' }).click();
    expect((await name()).trim()).toBe(called[4]);
    await expect.poll(() => page.locator('.rollcall > .roll-pill').innerText(), WAIT).toBe('Vắng không lý do');
    expect(await counts()).toEqual({ present: 2, late: 1, excused: 1, unexcused: 1, unmarked: 45 });
    await page.getByRole('button', { name: 'Xem danh sách' }).click();
  });

  test('"Mọi người có mặt", then three taps on the list; a reason typed; undo and redo', async () => {
    await page.getByRole('button', { name: /Mọi người có mặt/ }).click();
    await expect.poll(counts, WAIT).toEqual({ present: 47, late: 1, excused: 1, unexcused: 1, unmarked: 0 });
    const others = MEMBERS.map((m) => m.fullName).filter((n) => !called.includes(n));
    [late, excused, unexcused] = others;

    await tap(late, 1);
    expect(await statusOf(late)).toBe('Muộn');
    const row = await tap(excused, 2);
    expect(await statusOf(excused)).toBe('Vắng có lý do');
    await row.getByRole('button', { name: `Lý do: ${excused}` }).click();
    const sheet = page.getByRole('dialog');
    await sheet.getByLabel('Lý do khác').fill(TYPED_REASON);
    await screenshot(page, 'roll-5-reason-sheet');
    await sheet.getByRole('button', { name: 'Lưu lý do' }).click();
    await expect.poll(() => row.innerText(), WAIT).toContain(`Lý do: ${TYPED_REASON}`);

    await tap(unexcused, 3);
    expect(await statusOf(unexcused)).toBe('Vắng không lý do');
    // Undo the last tap (excused → unexcused), then tap again.
    await page.getByRole('button', { name: /Hoàn tác/ }).click();
    expect(await statusOf(unexcused)).toBe('Vắng có lý do');
    await tap(unexcused, 1);
    expect(await statusOf(unexcused)).toBe('Vắng không lý do');

    await page.getByLabel('Tìm trong danh sách điểm danh').fill('');
    await expect.poll(counts, WAIT).toEqual({ present: 44, late: 2, excused: 2, unexcused: 2, unmarked: 0 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'roll-4-list-marked');
  });

  test("a finger's tap marks at once, exactly once; its click reaches nothing new; a drag marks nothing", async () => {
    // The row acts on pointerup (RollRow.lift); the click the browser makes from the same tap
    // comes after the render, hit-tested again (tap-echo.ts swallows it).
    const row = await findRow(late);
    const statusNow = async () => (await row.locator('.roll-pill').innerText()).trim();
    /** A touch tap at (x, y) of the row, then time for a late echo click to do harm. */
    const touch = async (x: number, y: number, expected: string) => {
      await row.tap({ position: { x, y } });
      await expect.poll(statusNow, WAIT).toBe(expected);
      await page.waitForTimeout(400);
      expect(await statusNow()).toBe(expected);
    };
    const box = (await row.boundingBox())!;
    // At the row's right end, where its "Lý do" button appears once the member is excused.
    await touch(box.width - 20, box.height / 2, 'Vắng có lý do');
    await row.getByRole('button', { name: `Lý do: ${late}` }).waitFor(WAIT);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Round the cycle back to late, on the name, one step per tap.
    await touch(40, box.height / 2, 'Vắng không lý do');
    await touch(40, box.height / 2, 'Có mặt');
    await touch(40, box.height / 2, 'Muộn');
    // A finger that goes down on the row and slides away (a scroll) marks nothing.
    const cdp = await page.context().newCDPSession(page);
    const at = { x: box.x + 40, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    for (let i = 1; i <= 6; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at.x, y: at.y - i * 15 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(400);
    expect(await statusNow()).toBe('Muộn');
    await cdp.detach();
  });

  test('a guest who is not a member is added by name and role', async () => {
    await page.getByText('Khách mời (0)').click();
    await page.getByLabel('Họ và tên khách').fill(GUEST.name);
    await page.getByLabel(/^Chức vụ, đơn vị/).fill(GUEST.role);
    await page.getByRole('button', { name: 'Thêm khách' }).click();
    await page.getByText('Khách mời (1)').waitFor(WAIT);
    await screenshot(page, 'roll-6-guest');
  });

  test('after a reload (still offline) every mark, the reasons and the guest are kept', async () => {
    await rollWritesSaved(page);
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(MEETING.title) }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe(rollUrl);
    await expect.poll(counts, WAIT).toEqual({ present: 44, late: 2, excused: 2, unexcused: 2, unmarked: 0 });
    expect(await statusOf(called[0])).toBe('Có mặt');
    expect(await statusOf(called[2])).toBe('Muộn');
    expect(await statusOf(called[3])).toBe('Vắng có lý do');
    expect(await (await findRow(called[3])).innerText()).toContain('Lý do: Công tác');
    expect(await statusOf(called[4])).toBe('Vắng không lý do');
    expect(await statusOf(late)).toBe('Muộn');
    expect(await (await findRow(excused)).innerText()).toContain(`Lý do: ${TYPED_REASON}`);
    expect(await statusOf(unexcused)).toBe('Vắng không lý do');
    await page.getByLabel('Tìm trong danh sách điểm danh').fill('');
    await page.getByText('Khách mời (1)').click();
    await page.getByText(GUEST.name).waitFor(WAIT);
    expect(browser.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  test('once the minutes are finalized the roll is read-only, with a notice and the same counts', async () => {
    await page.goto(server.url + rollUrl.replace(/\/roll$/, '/minutes'));
    await page.getByRole('button', { name: 'Chốt biên bản' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Chốt và khóa' }).click();
    await page.locator('.badge.final').waitFor(WAIT);
    await page.goto(server.url + rollUrl);
    await page.getByText('Biên bản buổi này đã chốt: danh sách điểm danh chỉ để xem, không sửa được nữa.').waitFor(WAIT);
    expect(await page.locator('button.roll-tap').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Mọi người có mặt|Gọi tên từng người|Hoàn tác/ }).count()).toBe(0);
    await expect.poll(counts, WAIT).toEqual({ present: 44, late: 2, excused: 2, unexcused: 2, unmarked: 0 });
    await screenshot(page, 'roll-7-locked');
  });
});
