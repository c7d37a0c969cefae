// Check-ins in the built app (issue 11 item 5), both sides on one phone: the level above (a
// supervised unit's database beside the unit's own, role supervisor) records a check-in with
// two actions, one already overdue; the record prints on a 360 px phone and on A4; the unit,
// once the rows are in its own database (as a pull would put them), sees the overdue action
// first and writes its follow-up — with no way to record or edit a check-in itself.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { setupUnit } from './app';
import { calm } from './unit-data';

const WAIT = { timeout: 20_000 };
const SUP = 'sup-unit-e2e-0001';
const BASE = `/above/unit/${SUP}/checkins`;

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
  if (task.result?.state === 'fail') await screenshot(page, `checkins-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

/** Raw IndexedDB in the page: copy rows between stores of two databases, or put some. */
async function idb(p: Page, fn: string, arg: unknown): Promise<void> {
  await p.evaluate(
    async ({ fn, arg }) => {
      const open = (name: string) =>
        new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
      const all = (db: IDBDatabase, store: string) =>
        new Promise<unknown[]>((ok) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
        });
      const put = async (db: IDBDatabase, store: string, rows: unknown[], key?: string) => {
        const tx = db.transaction(store, 'readwrite');
        for (const row of rows) (key ? tx.objectStore(store).put(row, key) : tx.objectStore(store).put(row));
        await new Promise((ok) => (tx.oncomplete = ok));
      };
      const names = (await indexedDB.databases()).map((d) => d.name!);
      const own = names.find((n) => n.startsWith('scd-') && n !== `scd-${(arg as { sup: string }).sup}`)!;
      const a = arg as { sup: string; device?: unknown; above?: unknown; tables?: string[] };
      const ownDb = await open(own);
      const supDb = await open(`scd-${a.sup}`);
      if (fn === 'asSupervisor') {
        await put(supDb, 'syncState', [a.device]);
        await put(supDb, 'units', await all(ownDb, 'units'));
        const kv = await open('keyval-store');
        await put(kv, 'keyval', [a.above], 'above');
        kv.close();
      } else {
        for (const t of a.tables!) await put(ownDb, t, await all(supDb, t));
      }
      ownDb.close();
      supDb.close();
    },
    { fn, arg },
  );
}

describe('check-ins', () => {
  test('the level above records a check-in and prints it; the unit follows an overdue action up', async () => {
    await page.goto(server.url + '/');
    await setupUnit(page);
    // the supervised unit's database, made by the screen, then made a supervisor's
    await page.goto(server.url + BASE);
    await page.getByRole('heading', { name: 'Giao ban', level: 1 }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: '+ Ghi giao ban mới' }).count()).toBe(0);
    await idb(page, 'asSupervisor', {
      sup: SUP,
      device: { key: 'device', deviceId: 'dev-e2e', nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: { baseUrl: '', unitId: SUP, unitName: 'Chi đoàn', role: 'supervisor', deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' } },
      above: { baseUrl: '', username: 'Nguyễn Thị Lan', accountToken: 't', signedInAt: '2026-01-01', units: [] },
    });
    await page.reload();
    await calm(page);
    await page.getByRole('link', { name: '+ Ghi giao ban mới' }).click();
    await page.getByLabel('Ngày giao ban').waitFor(WAIT);
    await page.getByLabel('Ngày giao ban').fill('02/10/2026');
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa khu phố 3, phường 7');
    await page.getByLabel('Thành phần tham dự').fill('Đ/c Nguyễn Thị Lan, Ủy viên BCH Đoàn phường 7\nĐ/c Đặng Diệu Châu, Bí thư chi đoàn\nĐ/c Lê Văn Hùng, Phó Bí thư chi đoàn');
    await page.getByLabel('Tình hình, kết quả giao ban').fill('Chi đoàn sinh hoạt đều hằng tháng, 40/42 đoàn viên tham gia.\nĐoàn phí quý III chưa nộp cấp trên; 2 đoàn viên chưa đăng ký Chương trình rèn luyện.');
    await page.getByLabel('Việc cần làm').fill('Nộp đoàn phí quý III về Đoàn phường');
    await page.getByLabel('Người thực hiện').fill('Bí thư');
    await page.getByLabel('Thời hạn').fill('31/10/2026');
    await page.getByRole('button', { name: '+ Thêm việc' }).click();
    await page.getByLabel('Việc cần làm').nth(1).fill('Vận động 2 đoàn viên đăng ký Chương trình rèn luyện đoàn viên');
    await page.getByLabel('Người thực hiện').nth(1).fill('Phó Bí thư');
    await page.getByLabel('Thời hạn').nth(1).fill('31/12/2026');
    await calm(page);
    await screenshot(page, 'checkins-1-form-360');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: 'Giao ban 02/10/2026' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await calm(page);
    await screenshot(page, 'checkins-2-detail-above-360');
    await calm(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'checkins-2-detail-above-360-full.png'), fullPage: true });

    // the record on paper
    await page.getByRole('link', { name: 'In biên bản' }).click();
    await page.getByRole('heading', { name: 'BIÊN BẢN', level: 1 }).waitFor(WAIT);
    const text = await page.getByRole('article').innerText();
    for (const s of ['ĐOÀN PHƯỜNG 7', 'BCH CHI ĐOÀN CÔNG TY MAY DA XUẤT KHẨU 30/4', 'Giao ban quý IV năm 2026', 'Nộp đoàn phí quý III về Đoàn phường', '31/10/2026', 'ĐẠI DIỆN ĐOÀN PHƯỜNG 7', 'Nguyễn Thị Lan', 'Đặng Diệu Châu'])
      expect(text).toContain(s);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await calm(page);
    await screenshot(page, 'checkins-3-print-360');
    await calm(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'checkins-3-print-360-full.png'), fullPage: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(RESULTS_DIR, 'checkins-4-print-a4-media-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(RESULTS_DIR, 'checkins-print.pdf'), preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });

    // the list: this year's quarters — Q1–Q3 ended before the unit started its book today, so
    // none is flagged missed — and the overdue action at the top
    await page.goto(server.url + BASE);
    await page.getByRole('region', { name: /Việc quá hạn/ }).waitFor(WAIT);
    expect(await page.locator('.ci-q-before').count()).toBe(3);
    expect(await page.locator('.ci-q-missed').count()).toBe(0);
    await calm(page);
    await screenshot(page, 'checkins-5-list-above-360');
    await calm(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'checkins-5-list-above-360-full.png'), fullPage: true });

    // the unit's side, after its phone pulled the rows
    await idb(page, 'pull', { sup: SUP, tables: ['checkIns', 'checkInActions'] });
    await page.goto(server.url + '/checkins');
    const overdue = page.getByRole('region', { name: /Việc quá hạn/ });
    await overdue.waitFor(WAIT);
    expect(await page.getByRole('link', { name: /Ghi giao ban mới/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sửa việc' }).count()).toBe(0);
    await calm(page);
    await screenshot(page, 'checkins-6-list-unit-360');
    await overdue.getByRole('button', { name: 'Cập nhật' }).click();
    await page.getByLabel('Tình trạng', { exact: true }).selectOption('done');
    await page.getByLabel('Kết quả, việc đã làm').fill('Đã nộp 1.260.000 đồng ngày 05/11/2026.');
    await calm(page);
    await screenshot(page, 'checkins-7-followup-unit-360');
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await page.getByText('Đã nộp 1.260.000 đồng ngày 05/11/2026.').waitFor(WAIT);
    await expect.poll(() => overdue.count()).toBe(0);
    expect(await page.getByText(/^Đơn vị cập nhật/).count()).toBe(1);
    await calm(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'checkins-8-list-unit-after-360-full.png'), fullPage: true });
  });
});
