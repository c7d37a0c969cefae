// The report's print page in the built app (issue 10, item 5): a sent version prints as sent
// on a 360 px phone and on A4 (print media, a PDF with the figures' appendix on its own page);
// the working copy prints as a draft with the figures of today; Share sends the .docx through
// the share sheet, and where sharing files fails the .docx downloads instead with a word on it.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { setupUnit } from './app';
import { sampleReport, sampleVersion } from '../unit/reports/report-doc-fixture';

const WAIT = { timeout: 20_000 };
const URL_PATH = `/reports/${encodeURIComponent('report:2026:q1')}/print`;

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
  if (task.result?.state === 'fail') await screenshot(page, `report-print-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

/** A set-up unit holding a sent version 1 and the working copy, drafting version 2. */
async function seed(): Promise<void> {
  await page.goto(server.url + '/');
  await setupUnit(page);
  // A sent version 1 and the working copy, drafting version 2, put straight into the unit's
  // database (the editor that makes them is tested on its own).
  const rows = { version: sampleVersion(), report: sampleReport({ status: 'draft', version: 2, situation: 'Chi đoàn có thêm 2 đoàn viên chuyển đến.' }) };
  await page.evaluate(async ({ version, report }) => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith('scd-'))!;
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(['reportVersions', 'reports'], 'readwrite');
    tx.objectStore('reportVersions').put(version);
    tx.objectStore('reports').put(report);
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, rows);
}

describe('report print page', () => {
  test('version 1 prints as sent on a phone, and on A4 with the appendix on a page of its own', async () => {
    await seed();
    await page.goto(server.url + URL_PATH + '?v=1');
    await page.getByRole('heading', { name: 'BÁO CÁO', level: 1 }).waitFor(WAIT);
    const text = await page.getByRole('article').innerText();
    for (const s of ['ĐOÀN PHƯỜNG 7', 'Số: 05-BC/CĐ', 'ĐOÀN TNCS HỒ CHÍ MINH', 'I. TÌNH HÌNH CHUNG', 'TM. BAN CHẤP HÀNH', 'PHỤ LỤC SỐ LIỆU', '1.260.000 đồng']) expect(text).toContain(s);
    expect(text).not.toContain('BẢN NHÁP');
    expect(text).not.toContain('Chi đoàn có thêm 2 đoàn viên chuyển đến.');
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'report-1-print-360');
    await page.screenshot({ path: join(RESULTS_DIR, 'report-1-print-360-full.png'), fullPage: true });
    await page.locator('.doc-signs').screenshot({ path: join(RESULTS_DIR, 'report-1b-signature-360.png') });
    await page.locator('.rdoc-targets').screenshot({ path: join(RESULTS_DIR, 'report-1c-targets-360.png') });

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Chia sẻ .docx' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(RESULTS_DIR, 'report-2-print-a4-media-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(RESULTS_DIR, 'report-print.pdf'), preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // pages: the report, then the appendix from a new page
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });
  });

  test('Share sends the .docx through the share sheet, or downloads it where sharing fails', async () => {
    // A share sheet that takes the file (Android Chrome), then one that refuses (a WebView).
    await page.evaluate(() => {
      const w = window as unknown as { shared: string[]; refuse: boolean };
      w.shared = [];
      w.refuse = false;
      Object.defineProperty(navigator, 'canShare', { configurable: true, value: (d: ShareData) => !!d.files?.length });
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (d: ShareData) => {
          if (w.refuse) throw new DOMException('refused', 'NotAllowedError');
          w.shared.push(`${d.files![0].name} ${d.files![0].size > 1000}`);
        },
      });
    });
    await page.getByRole('button', { name: 'Chia sẻ .docx' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: string[] }).shared), WAIT).toEqual(['bao-cao-2026-q1-v1.docx true']);

    await page.evaluate(() => ((window as unknown as { refuse: boolean }).refuse = true));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Chia sẻ .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-q1-v1.docx');
    await page.getByText('tệp .docx đã được tải về máy', { exact: false }).waitFor(WAIT);
    const file = join(RESULTS_DIR, 'report.docx');
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    for (const s of ['BÁO CÁO', 'Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026', 'PHỤ LỤC SỐ LIỆU', 'Đặng Diệu Châu']) expect(xml).toContain(s);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Số liệu .xlsx' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('bao-cao-2026-q1-v1.xlsx');
  });

  test('the working copy prints as a draft with the figures of today, and the versions switch', async () => {
    await page.getByRole('link', { name: 'Bản đang soạn' }).click();
    await page.getByText('BẢN NHÁP', { exact: true }).waitFor(WAIT);
    const text = await page.getByRole('article').innerText();
    expect(text).toContain('Chi đoàn có thêm 2 đoàn viên chuyển đến.');
    expect(text).toContain('PHỤ LỤC SỐ LIỆU');
    await screenshot(page, 'report-3-draft-360');
    await page.getByRole('link', { name: /^Bản 1 · gửi/ }).click();
    await page.waitForURL(/\?v=1$/);
    // the link changes the URL first; the sent version replaces the draft when it is read
    await expect.poll(() => page.getByRole('article').innerText(), WAIT).not.toContain('BẢN NHÁP');
    expect(await page.getByRole('article').innerText()).toContain('PHỤ LỤC SỐ LIỆU');
    expect(browser.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([]);
  });
});
