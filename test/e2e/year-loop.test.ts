// Issue 9's browser test, the whole loop on a real list: a phone joined to a unit the admin
// created on the server imports the fixture (42 members), then works OFFLINE after a reload:
// starts the year from the consolidation template, registers everyone for training and
// assesses one, rates the members and the unit, runs a youth project to acceptance with a
// photo in its log — and after each step the year's targets and Home's summary move. A reload
// keeps it all, and the plan prints and downloads as .docx offline. Back online the photo uploads once, and a second phone of the unit sees the
// same targets and downloads the photo. Screenshots at 360×740 (test-results/, or SHOTS_DIR).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, RESULTS_DIR, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { FIXTURE_CSV, heading, importFile, openImport, waitForOfflineExtras, waitForServiceWorker } from './app';
import { calm, joinWithCode } from './unit-data';

const WAIT = { timeout: 30_000 };
const SHOTS = process.env.SHOTS_DIR;
const PROJECT = 'Tuyến hẻm xanh – sạch – sáng';
const T = {
  unit: 'Chi đoàn được xếp loại',
  good: 'Từ 80% đoàn viên trở lên xếp loại',
  registered: '100% đoàn viên đăng ký',
  completing: 'Từ 90% đoàn viên trở lên hoàn thành',
  project: 'Một công trình thanh niên',
};

let server: AppServer;
let phoneA: BrowserSession;
let phoneB: BrowserSession;
let page: Page;
let admin = '';
let unitId = '';
const codes: string[] = [];
let projectPath = '';
let photoHash = '';
let onPaceAtStart = 0;

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every file under the server's photo folder. */
function filesOnServer(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  try {
    return walk(join(server.dataDir, 'files'));
  } catch {
    return [];
  }
}

async function shot(p: Page, name: string) {
  await calm(p);
  if (SHOTS) await p.screenshot({ path: `${SHOTS}/${name}.png` });
  else await screenshot(p, `year-loop-${name}`);
}

const card = (p: Page, title: string) => p.locator('a.tcard').filter({ hasText: title });
const status = (p: Page) => p.locator('main').getByRole('status');

async function openYear(p: Page) {
  await p.goto(server.url + '/year');
  await heading(p, 'Năm công tác').waitFor(WAIT);
  await expect.poll(() => p.locator('a.tcard').count(), WAIT).toBe(9);
}

/** Home's "x/9 chỉ tiêu đúng tiến độ". */
async function homeOnPace(p: Page): Promise<number> {
  await p.goto(server.url + '/');
  const home = p.locator('a.home-year');
  await expect.poll(() => home.innerText(), WAIT).toMatch(/\d+\/9 chỉ tiêu đúng tiến độ/);
  return Number(/(\d+)\/9 chỉ tiêu/.exec(await home.innerText())![1]);
}

/** A photo the way a camera gives it, drawn and encoded by the browser. */
async function photo(p: Page): Promise<Buffer> {
  const b64 = await p.evaluate(async () => {
    const c = new OffscreenCanvas(1200, 900);
    const g = c.getContext('2d')!;
    g.fillStyle = '#3a7d44';
    g.fillRect(0, 0, 1200, 900);
    for (let i = 0; i < 300; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
      g.fillRect((i * 97) % 1200, (i * 53) % 900, 30, 30);
    }
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

beforeAll(async () => {
  server = await startServer();
  phoneA = await launchBrowser();
  phoneB = await launchBrowser();
  page = phoneA.page;
  for (const p of [phoneA.page, phoneB.page]) p.on('dialog', (d) => void d.accept());
  admin = (await api<{ token: string }>('/setup', { username: 'admin-phuong-7', password: 'mat-khau-cap-tren' })).token;
  unitId = (await api<{ id: string }>('/units', { name: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7' }, admin)).id;
  for (const role of ['secretary', 'deputy']) codes.push((await api<{ code: string }>(`/units/${unitId}/invites`, { role }, admin)).code);
});
afterAll(cleanupAll);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `year-loop-FAILED-${task.name.slice(0, 40)}`).catch(() => undefined);
});

describe("the unit's year, offline, on a phone that joined through the server", () => {
  test('join, import the fixture, and wait until every screen is on the phone', async () => {
    await joinWithCode(page, server.url, codes[0]);
    await waitForServiceWorker(page);
    await openImport(page, server.url);
    await importFile(page, FIXTURE_CSV);
    // The year's screens are left out of the precache and fetched in the background after install.
    await waitForOfflineExtras(page);
    await phoneA.setOffline(true);
    await page.reload();
  });

  test('offline: the year starts from the template; Home counts its targets', async () => {
    await page.goto(server.url + '/year');
    await heading(page, 'Năm công tác').waitFor(WAIT);
    await page.getByRole('button', { name: 'Theo kế hoạch củng cố (9 chỉ tiêu)' }).click();
    await expect.poll(() => page.locator('a.tcard').count(), WAIT).toBe(9);
    await expect.poll(() => card(page, T.registered).innerText(), WAIT).toContain('0% / 100%');
    await expect.poll(() => card(page, T.project).innerText(), WAIT).toContain('0 / 1');
    await shot(page, '1-plan');
    onPaceAtStart = await homeOnPace(page);
  });

  test('training: everyone registered, one assessed — the two training targets move', async () => {
    await page.goto(server.url + '/training');
    await page.getByRole('button', { name: 'Tạo chương trình 5 nội dung' }).click();
    await page.getByRole('link', { name: 'Đăng ký hàng loạt (42)' }).click();
    await page.getByRole('button', { name: 'Đăng ký 42 đoàn viên' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toBe('Đã đăng ký thêm 42 đoàn viên.');
    await page.goto(server.url + '/training');
    await page.getByLabel('Tìm đoàn viên').fill('Đặng Diệu Châu');
    await page.getByRole('list', { name: 'Đoàn viên trong chương trình' }).getByRole('link', { name: /Đặng Diệu Châu/ }).click();
    await page.getByLabel('Kết quả cuối năm').selectOption({ label: 'Xuất sắc' });
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toBe('Đã lưu.');
    await openYear(page);
    await expect.poll(() => card(page, T.registered).innerText(), WAIT).toContain('100% / 100%');
    await expect.poll(() => card(page, T.registered).locator('.tstatus').innerText(), WAIT).toBe('Đạt');
    await expect.poll(() => card(page, T.completing).innerText(), WAIT).toContain('2% / 90%');
  });

  test('rating: the members by the suggestions and the unit itself — targets 1 and 2 move', async () => {
    await page.goto(server.url + '/rating');
    await page.getByRole('button', { name: /^Xếp theo gợi ý cho 42 người chưa xếp$/ }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toBe('Đã xếp loại 42 đoàn viên theo gợi ý.');
    await page.getByText('Chi đoàn đề nghị', { exact: true }).click();
    await page.getByLabel('Mức chi đoàn đề nghị').selectOption({ label: 'Hoàn thành xuất sắc nhiệm vụ' });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu mức chi đoàn đề nghị.').count(), WAIT).toBe(1);
    await openYear(page);
    await expect.poll(() => card(page, T.unit).locator('.tstatus').innerText(), WAIT).toBe('Đạt');
    await expect.poll(() => card(page, T.good).innerText(), WAIT).toMatch(/\d+% \/ 80%/);
    await card(page, T.good).click();
    // the evidence: the members counted, each a link to the member
    await expect.poll(() => page.locator('.ev-list a[href^="/members/"]').count(), WAIT).toBeGreaterThan(0);
    await shot(page, '2-evidence');
  });

  test('a youth project run to acceptance, with a photo in its log — target 5 is met', async () => {
    await page.goto(server.url + '/projects/new');
    await page.getByLabel('Tên công trình, phần việc').fill(PROJECT);
    await page.getByLabel(/Địa điểm/).fill('Hẻm 12, khu phố 3');
    await calm(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await heading(page, PROJECT).waitFor(WAIT);
    projectPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: '+ Thêm nhật ký' }).click();
    await page.getByLabel('Nội dung').fill('Trồng 40 chậu hoa dọc hẻm 12');
    await page.getByTestId('pj-log-new-photos-camera').setInputFiles({ name: 'hem-12.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
    await page.locator('#pj-log-new-photos .photo-tile img').waitFor(WAIT);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const logged = page.locator('ul.log .photo-tile');
    await logged.locator('img').waitFor(WAIT);
    photoHash = (await logged.getAttribute('data-sha256'))!;
    expect(await logged.locator('.photo-badge').innerText()).toBe('Chờ tải lên');
    for (const [step, stage] of [['Duyệt kế hoạch', 'Đã duyệt kế hoạch'], ['Bắt đầu thực hiện', 'Đang thực hiện'], ['Hoàn thành', 'Đã hoàn thành']]) {
      await page.getByRole('button', { name: step, exact: true }).click();
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await expect.poll(() => status(page).innerText(), WAIT).toBe(`Đã ghi: ${stage}.`);
    }
    await page.getByRole('button', { name: 'Nghiệm thu', exact: true }).click();
    await page.getByLabel('Cấp nghiệm thu').fill('Ban Thường vụ Đoàn phường 7');
    await page.getByLabel('Số quyết định nghiệm thu').fill('15/QĐ-ĐTN');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toBe('Đã ghi: Đã nghiệm thu.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '3-project');
    await openYear(page);
    await expect.poll(() => card(page, T.project).innerText(), WAIT).toContain('1 / 1');
    await expect.poll(() => card(page, T.project).locator('.tstatus').innerText(), WAIT).toBe('Đạt');
  });

  test("Home's summary moved; a reload offline keeps every figure", async () => {
    const now = await homeOnPace(page);
    expect(now).toBeGreaterThanOrEqual(onPaceAtStart + 3);
    await page.locator('a.home-year').scrollIntoViewIfNeeded();
    await shot(page, '4-home');
    await page.reload();
    await openYear(page);
    await expect.poll(() => card(page, T.registered).innerText(), WAIT).toContain('100% / 100%');
    await expect.poll(() => card(page, T.project).innerText(), WAIT).toContain('1 / 1');
    await expect.poll(() => card(page, T.unit).locator('.tstatus').innerText(), WAIT).toBe('Đạt');
    expect(filesOnServer()).toEqual([]);
  });

  test('offline, the plan prints on A4 and downloads as .docx with its nine targets', async () => {
    await page.goto(server.url + '/year');
    await page.getByRole('link', { name: /In chương trình/ }).click();
    await page.getByRole('heading', { name: 'CHƯƠNG TRÌNH', level: 1 }).waitFor(WAIT);
    const text = await page.getByRole('article').innerText();
    for (const s of ['ĐOÀN PHƯỜNG 7', 'BCH CHI ĐOÀN CÔNG TY MAY 30/4', 'ĐOÀN TNCS HỒ CHÍ MINH', 'Mức phấn đấu', T.project, 'TM. BAN CHẤP HÀNH']) expect(text).toContain(s);
    await page.locator('.doc-table').evaluate((el) => el.scrollIntoView());
    await shot(page, '4b-print');
    // the .docx writer was fetched in the background with the rest: it works offline
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải \.docx/ }).click()]);
    expect(download.suggestedFilename()).toBe(`chuong-trinh-cong-tac-${new Date().getFullYear()}.docx`);
    const file = join(RESULTS_DIR, 'year-plan.docx');
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    for (const title of Object.values(T)) expect(xml).toContain(title);
  });

  test('online again: the records sync and the photo uploads once', async () => {
    await phoneA.setOffline(false);
    await page.goto(server.url + '/sync');
    const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
    await button.waitFor(WAIT);
    await calm(page);
    await button.click();
    await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
    await expect.poll(() => filesOnServer().length, WAIT).toBe(1);
    await expect.poll(() => page.getByTestId('photos-waiting').count(), WAIT).toBe(0);
  });

  test('a second phone of the unit sees the same year and downloads the photo', async () => {
    const b = phoneB.page;
    await joinWithCode(b, server.url, codes[1]);
    await openYear(b);
    await expect.poll(() => card(b, T.registered).innerText(), WAIT).toContain('100% / 100%');
    await expect.poll(() => card(b, T.project).innerText(), WAIT).toContain('1 / 1');
    await expect.poll(() => card(b, T.unit).locator('.tstatus').innerText(), WAIT).toBe('Đạt');
    await b.goto(server.url + projectPath);
    await heading(b, PROJECT).waitFor(WAIT);
    const download = b.getByRole('button', { name: 'Tải ảnh' });
    await download.waitFor(WAIT);
    await calm(b);
    await download.click();
    const img = b.locator(`.photo-tile[data-sha256="${photoHash}"] img`);
    await img.waitFor(WAIT);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1200);
    await img.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(b, '5-second-phone-photo');
    expect(filesOnServer()).toHaveLength(1);
  });
});
