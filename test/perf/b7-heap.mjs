// B7 (PERFORMANCE.md): "≤ 1 MB growth after 50 route changes". The app on the B3 profile
// (5,000 members, offline, served by its service worker), moved through its bottom navigation
// the way a secretary taps it: every screen is opened twice first (its code loaded, its caches
// filled), then the JS heap is read after a full GC, then 50 more route changes, then the heap
// again. The floor: a bare page swapping 50 screens of 30 rows in and out, read the same way.
import { launch, round, tempDir } from './helpers.mjs';
import { heapMB } from './floors.mjs';

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/** Clicks the bottom navigation's links in turn, `n` times; each waits for its screen. */
async function walk(page, n) {
  const links = await page.locator('nav.bottomnav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  if (links.length < 2) throw new Error(`bottom navigation has ${links.length} links`);
  for (let i = 0; i < n; i++) {
    const href = links[(i + 1) % links.length];
    await page.locator(`nav.bottomnav a[href="${href}"]`).click();
    await page.waitForFunction((h) => location.pathname === h && !!document.querySelector('main h1'), href, { timeout: 30_000, polling: 50 });
    await settle(page);
    await page.waitForTimeout(150);
  }
  return links.length;
}

export async function routeChangeHeap(app, { changes = 50, budgetMB = 1, listPath = '/members' } = {}) {
  const b = await launch(app.profile, { offline: true });
  let before;
  let after;
  let screens;
  try {
    const { page, context } = b;
    const cdp = await context.newCDPSession(page);
    await page.goto(app.url + listPath);
    await page.waitForFunction(() => performance.getEntriesByName('scd:members-searchable').length > 0, null, { timeout: 60_000, polling: 100 });
    screens = await walk(page, 10); // every screen twice: code and caches in
    await page.waitForTimeout(1000);
    before = await heapMB(cdp);
    await walk(page, changes);
    await page.waitForTimeout(1000);
    after = await heapMB(cdp);
  } finally {
    await b.close();
  }
  const floor = await floorGrowth(changes);
  return [
    {
      name: `B7 JS heap growth after ${changes} route changes (${screens} screens of the bottom navigation, after GC)`,
      value: round(after - before, 2),
      unit: 'MB',
      budget: budgetMB,
      floor: round(floor, 2),
      floorNote: 'bare page swapping 30-row screens',
      note: `${round(before, 2)} → ${round(after, 2)} MB`,
    },
  ];
}

async function floorGrowth(changes) {
  const b = await launch(tempDir('b7-floor'));
  try {
    const { page, context } = b;
    const cdp = await context.newCDPSession(page);
    await page.setContent('<main id="m"></main>');
    const swap = (n) =>
      page.evaluate((n) => {
        for (let k = 0; k < n; k++) {
          const m = document.getElementById('m');
          m.textContent = '';
          const h = document.createElement('h1');
          h.textContent = 'Màn hình ' + k;
          const ul = document.createElement('ul');
          for (let i = 0; i < 30; i++) {
            const li = document.createElement('li');
            li.textContent = 'Nguyễn Văn ' + i;
            ul.append(li);
          }
          m.append(h, ul);
        }
      }, n);
    await swap(10);
    const before = await heapMB(cdp);
    await swap(changes);
    const after = await heapMB(cdp);
    return after - before;
  } finally {
    await b.close();
  }
}
