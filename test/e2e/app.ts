// Steps a secretary takes, written against the app's Vietnamese labels (roles and accessible
// names, no CSS selectors), shared by the browser tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DIST, FIXTURES, ROOT } from './harness';

export const FIXTURE_CSV = join(FIXTURES, 'chi-doan-cong-ty-30-4.csv');

/** Full names of the fixture's members, in file order. */
export function fixtureNames(file = FIXTURE_CSV): string[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1);
  return lines.map((l) => l.split(',')[1]);
}

export const UNIT = {
  name: 'Chi đoàn Công ty May da xuất khẩu 30/4',
  kind: 'Chi đoàn',
  parent: 'Đoàn phường 7',
  subGroups: ['Tổ Cắt', 'Tổ May 1', 'Tổ Hoàn thiện'],
  term: '2024–2027',
  secretary: 'Đặng Diệu Châu',
};

const WAIT = { timeout: 20_000 };

export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true });
}

/** First run: the device has no unit, so any URL lands on /setup. */
export async function setupUnit(page: Page, unit = UNIT): Promise<void> {
  await heading(page, 'Thiết lập đơn vị').waitFor(WAIT);
  expect(new URL(page.url()).pathname).toBe('/setup');
  await expect.poll(() => page.getByRole('link', { name: 'Khôi phục từ bản sao lưu' }).count()).toBe(1);
  await page.getByLabel('Tên đơn vị').fill(unit.name);
  await page.getByLabel('Loại đơn vị').selectOption({ label: unit.kind });
  await page.getByLabel('Cấp trên').fill(unit.parent);
  await page.getByLabel('Các tổ / chi đoàn trực thuộc').fill(unit.subGroups.join('\n'));
  await page.getByLabel('Nhiệm kỳ').fill(unit.term);
  await page.getByLabel('Bí thư', { exact: true }).fill(unit.secretary);
  await clickPainting(page, page.getByRole('button', { name: 'Bắt đầu sử dụng' }));
  await heading(page, 'Đoàn viên').waitFor(WAIT);
}

/**
 * A click that says why when it hangs. Twice in CI (never here, even under 3 busy loops) the
 * set-up button's click waited 30 s on "visible, enabled and stable" with no retry logged:
 * Playwright's stability check waits for animation frames, so the page was painting none. A
 * page that paints no frames gets the click through the DOM (the same submit a tap makes);
 * any other hang fails with what the page was doing.
 */
export async function clickPainting(page: Page, target: Locator): Promise<void> {
  try {
    await target.click({ timeout: 10_000 });
  } catch (e) {
    const state = await pageState(page);
    if (!state.includes('"frames":false') && !state.includes('blocked')) throw new Error(`${(e as Error).message}\npage: ${state}`);
    console.warn(`click on a page painting no frames (${state}): clicking through the DOM`);
    await target.dispatchEvent('click');
  }
}

/** Is the page visible, painting frames, its main thread free? Answers within 5 s. */
async function pageState(page: Page): Promise<string> {
  const probe = page.evaluate(
    () =>
      new Promise<string>((done) => {
        let frames = false;
        requestAnimationFrame(() => (frames = true));
        const at = Math.round(performance.now());
        setTimeout(() => done(JSON.stringify({ visibility: document.visibilityState, frames, at, path: location.pathname, ready: document.readyState })), 1000);
      }),
  );
  const blocked = new Promise<string>((r) => setTimeout(() => r('main thread blocked: no answer in 5 s'), 5000));
  return Promise.race([probe, blocked]).catch((e: Error) => `gone: ${e.message}`);
}

/** The member list's count line: "42 đoàn viên" or, filtered, "3 / 42 đoàn viên". */
export function countLine(page: Page): Locator {
  return page.getByText(/^\s*(\d+\s*\/\s*)?\d+ đoàn viên\s*$/);
}

export async function expectMemberCount(page: Page, n: number): Promise<void> {
  const text = async () => ((await countLine(page).count()) ? (await countLine(page).first().innerText()).trim() : '');
  await expect.poll(text, WAIT).toMatch(new RegExp(`(^|/\\s*)${n} đoàn viên$`));
}

/** Links of the rendered rows of the member list (the list is virtualised: rows in view only). */
export function memberRows(page: Page): Locator {
  return page.getByRole('list', { name: 'Đoàn viên' }).getByRole('link');
}

/** Which of `names` appear in the rendered rows (each row's text includes the full name). */
export async function listedNames(page: Page, names: string[]): Promise<string[]> {
  const texts = await memberRows(page).allInnerTexts();
  return names.filter((n) => texts.some((t) => t.normalize('NFC').includes(n)));
}

export function searchBox(page: Page): Locator {
  return page.getByLabel('Tìm đoàn viên');
}

/** Types a query (keystroke by keystroke, as on a phone) and waits until exactly `expected` of `names` are listed. */
export async function searchFor(page: Page, query: string, expected: string[], names: string[], opts: { type?: boolean } = {}): Promise<void> {
  const box = searchBox(page);
  await box.fill('');
  if (opts.type) await box.pressSequentially(query, { delay: 30 });
  else await box.fill(query);
  await expect.poll(() => listedNames(page, names), WAIT).toEqual(names.filter((n) => expected.includes(n)));
}

/** Client-side navigation through the bottom bar (no page load). */
export async function navTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/** The import page's file input (label "Chọn tệp Excel hoặc CSV" in the brief, "Chọn tệp .xlsx hoặc .csv" in the app). */
export function importFileInput(page: Page): Locator {
  return page.getByLabel(/^Chọn tệp (Excel hoặc CSV|\.xlsx hoặc \.csv)/);
}

/** Opens /import the way a secretary does: from the member list (empty state) if offered, else by URL. */
export async function openImport(page: Page, baseUrl: string): Promise<void> {
  const link = page.getByRole('link', { name: /^Nhập (từ )?Excel/ });
  if (await link.count()) await link.first().click();
  else await page.goto(baseUrl + '/import');
  await importFileInput(page).waitFor({ state: 'attached', timeout: 20_000 });
}

/** Import a CSV/XLSX through /import: choose file → mapping (Tiếp tục) → preview (Nhập …) → result. */
/**
 * Imports a file through the three steps. A list that does not say each member's dues category
 * (the fixture has no such column) is asked it: `dues` answers (unsalaried, 2.000 ₫, unless told).
 */
export async function importFile(
  page: Page,
  file: string,
  shot?: (name: string) => Promise<unknown>,
  dues: 'salaried' | 'unsalaried' = 'unsalaried',
): Promise<void> {
  await importFileInput(page).setInputFiles(file);
  const next = page.getByRole('button', { name: 'Tiếp tục' });
  await next.waitFor(WAIT);
  await shot?.('import-2-mapping');
  await next.click();
  const doImport = page.getByRole('button', { name: /^Nhập/ });
  await doImport.first().waitFor(WAIT);
  const duesChoice = page.getByRole('radio', { name: dues === 'salaried' ? /^Có lương/ : /^Chưa có lương/ });
  if (await duesChoice.count()) await duesChoice.check();
  await shot?.('import-3-preview');
  await doImport.first().click();
  await page.getByRole('button', { name: 'Hoàn tác' }).waitFor({ timeout: 60_000 });
  await shot?.('import-4-result');
}

/**
 * Waits until every mark tapped on the roll is written (each tap marks 'scd:roll-tap', each
 * committed write 'scd:roll-committed'). The counts show a tap at once; a full navigation or
 * reload before the write commits aborts it, which a CI run once did (2 shown, 1 kept).
 */
export async function rollWritesSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const n = (name: string) => performance.getEntriesByName(name).length;
      return n('scd:roll-committed') >= n('scd:roll-tap');
    },
    null,
    WAIT,
  );
}

/** Waits until a service worker is active, then reloads once if it does not control the page yet. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, WAIT);
  }
}

/** Waits until the active worker has finished precaching (it is "ready" only after install). */
export async function swState(page: Page): Promise<{ active?: string; waiting?: string; installing?: string; controller: boolean }> {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return {
      active: r?.active?.state,
      waiting: r?.waiting?.state,
      installing: r?.installing?.state,
      controller: !!navigator.serviceWorker.controller,
    };
  });
}

/**
 * What the precache must and must not hold, by chunk name (test/perf/precache-policy.json), and
 * the precache manifest of a build's sw.js as /assets/… paths.
 */
export const PRECACHE_POLICY = JSON.parse(readFileSync(join(ROOT, 'test/perf/precache-policy.json'), 'utf8')) as { precached: string[]; notPrecached: string[] };

export function precacheManifest(distDir: string): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  // the manifest workbox injects into src/sw.ts (a JSON array), or generateSW's precacheAndRoute([…])
  const start = sw.search(/\[\{"(revision|url)"|precacheAndRoute\(/);
  const list = sw.slice(start, sw.indexOf(']', start) + 1);
  return [...list.matchAll(/\burl"?\s*:\s*["'`]([^"'`]+)["'`]/g)].map((m) => '/' + m[1].replace(/^\//, ''));
}

let moduleMap: Record<string, string> | undefined;

/**
 * Is `path` the built file of a policy entry: a source module ("src/features/home/HomePage.tsx",
 * looked up in dist/.vite/modules.json: screens are grouped by feature) or a chunk name
 * (/assets/<name>-<hash>.js)?
 */
export function isChunkOf(name: string, path: string): boolean {
  if (name.includes('/')) {
    moduleMap ??= JSON.parse(readFileSync(join(ROOT, 'dist', '.vite', 'modules.json'), 'utf8')) as Record<string, string>;
    return !!moduleMap[name] && path === `/${moduleMap[name]}`;
  }
  return path.startsWith(`/assets/${name}-`) && /^-[\w-]{8}\.js$/.test(path.slice(`/assets/${name}`.length));
}

/** Paths of every response in the page's Cache Storage (precache and runtime cache). */
export async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
}

/** The files the precache leaves out, which the app fetches by itself once it is ready offline. */
export function offlineExtras(distDir = DIST): string[] {
  return (JSON.parse(readFileSync(join(distDir, 'offline-extras.json'), 'utf8')) as { url: string }[]).map((e) => e.url);
}

/**
 * Waits until the app has fetched every left-out file in the background (src/pwa/offline-extras.ts,
 * one at a time: about a hundred files take a while on a busy machine), so a test that then goes
 * offline does not race the fetch.
 */
export async function waitForOfflineExtras(page: Page, timeout = 120_000): Promise<void> {
  const extras = offlineExtras();
  await expect
    .poll(async () => {
      const cached = new Set(await cachedPaths(page));
      return extras.filter((u) => !cached.has(u));
    }, { timeout })
    .toEqual([]);
}
