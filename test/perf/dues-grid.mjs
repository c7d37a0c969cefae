// Dues grid with 5,000 members (issue 5: "member × month grids stay fast with 5,000 members;
// say what you measured"). The built app on the real server in Debian Chromium, offline, CPU
// throttled through CDP:
//   1. open /dues/grid?y=2026 cold (new browser on the profile): navigation → the grid's first
//      rows painted (the app's performance.mark 'dues-grid-rows', set in an effect after the
//      rows render, plus one animation frame), navigation → the whole year in (the mark
//      'dues-grid-ready'), and the longest task until then;
//   2. then scroll the grid by touch-sized flings for 3 s: frame intervals (requestAnimationFrame)
//      and long tasks while scrolling.
// Profile: a unit, COUNT generated members (all participating) and a year of dues — every
// member paid Jan–(n) with n from 0 to 11, 5 % exempt for a quarter — about 28,000 ledger rows,
// written straight into IndexedDB in one transaction.
//   node test/perf/dues-grid.mjs [--runs 5] [--rates 4] [--count 5000] [--dist dist]
// No budget of its own in PERFORMANCE.md: reported against B3's first paint (≤ 800 ms at 4×)
// and B4's 50 ms long-task line.
import { join, resolve } from 'node:path';
import { cleanupAll, ensureDist, launch, median, percentile, ROOT, round, startServer, tempDir, throttle, waitForQuietCpu } from './helpers.mjs';
import { generateMembers } from '../fixtures/generate-members.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const RUNS = Number(args.runs ?? 5);
const RATES = String(args.rates ?? '4').split(',').map(Number);
const COUNT = Number(args.count ?? 5000);
const DIST = resolve(args.dist ?? join(ROOT, 'dist'));
const YEAR = 2026;

async function prepare() {
  const server = await startServer({ distDir: DIST });
  const profile = tempDir('dues-profile');
  const b = await launch(profile);
  try {
    const { page } = b;
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Thiết lập đơn vị' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Tên đơn vị').fill('Chi đoàn Công ty May da xuất khẩu 30/4');
    await page.getByLabel('Cấp trên').fill('Đoàn phường 7');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await page.waitForURL((u) => new URL(u).pathname !== '/setup', { timeout: 30_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const members = generateMembers({ count: COUNT }).map(({ id, ...m }) => ({ id, ...m, status: 'active', archivedAt: undefined }));
    const seeded = await page.evaluate(seed, { members, year: YEAR });
    // Open once online: the dues chunk is precached, and the database is upgraded by the app.
    await page.goto(`${server.url}/dues/grid?y=${YEAR}`);
    await page.locator('.dues-grid-row').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    console.log(`profile: ${seeded.members} members, ${seeded.dues} dues entries, ${seeded.exemptions} exemptions`);
    return { url: server.url, profile, server };
  } finally {
    await b.close();
  }
}

/** In the page: members, a year of dues and some exemptions, one transaction. */
async function seed({ members, year }) {
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const kv = await req(indexedDB.open('keyval-store'));
  const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
  kv.close();
  const db = await req(indexedDB.open(`scd-${unitId}`));
  const tx = db.transaction(['members', 'dues', 'duesExemptions'], 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  const now = new Date().toISOString();
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  let dues = 0;
  let exemptions = 0;
  members.forEach(({ id, ...fields }, i) => {
    tx.objectStore('members').put({ ...fields, id, ...meta });
    const paidTo = i % 12;
    for (let m = 1; m <= paidTo; m++) {
      const period = `${year}-${String(m).padStart(2, '0')}`;
      tx.objectStore('dues').put({ id: `${id}-${period}`, memberId: id, period, amount: fields.duesCategory === 'salaried' ? 5000 : 2000, paidAt: `${period}-10`, method: 'cash', receiptNo: `${year}-BNCH-${i}`, ...meta });
      dues++;
    }
    if (i % 20 === 0) {
      tx.objectStore('duesExemptions').put({ id: `ex-${id}`, memberId: id, fromPeriod: `${year}-06`, toPeriod: `${year}-08`, reason: 'Ốm dài ngày', decidedAt: `${year}-06-01`, ...meta });
      exemptions++;
    }
  });
  await done;
  db.close();
  return { members: members.length, dues, exemptions };
}

/** Page-side: frame intervals and long tasks while `window.__rec` is on. */
function probe() {
  const p = { frames: [], longTasks: [], loading: [], on: false };
  window.__grid = p;
  let last = 0;
  const tick = (t) => {
    if (p.on && last) p.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) (p.on ? p.longTasks : p.loading).push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
}

/** --profile 1: the top functions by self time while the grid opens (where the time goes). */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [k, ms] of top) console.log(`  ${round(ms)} ms  ${k}`);
}

async function run(app, rate) {
  const b = await launch(app.profile, { offline: true });
  try {
    const { page, context } = b;
    await page.addInitScript(probe);
    const cdp = await throttle(context, page, rate);
    if (args.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${app.url}/dues/grid?y=${YEAR}`);
    await page.waitForFunction(() => performance.getEntriesByName('dues-grid-rows').length > 0, null, { timeout: 120_000 });
    if (args.profile) printProfile((await cdp.send('Profiler.stop')).profile);
    const firstRows = await page.evaluate(
      () =>
        new Promise((res) => requestAnimationFrame(() => res({ mark: performance.getEntriesByName('dues-grid-rows')[0].startTime, painted: performance.now(), rows: document.querySelectorAll('.dues-grid-row').length }))),
    );
    await page.waitForFunction(() => performance.getEntriesByName('dues-grid-ready').length > 0, null, { timeout: 120_000 });
    const ready = await page.evaluate(() => ({ ready: performance.getEntriesByName('dues-grid-ready')[0].startTime, loading: Math.max(0, ...window.__grid.loading) }));
    // Scroll: 60 flings of 400 px, one per 50 ms (a fast thumb), measured frame by frame.
    await page.evaluate(() => (window.__grid.on = true));
    if (args.profileScroll) await cdp.send('Profiler.enable'), await cdp.send('Profiler.setSamplingInterval', { interval: 200 }), await cdp.send('Profiler.start');
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    if (args.profileScroll) printProfile((await cdp.send('Profiler.stop')).profile);
    const s = await page.evaluate(() => {
      window.__grid.on = false;
      return { frames: window.__grid.frames, longTasks: window.__grid.longTasks, y: window.scrollY, rendered: document.querySelectorAll('.dues-grid-row').length };
    });
    return { ...firstRows, ...ready, ...s };
  } finally {
    await b.close();
  }
}

try {
  ensureDist(DIST);
  const app = await prepare();
  for (const rate of RATES) {
    const first = [];
    const whole = [];
    const loadLongest = [];
    const frames = [];
    const longest = [];
    let longCount = 0;
    let rendered = 0;
    let scrolled = 0;
    for (let i = 0; i < RUNS; i++) {
      await waitForQuietCpu();
      const r = await run(app, rate);
      first.push(r.painted);
      whole.push(r.ready);
      loadLongest.push(r.loading);
      frames.push(...r.frames);
      longest.push(Math.max(0, ...r.longTasks));
      longCount += r.longTasks.length;
      rendered = Math.max(rendered, r.rendered);
      scrolled = r.y;
    }
    console.log(`dues grid, ${COUNT} members, ${rate}×: navigation → first rows painted median ${round(median(first))} ms, p95 ${round(percentile(first, 95))} ms; → whole year ready median ${round(median(whole))} ms, p95 ${round(percentile(whole, 95))} ms; longest task while loading median ${round(median(loadLongest))} ms, max ${Math.max(...loadLongest)} ms (${RUNS} runs)`);
    console.log(`dues grid, ${COUNT} members, ${rate}×: scrolling ${scrolled} px: frame interval median ${round(median(frames))} ms, p95 ${round(percentile(frames, 95))} ms, ${frames.filter((f) => f > 50).length}/${frames.length} frames > 50 ms; longest task ${Math.max(...longest)} ms, ${longCount} long tasks in ${RUNS} runs; ≤ ${rendered} rows in the DOM`);
  }
  await app.server.stop();
} finally {
  await cleanupAll();
}
