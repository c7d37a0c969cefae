// Issue 9, item 5 end to end, in the built app served by the real server: a joined phone adds
// a photo to an activity while offline (a 12 MP JPEG made in the browser, given to the camera
// input), the photo waits on the phone and the sync screen says so; back online it uploads
// once (the server holds one file); a second joined phone opens the activity and downloads it.
// Also measures what the phone makes of a 12 MP photo: its size and the time to keep it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { calm, joinWithCode } from './unit-data';
import { heading, waitForServiceWorker } from './app';

const WAIT = { timeout: 30_000 };
let server: AppServer;
let phoneA: BrowserSession;
let phoneB: BrowserSession;
let admin = '';
let unitId = '';
const codes: string[] = [];
let activityPath = '';
let photoHash = '';

async function api<T>(path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every file under the server's photo folder (temp files included, so a leftover would show). */
function filesOnServer(): string[] {
  const root = join(server.dataDir, 'files');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  try {
    return walk(root);
  } catch {
    return [];
  }
}

/** A camera-like JPEG (4000×3000 = 12 MP unless told), drawn and encoded by the browser itself. */
async function twelveMegapixelJpeg(page: Page, width = 4000, height = 3000): Promise<Buffer> {
  const base64 = await page.evaluate(async ([width, height]) => {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    const sky = ctx.createLinearGradient(0, 0, 0, height);
    sky.addColorStop(0, '#7fb2e5');
    sky.addColorStop(1, '#2f6b2f');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, width, height);
    // detail, as a real photo has: many small shapes of varied colour
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 6000; i++) {
      ctx.fillStyle = `hsl(${Math.floor(rnd() * 360)} 60% ${30 + Math.floor(rnd() * 50)}%)`;
      ctx.beginPath();
      ctx.arc(rnd() * width, rnd() * height, 4 + rnd() * 40, 0, Math.PI * 2);
      ctx.fill();
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [width, height] as const);
  return Buffer.from(base64, 'base64');
}

async function syncNow(page: Page) {
  await page.goto(server.url + '/sync');
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await button.waitFor(WAIT);
  await calm(page);
  await button.click();
  await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
}

beforeAll(async () => {
  server = await startServer();
  phoneA = await launchBrowser();
  phoneB = await launchBrowser();
  admin = (await api<{ token: string }>('/setup', { username: 'admin-phuong-7', password: 'mat-khau-cap-tren' })).token;
  unitId = (await api<{ id: string }>('/units', { name: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7' }, admin)).id;
  for (const role of ['secretary', 'deputy', 'deputy']) codes.push((await api<{ code: string }>(`/units/${unitId}/invites`, { role }, admin)).code);
});
afterAll(cleanupAll);

describe('a photo as evidence of an activity', () => {
  test('a joined phone adds a photo offline; it waits, and the sync screen says so', async () => {
    const { page } = phoneA;
    await joinWithCode(page, server.url, codes[0]);
    await waitForServiceWorker(page); // the app opens offline from here on
    // The sync screen is left out of the precache (it follows a sync, which needs signal): opened
    // once with signal, the service worker keeps it, as the background download would in time.
    await page.goto(server.url + '/sync');
    await heading(page, 'Đồng bộ').waitFor(WAIT);
    await page.goto(server.url + '/activities/new');
    await page.getByLabel('Tên hoạt động').fill('Ra quân Chủ nhật xanh');
    await page.getByLabel('Ngày', { exact: true }).fill(`${new Date().getFullYear()}-03-22`);
    await calm(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL((u) => /^\/activities\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
    activityPath = new URL(page.url()).pathname;
    const jpeg = await twelveMegapixelJpeg(page);

    await phoneA.setOffline(true);
    await page.goto(server.url + activityPath);
    await heading(page, 'Ra quân Chủ nhật xanh').waitFor(WAIT);
    const started = Date.now();
    await page.getByTestId('ac-photos-camera').setInputFiles({ name: 'IMG_20260322_081500.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const tile = page.locator('.photo-tile').first();
    await tile.locator('img').waitFor(WAIT);
    const keptMs = Date.now() - started;
    const resize = await page.evaluate(() => {
      const m = performance.getEntriesByName('photo-resize')[0] as PerformanceMeasure | undefined;
      return m ? { ms: Math.round(m.duration), ...(m.detail as { from: number; to: number; width: number; height: number }) } : null;
    });
    console.log(`[measure] 12 MP JPEG of ${(jpeg.length / 1024).toFixed(0)} KB → ${JSON.stringify(resize)}; from choosing to thumbnail (resize, hash, save) ${keptMs} ms`);
    await expect.poll(() => page.getByText('Đã lưu ảnh của hoạt động.').count(), WAIT).toBe(1);
    photoHash = (await tile.getAttribute('data-sha256'))!;
    expect(photoHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await tile.locator('.photo-badge').innerText()).toBe('Chờ tải lên');
    // the element may be in before its picture has decoded (naturalWidth 0 until then)
    await expect.poll(() => tile.locator('img').evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight })), WAIT).toEqual({ w: 1600, h: 1200 });
    await tile.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'photos-1-offline-waiting');

    await page.goto(server.url + '/sync');
    await expect.poll(() => page.getByTestId('photos-waiting').innerText(), WAIT).toMatch(/^1 ảnh chờ tải lên/);
    expect(filesOnServer()).toEqual([]);
  });

  test('back online, the photo uploads once: the server holds one file', async () => {
    const { page } = phoneA;
    await phoneA.setOffline(false);
    await syncNow(page);
    await expect.poll(() => filesOnServer().length, WAIT).toBe(1);
    await expect.poll(() => page.getByTestId('photos-waiting').count(), WAIT).toBe(0);
    const res = await fetch(`${server.url}/api/v1/units/${unitId}/files/${photoHash}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const bytes = (await res.arrayBuffer()).byteLength;
    console.log(`[measure] the photo as sent: ${(bytes / 1024).toFixed(0)} KB, 1600×1200`);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    await page.goto(server.url + activityPath);
    await page.locator('.photo-tile img').waitFor(WAIT);
    expect(await page.locator('.photo-badge').count()).toBe(0);
    await syncNow(page); // another round sends nothing again
    expect(filesOnServer()).toHaveLength(1);
  });

  test('a second joined phone opens the activity and downloads the photo', async () => {
    const { page } = phoneB;
    await joinWithCode(page, server.url, codes[1]);
    await page.goto(server.url + activityPath);
    await heading(page, 'Ra quân Chủ nhật xanh').waitFor(WAIT);
    const download = page.getByRole('button', { name: 'Tải ảnh' });
    await download.waitFor(WAIT);
    await download.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'photos-2-second-phone-download');
    await calm(page);
    await download.click();
    const img = page.locator(`.photo-tile[data-sha256="${photoHash}"] img`);
    await img.waitFor(WAIT);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth), WAIT).toBe(1600);
    await img.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'photos-3-second-phone-sees');
    expect(filesOnServer()).toHaveLength(1);
  });

  test('a third phone on Wi-Fi gets the photo by itself after its sync, and shows it offline', async () => {
    // found in use: the other phone held no evidence offline unless someone had opened each record
    // with signal. On Wi-Fi (Chromium on Android says so; here the page is told) photos come
    // down unasked; on mobile data they still wait for "Tải ảnh" (the second phone, above).
    const phoneC = await launchBrowser();
    await phoneC.context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ type: 'wifi', saveData: false, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }) }),
    );
    const { page } = phoneC;
    await joinWithCode(page, server.url, codes[2]);
    await waitForServiceWorker(page);
    await page.goto(server.url + activityPath);
    await heading(page, 'Ra quân Chủ nhật xanh').waitFor(WAIT);
    const img = page.locator(`.photo-tile[data-sha256="${photoHash}"] img`);
    await img.waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Tải ảnh' }).count()).toBe(0);
    await phoneC.setOffline(true);
    await page.reload();
    await heading(page, 'Ra quân Chủ nhật xanh').waitFor(WAIT);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth), WAIT).toBe(1600);
    await img.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'photos-4-wifi-phone-offline');
    expect(phoneC.errors).toEqual([]);
    await phoneC.close();
  });

  test('a youth-project log entry takes photos the same way, and they upload too', async () => {
    const { page } = phoneA;
    await page.goto(server.url + '/projects/new');
    await page.getByLabel('Tên công trình, phần việc').fill('Tuyến hẻm xanh – sạch – sáng');
    await calm(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL((u) => /^\/projects\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
    const jpeg = await twelveMegapixelJpeg(page, 1200, 900);
    await page.getByRole('button', { name: '+ Thêm nhật ký' }).click();
    await page.getByLabel('Nội dung').fill('Trồng 40 chậu hoa dọc hẻm 12');
    await page.getByTestId('pj-log-new-photos-gallery').setInputFiles({ name: 'hem-12.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.locator('#pj-log-new-photos .photo-tile img').waitFor(WAIT);
    await calm(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const logged = page.locator('ul.log .photo-tile img');
    await logged.waitFor(WAIT);
    await expect.poll(() => logged.evaluate((i: HTMLImageElement) => i.naturalWidth), WAIT).toBe(1200);
    await logged.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'photos-4-project-log');
    await syncNow(page);
    await expect.poll(() => filesOnServer().length, WAIT).toBe(2);
  });
});
