// DESIGN.md "PWA": an installable manifest, a service worker that controls the page and has
// precached every route chunk, and the server's caching rules for sw.js and index.html.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { PRECACHE_POLICY, cachedPaths, heading, isChunkOf, precacheManifest, setupUnit, swState } from './app';

let server: AppServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(cleanupAll);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== sig || buf.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

describe('manifest', () => {
  test('the app links /manifest.webmanifest a moment after load, not index.html (its icon waits for the first screen)', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).not.toMatch(/rel=["']?manifest/);
    const { page } = browser;
    await page.goto(server.url + '/');
    await page.waitForFunction(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href') === '/manifest.webmanifest', null, { timeout: 15_000 });
  });

  test('is valid and installable: Vietnamese names, standalone, start_url, theme colour, 192/512/maskable PNG icons', async () => {
    const res = await fetch(server.url + '/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toMatch(/application\/(manifest\+)?json/);
    const m = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(m.name).toBe('Sổ Chi Đoàn');
    expect(typeof m.short_name).toBe('string');
    expect((m.short_name as string).length).toBeGreaterThan(0);
    expect((m.short_name as string).length).toBeLessThanOrEqual(12); // shown under the home-screen icon
    expect(m.display).toBe('standalone');
    expect(m.start_url).toBe('/');
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.lang).toBe('vi');
    expect(Array.isArray(m.icons)).toBe(true);

    const has = (size: string, purpose: string) =>
      m.icons.some((i) => (i.sizes ?? '').split(/\s+/).includes(size) && (i.purpose ?? 'any').split(/\s+/).includes(purpose));
    expect(has('192x192', 'any'), 'a 192×192 icon').toBe(true);
    expect(has('512x512', 'any'), 'a 512×512 icon').toBe(true);
    expect(m.icons.some((i) => (i.purpose ?? '').split(/\s+/).includes('maskable')), 'a maskable icon').toBe(true);

    for (const icon of m.icons) {
      const r = await fetch(new URL(icon.src, server.url + '/manifest.webmanifest'));
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type'), icon.src).toBe('image/png');
      const size = pngSize(Buffer.from(await r.arrayBuffer()));
      expect(size, `${icon.src} is a PNG`).not.toBeNull();
      const [w, h] = (icon.sizes ?? '').split('x').map(Number);
      expect(size, `${icon.src} is ${icon.sizes}`).toEqual({ width: w, height: h });
    }
  });
});

describe('service worker', () => {
  test('sw.js and index.html are served with no-cache; a deep link gets the app (SPA fallback); /api/ never does', async () => {
    for (const path of ['/sw.js', '/index.html', '/']) {
      const r = await fetch(server.url + path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control') ?? '', path).toMatch(/no-cache|no-store/);
    }
    const deep = await fetch(server.url + '/members/01940000-0000-7000-8000-000000000000/edit');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type') ?? '').toMatch(/text\/html/);
    const api = await fetch(server.url + '/api/v1/no-such-endpoint');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type') ?? '').toMatch(/json/);
  });

  test('controls the page after a reload and has precached the field screens, not what is left out', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await heading(page, 'Thiết lập đơn vị').waitFor({ timeout: 30_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await heading(page, 'Thiết lập đơn vị').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const state = await swState(page);
    expect(state).toMatchObject({ active: 'activated', controller: true });
    expect(await page.evaluate(() => new URL(navigator.serviceWorker.controller!.scriptURL).pathname)).toBe('/sw.js');
    await screenshot(page, 'pwa-1-setup-controlled');

    // Every file of the precache manifest is cached at install, the field screens among them:
    // they open offline. What is left out (import, backup, English, online-only screens: see
    // docs/decisions.md) is not in the manifest: the app fetches it in the background once the
    // worker is in charge (src/pwa/offline-extras.ts; test/e2e/every-route.test.ts).
    const cached = await cachedPaths(page);
    const manifest = precacheManifest(DIST);
    expect(manifest.filter((p) => !cached.includes(p)), 'precache entries not cached').toEqual([]);
    expect(cached).toContain('/index.html');
    const assets = readdirSync(join(DIST, 'assets')).map((f) => `/assets/${f}`);
    for (const name of PRECACHE_POLICY.precached) {
      expect(assets.filter((p) => isChunkOf(name, p) && manifest.includes(p)).length, `${name} precached`).toBeGreaterThan(0);
    }
    for (const name of PRECACHE_POLICY.notPrecached) {
      expect(assets.some((p) => isChunkOf(name, p)), `${name} is built`).toBe(true);
      expect(manifest.filter((p) => isChunkOf(name, p)), `${name} not precached`).toEqual([]);
    }

    // The API is never answered by the service worker's navigation fallback.
    const health = await page.evaluate(async () => {
      const r = await fetch('/api/v1/health');
      return { status: r.status, type: r.headers.get('content-type') };
    });
    expect(health.status).toBe(200);
    expect(health.type).toMatch(/json/);
    const nav = await page.goto(server.url + '/api/v1/no-such-endpoint');
    expect(nav?.status()).toBe(404);
    expect(nav?.headers()['content-type'] ?? '').toMatch(/json/);
  });

  test('the install offer never hides the bottom of a page: the last button and the floating "+ Thêm" can still be tapped', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await setupUnit(page);
    await page.goto(server.url + '/settings');
    await heading(page, 'Cài đặt').waitFor({ timeout: 30_000 });
    // Chromium offers installation when it decides to (in CI, often mid-test): offer it now.
    await page.evaluate(() => {
      const e = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => undefined,
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(e);
    });
    const banner = page.locator('.banner');
    await banner.getByRole('button', { name: 'Cài vào màn hình chính' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'pwa-2-install-offer');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.locator('.content button, .content a').last();
    await expect
      .poll(async () => {
        const [b, l] = await Promise.all([banner.boundingBox(), last.boundingBox()]);
        return b && l ? l.y + l.height <= b.y : false;
      }, { timeout: 5_000 })
      .toBe(true);
    await last.click({ trial: true, timeout: 5_000 });
    // What floats at the bottom rises above the offer: the member list's "+ Thêm" button.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đoàn viên' }).click();
    const fab = page.locator('a.fab');
    await fab.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => {
        const [b, f] = await Promise.all([banner.boundingBox(), fab.boundingBox()]);
        return b && f ? f.y + f.height <= b.y : false;
      }, { timeout: 5_000 })
      .toBe(true);
    await screenshot(page, 'pwa-3-install-offer-members');
    await fab.click({ trial: true, timeout: 5_000 });
    await banner.getByRole('button', { name: 'Để sau' }).click();
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
  });

  test('the built index.html has no inline script (CSP script-src self)', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
  });
});
