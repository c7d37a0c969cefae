// Every route of src/app/routes.tsx opens in the production build (issue 8): online on a
// set-up phone; offline, after a reload, once the app has fetched what the precache leaves
// out (src/pwa/offline-extras.ts); and on a phone that joined a unit created on the server.
// A screen fails on any page error, console error, CSP violation, "Có lỗi xảy ra" or "Chưa có
// trên máy". The routes are read from the route table's source, and the :page values of the
// dues and sync screens from theirs, so a new route is covered without touching this file;
// a new kind of :param makes it fail until it says which id to use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { cleanupAll, launchBrowser, ROOT, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { cachedPaths, offlineExtras, setupUnit, waitForServiceWorker } from './app';
import { joinWithCode, recordUnitData, serverUnitInvite, type UnitData } from './unit-data';

const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The paths of the route table, in order, without the catch-all. */
function routePaths(): string[] {
  const paths = [...source('src/app/routes.tsx').matchAll(/\{\s*path:\s*'([^']+)'\s*,\s*component:/g)].map((m) => m[1]);
  return paths.filter((p) => p !== '/*');
}

/** The dues screens behind /dues/:page (and which of them take an id), from DuesScreens.tsx. */
function duesPages(): { page: string; needsId: boolean }[] {
  const src = source('src/features/dues/DuesScreens.tsx');
  const table = /const PAGES[^{]*\{([^}]*)\}/.exec(src)![1];
  const withId = new Set([.../const needsId = ([^;]*);/.exec(src)![1].matchAll(/'(\w+)'/g)].map((m) => m[1]));
  return [...table.matchAll(/^\s*(\w+):/gm)].map((m) => ({ page: m[1], needsId: withId.has(m[1]) }));
}

/** The sync screens behind /sync/:page, from SyncScreens.tsx. */
function syncPages(): string[] {
  return [...source('src/features/sync/SyncScreens.tsx').matchAll(/'\/sync\/(\w+)':/g)].map((m) => m[1]);
}

/** Real URLs for every route: each :param filled with an id the test created. */
function routeUrls(d: UnitData): string[] {
  const urls: string[] = [];
  for (const path of routePaths()) {
    if (path === '/dues/:page') urls.push(...duesPages().filter((p) => !p.needsId).map((p) => `/dues/${p.page}`));
    else if (path === '/dues/:page/:id') urls.push(`/dues/member/${d.memberId}`, `/dues/receipt/${encodeURIComponent(d.receiptNo)}`);
    else if (path === '/sync/:page') urls.push(...syncPages().map((p) => `/sync/${p}`));
    // check-ins (/above/unit/:unitId/checkins/:id?/:p? and /checkins/:id?/:p?): the list, the
    // new form, one check-in and its print. No check-in can be recorded on the unit's own phone
    // (the level above writes them): a unit the phone does not hold and an id not there
    else if (/^\/(above\/unit\/:unitId\/)?checkins\/:id\?\/:p\?$/.test(path)) {
      const base = path.replace(':unitId', 'unit-every-route').replace('/:id?/:p?', '');
      urls.push(base, `${base}/checkin-every-route`, `${base}/checkin-every-route/print`, ...(path.includes(':unitId') ? [`${base}/new`] : []));
    }
    // the level above's screens of a unit: on a unit's own phone the id is no supervised unit (the screen says so)
    else if (path.startsWith('/above/unit/:unitId')) urls.push(path.replace(':unitId', 'unit-not-here').replace(':reportId', encodeURIComponent('report:2026:q1')));
    else {
      const ids: Record<string, string> = {
        '/members/:id': d.memberId,
        '/meetings/:id': d.meetingId,
        '/activities/:id': d.activityId,
        '/projects/:id': d.projectId,
        '/training/item/:itemId': d.trainingItemId,
        '/training/:memberId': d.memberId,
        '/rating/:memberId': d.memberId,
        '/year/targets/:id': d.targetId,
        '/reports/:id': 'report:2026:q1',
        // a unit this phone does not supervise: the page says so
        '/above/unit/:unitId': 'unit-not-supervised',
      };
      urls.push(
        path.replace(/^(\/[^/]+(?:\/item|\/targets|\/unit)?\/):(\w+)/, (whole) => {
          const id = ids[whole];
          if (!id) throw new Error(`route ${path}: which id goes in ${whole}? Add it to routeUrls (test/e2e/every-route.test.ts)`);
          return whole.slice(0, whole.lastIndexOf(':')) + encodeURIComponent(id);
        }),
      );
    }
  }
  for (const u of urls) if (u.includes(':')) throw new Error(`${u}: a parameter is left unfilled`);
  return urls;
}

const WAIT = { timeout: 30_000 };
const REFUSED = ['Có lỗi xảy ra', 'Chưa có trên máy'];

interface Watch {
  problems: string[];
  /** the server is unreachable on purpose: requests to /api/ may fail */
  offline: boolean;
}

/** Console errors, page errors and CSP violations of a browser, as problems of the route being opened. */
async function watch(b: BrowserSession): Promise<Watch> {
  const w: Watch = { problems: [], offline: false };
  await b.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    // Offline, the screens that talk to the server say so themselves; the browser logs the failed request.
    if (w.offline && /Failed to load resource/.test(m.text()) && new URL(m.location().url || 'http://x/').pathname.startsWith('/api/')) return;
    w.problems.push(`console: ${m.text()} (${m.location().url})`);
  };
  const hook = (p: Page) => {
    p.on('console', onConsole);
    p.on('pageerror', (e) => w.problems.push(`pageerror: ${e.message}`));
  };
  b.context.pages().forEach(hook);
  b.context.on('page', hook);
  return w;
}

/** Opens each URL with a full page load; returns "url: problem" for every one that failed. */
async function openEvery(page: Page, baseUrl: string, urls: string[], w: Watch, shotPrefix: string): Promise<string[]> {
  const failures: string[] = [];
  for (const url of urls) {
    w.problems.length = 0;
    await page.goto(baseUrl + url);
    const shown = await page
      .locator('main')
      .getByRole('heading')
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => true, () => false);
    // Late errors (a read that throws after the first paint) come within a moment.
    await page.waitForTimeout(150);
    const text = await page.locator('body').innerText();
    const problems = [...w.problems];
    if (!shown) problems.push('the first heading of the screen is not shown (empty or missing)');
    for (const r of REFUSED) if (text.includes(r)) problems.push(`shows "${r}"`);
    if (problems.length) {
      failures.push(`${url}: ${problems.join(' | ')}`);
      await screenshot(page, `${shotPrefix}-FAILED-${url}`).catch(() => undefined);
    }
  }
  return failures;
}

let server: AppServer;
const extras = offlineExtras();

beforeAll(async () => {
  server = await startServer();
});
afterAll(cleanupAll);

describe('every route renders, in the production build at 360×740', () => {
  let phone: BrowserSession;
  let w: Watch;
  let data: UnitData;

  test('a set-up phone records a member, a meeting, an activity, a programme and a receipt', async () => {
    phone = await launchBrowser();
    w = await watch(phone);
    await phone.page.goto(server.url + '/');
    await setupUnit(phone.page);
    await waitForServiceWorker(phone.page);
    data = await recordUnitData(phone.page, server.url);
    expect(routeUrls(data).length).toBeGreaterThan(40);
  });

  test('online: every route', async () => {
    expect(await openEvery(phone.page, server.url, routeUrls(data), w, 'every-route-online')).toEqual([]);
  });

  test('the app fetches what the precache leaves out by itself, the manifest icons too', async () => {
    expect(extras).toContain('/icons/icon-192.png');
    await expect
      .poll(async () => {
        const cached = new Set(await cachedPaths(phone.page));
        return extras.filter((u) => !cached.has(u));
      }, { timeout: 60_000 })
      .toEqual([]);
  });

  test('offline, after a reload: every route, and the manifest icon loads', async () => {
    const { page } = phone;
    await phone.setOffline(true);
    w.offline = true;
    await page.reload();
    expect(await openEvery(page, server.url, routeUrls(data), w, 'every-route-offline')).toEqual([]);
    const icon = await page.evaluate(async () => {
      const r = await fetch('/icons/icon-192.png');
      return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
    });
    expect(icon).toEqual({ status: 200, type: 'image/png', bytes: expect.any(Number) });
    expect(icon.bytes).toBeGreaterThan(1000);
    for (const url of ['/settings', '/activities', `/activities/${data.activityId}`, '/attendance/warnings', '/dues/grid']) {
      await page.goto(server.url + url);
      await page.locator('main h1').first().waitFor(WAIT);
      await screenshot(page, `every-route-offline${url.replace(/\/[0-9a-f-]{36}/, '-id')}`);
    }
    await phone.setOffline(false);
    w.offline = false;
  });

  test('a phone that joined a unit created on the server: every route', async () => {
    const code = await serverUnitInvite(server.url, 'Chi đoàn Khu phố 3');
    const joined = await launchBrowser();
    const jw = await watch(joined);
    await joinWithCode(joined.page, server.url, code);
    await waitForServiceWorker(joined.page);
    const d = await recordUnitData(joined.page, server.url, 'Trần Văn Bình');
    expect(await openEvery(joined.page, server.url, routeUrls(d), jw, 'every-route-joined')).toEqual([]);
  });
});
