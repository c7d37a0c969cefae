// B9, the year screens, and B10, their scale curve (PERFORMANCE.md; issue 13 item 7): /rating,
// /training and /dues/grid opened cold in the built app, offline, CPU throttled through CDP,
// at each member count asked for (bench.mjs: --count for B9; 1,000 / 5,000 / 20,000 for B10).
// Per screen and run (a new browser on the profile: a phone reopening the app):
//   navigation → the first rows (the screen's own mark), → the whole year ready (its 'ready'
//   mark: summary, counts, every row), and the longest task until then (long-task observer).
//   A screen that keeps its year view (src/data/year-views.ts; SCREENS[].view) is opened twice
//   a run: right after the floor page moved the views' token as any write does (its view worked
//   out again, and saved), then again (the view kept: a reopening with nothing written since).
//   Both are judged against the budget.
// The floor, in the same run and profile: a bare page on the same origin (the service worker's
// response, the app's scripts stopped before they load) that reads the same stores of the year
// with one getAll each in one transaction — what any screen showing the year from these rows
// pays before it computes or draws anything. A screen that reads the member digests
// (src/data/member-digest.ts: every year screen here) is judged beside a bare page reading the digests, with
// the rows' floor in its note.
// Profile: a unit through /setup, the training programme through the app (one tap); then, in
// one transaction: COUNT generated members, 12 held meetings with a roll row each (12·COUNT),
// everyone registered with half the items done, dues Jan–(12 - i mod 5) for everyone, 5 %
// exempt for a quarter, half the unit rated, the plan from the template (the shapes of
// the year benches it replaces, rating-year and dues-grid, and the plan of targets-year.mjs).
//   node test/perf/year-scale.mjs [--runs 5] [--rates 4] [--counts 1000,5000,20000] [--screens rating,training,grid,plan] [--dist dist]
//   import { runYearScale } from './year-scale.mjs'   (bench.mjs --only B9 / B10)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanupAll, ensureDist, inUnitDb, launch, makeYearPlan, median, percentile, ROOT, round, setUpUnit, startServer, tempDir, throttle, waitForMark, waitForQuietCpu } from './helpers.mjs';
import { loadBudgets } from './size-check.mjs';
import { generateMembers } from '../fixtures/generate-members.mjs';

const YEAR = 2026;

/** The screens of B9: path, first-rows and ready marks, the stores their rows come from. */
export const SCREENS = {
  rating: {
    path: `/rating?y=${YEAR}`,
    // Its evidence kept in the year views (src/features/rating/evidence-view.ts).
    view: 'rating:',
    rows: 'scd:rating-rows',
    ready: 'scd:rating-ready',
    stores: ['members', 'memberEvents', 'meetings', 'activities', 'attendance', 'trainingRegistrations', 'dues', 'duesExemptions', 'duesRates', 'ratings', 'unitSettings'],
    // What it reads since issue 13: the member digests instead of the member-keyed rows (a
    // floor of its own, beside the rows' one).
    digestStores: ['memberDigests', 'meetings', 'activities', 'duesRates', 'ratings', 'unitSettings'],
  },
  training: {
    path: `/training?y=${YEAR}`,
    // Kept in the year views (src/data/year-views.ts): measured kept and worked out.
    view: 'training:',
    rows: 'scd:training-rows',
    ready: 'scd:training-ready',
    stores: ['members', 'memberEvents', 'trainingItems', 'trainingRegistrations', 'trainingProgress'],
    digestStores: ['memberDigests', 'trainingItems'],
  },
  grid: {
    path: `/dues/grid?y=${YEAR}`,
    view: 'grid:',
    rows: 'dues-grid-rows',
    ready: 'dues-grid-ready',
    stores: ['members', 'memberEvents', 'duesExemptions', 'duesRates', 'dues'],
    digestStores: ['memberDigests', 'duesRates'],
  },
  // The year's plan: one mark when the figures are painted.
  plan: {
    path: '/year',
    rows: 'scd:year-ready',
    ready: 'scd:year-ready',
    stores: ['members', 'memberEvents', 'ratings', 'trainingRegistrations', 'meetings', 'activities', 'youthProjects', 'committeeTerms', 'committeeSeats', 'remittances', 'unitSettings', 'targets', 'yearPlans'],
    digestStores: ['memberDigests', 'ratings', 'meetings', 'activities', 'youthProjects', 'committeeTerms', 'committeeSeats', 'remittances', 'unitSettings', 'targets', 'yearPlans'],
  },
};

export async function prepare(distDir, count, log) {
  const server = await startServer({ distDir });
  const profile = tempDir(`year-${count}`);
  const b = await launch(profile);
  try {
    const { page } = b;
    await setUpUnit(page, server.url);
    await page.goto(`${server.url}/training?y=${YEAR}`);
    await page.getByRole('button', { name: 'Tạo chương trình 5 nội dung' }).click();
    await page.getByText('Đã tạo chương trình').waitFor({ timeout: 30_000 });
    await makeYearPlan(page, server.url);
    const members = generateMembers({ count }).map(({ id, ...m }) => ({ id, ...m, status: 'active', archivedAt: undefined }));
    const seeded = await inUnitDb(page, seed, { members, year: YEAR });
    // The rows went in by plain IndexedDB, past the app's Dexie: their member digests are made
    // here by the app's own module (a phone gets them from its own writes, sync or the upgrade).
    // (Evaluated through the DevTools protocol: the app's CSP refuses an inline script.)
    await page.evaluate(`${await digestModule()}; window.scdDigest = scdDigest; 0`);
    seeded.digests = await inUnitDb(page, seedDigests);
    // Each screen once online: its chunks cached, the database upgraded by the app.
    for (const s of Object.values(SCREENS)) {
      await page.goto(server.url + s.path);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, s.ready, { timeout: 300_000, polling: 200 });
    }
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    log(`year profile, ${count} members: ${JSON.stringify(seeded)}`);
    return { url: server.url, profile, server };
  } finally {
    await b.close();
  }
}

/** In the page: members, 12 meetings with a full roll, registrations, progress, dues, exemptions; one transaction. */
async function seed(db, { members, year }, req) {
  const items = (await req(db.transaction('trainingItems').objectStore('trainingItems').getAll())).filter((i) => i.year === year);
  const stores = ['members', 'meetings', 'attendance', 'trainingRegistrations', 'trainingProgress', 'dues', 'duesExemptions', 'ratings'];
  const tx = db.transaction(stores, 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  const now = new Date().toISOString();
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  const statuses = ['present', 'present', 'present', 'late', 'absent_excused', 'absent_unexcused'];
  const pad = (n) => String(n).padStart(2, '0');
  const meetings = Array.from({ length: 12 }, (_, j) => ({ id: `meeting-${year}-${j + 1}`, kind: 'regular', title: `Sinh hoạt tháng ${j + 1}`, startsAt: `${year}-${pad(j + 1)}-10T19:30`, place: 'Hội trường', guests: [], status: 'held', ...meta }));
  for (const m of meetings) tx.objectStore('meetings').put(m);
  const levels = ['excellent', 'good', 'good', 'completed', 'not_completed'];
  const n = { members: 0, attendance: 0, registrations: 0, progress: 0, dues: 0, exemptions: 0, ratings: 0 };
  members.forEach(({ id, ...fields }, i) => {
    tx.objectStore('members').put({ ...fields, id, ...meta });
    n.members++;
    meetings.forEach((mt, j) => {
      tx.objectStore('attendance').put({ id: `${mt.id}:${id}`, eventId: mt.id, memberId: id, status: statuses[(i + j) % (i % 7 === 0 ? 6 : 4)], ...meta });
      n.attendance++;
    });
    tx.objectStore('trainingRegistrations').put({ id: `${year}:${id}`, year, memberId: id, registeredAt: `${year}-02-01`, itemIds: items.map((x) => x.id), outcome: ['excellent', 'good', 'completed', ''][i % 4], assessedAt: '', note: '', ...meta });
    n.registrations++;
    items.forEach((it, k) => {
      if ((i + k) % 2) return;
      tx.objectStore('trainingProgress').put({ id: `${year}:${id}:${it.id}`, year, memberId: id, itemId: it.id, done: true, doneAt: `${year}-05-19`, evidence: '', ...meta });
      n.progress++;
    });
    for (let m = 1; m <= 12 - (i % 5); m++) {
      const period = `${year}-${pad(m)}`;
      tx.objectStore('dues').put({ id: `${id}-${period}`, memberId: id, period, amount: fields.duesCategory === 'salaried' ? 5000 : 2000, paidAt: `${period}-10`, method: 'cash', receiptNo: `${year}-BNCH-${i}`, ...meta });
      n.dues++;
    }
    // Half the unit already rated (the rest undecided: the rating screen's usual state).
    if (i % 2) {
      tx.objectStore('ratings').put({ id: `${year}:${id}`, year, memberId: id, level: levels[i % 5], ...meta });
      n.ratings++;
    }
    if (i % 20 === 0) {
      tx.objectStore('duesExemptions').put({ id: `ex-${id}`, memberId: id, fromPeriod: `${year}-06`, toPeriod: `${year}-08`, reason: 'Ốm dài ngày', decidedAt: `${year}-06-01`, ...meta });
      n.exemptions++;
    }
  });
  await done;
  return n;
}

/** src/data/member-digest.ts as a script for the page (window.scdDigest). */
async function digestModule() {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(ROOT, 'src/data/member-digest.ts')], bundle: true, format: 'iife', globalName: 'scdDigest', write: false, logLevel: 'silent' });
  return out.outputFiles[0].text;
}

/** In the page: the member digests of the seeded rows (the app's buildDigests), one transaction. */
async function seedDigests(db, _arg, req) {
  const { DIGEST_SOURCE_TABLES, DIGEST_TABLE, buildDigests } = window.scdDigest;
  const tx = db.transaction([...DIGEST_SOURCE_TABLES, DIGEST_TABLE], 'readwrite');
  const rows = Object.fromEntries(await Promise.all(DIGEST_SOURCE_TABLES.map(async (t) => [t, await req(tx.objectStore(t).getAll())])));
  const digests = buildDigests(rows);
  for (const d of digests) tx.objectStore(DIGEST_TABLE).put(d);
  await new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  return digests.length;
}

/** Init script of every measured page: long tasks from the start. */
function probe() {
  const p = { longTasks: [] };
  window.__year = p;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) p.longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Init script of the floor page (/__floor?stores=a,b): stops the document before the app's
 * scripts load, then reads the stores with one getAll each in one read-only transaction and
 * marks 'floor-done'. The rows are touched (length) so their objects are made.
 */
export function floorPage() {
  if (location.pathname !== '/__floor') return;
  window.stop();
  const stores = new URLSearchParams(location.search).get('stores').split(',');
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  (async () => {
    const kv = await req(indexedDB.open('keyval-store'));
    const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
    const db = await req(indexedDB.open(`scd-${unitId}`));
    const have = stores.filter((s) => db.objectStoreNames.contains(s));
    const tx = db.transaction(have, 'readonly');
    const reads = have.map((s) => req(tx.objectStore(s).getAll()));
    const all = await Promise.all(reads);
    window.__floorRows = all.reduce((n, rows) => n + rows.length, 0);
    performance.mark('floor-done');
    // ?move: the year views' token moved, as any write does, so the screen's next opening
    // works its view out again (year-scale's "worked out" run).
    if (new URLSearchParams(location.search).has('move')) {
      const w = db.transaction('yearViews', 'readwrite');
      w.objectStore('yearViews').put({ id: 'mark', token: `bench-${Date.now()}` });
      await new Promise((res, rej) => ((w.oncomplete = res), (w.onerror = () => rej(w.error))));
      window.__moved = true;
    }
  })().catch((e) => {
    window.__floorError = String(e);
    performance.mark('floor-done');
  });
}

/**
 * In the page: until the view whose id starts with `prefix` is saved under the current token
 * (the screen saves it after its first paint), so the next opening finds it.
 */
async function viewSaved(db, prefix, req) {
  for (let i = 0; i < 200; i++) {
    const rows = await req(db.transaction('yearViews').objectStore('yearViews').getAll());
    const mark = rows.find((r) => r.id === 'mark');
    if (mark && rows.some((r) => r.id.startsWith(prefix) && r.token === mark.token)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export async function screenRun(app, rate, s) {
  const b = await launch(app.profile, { offline: true });
  try {
    const { page, context } = b;
    await page.addInitScript(probe);
    await throttle(context, page, rate);
    await page.goto(app.url + s.path, { waitUntil: 'commit' });
    await waitForMark(page, s.ready, { timeout: 300_000 });
    // Long tasks are reported once they end: a frame more for the last one.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const r = await page.evaluate(([rows, ready]) => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      const until = at(ready);
      const tasks = window.__year.longTasks.filter((t) => t.at < until).map((t) => t.ms);
      return { rows: at(rows), ready: until, longest: Math.max(0, ...tasks), controlled: !!navigator.serviceWorker.controller };
    }, [s.rows, s.ready]);
    if (s.view && !(await inUnitDb(page, viewSaved, s.view))) throw new Error(`${s.path}: its year view was not saved`);
    return r;
  } finally {
    await b.close();
  }
}

export async function floorRun(app, rate, stores, { move = false } = {}) {
  const b = await launch(app.profile, { offline: true });
  try {
    const { page, context } = b;
    await page.addInitScript(floorPage);
    await throttle(context, page, rate);
    await page.goto(`${app.url}/__floor?stores=${stores.join(',')}${move ? '&move' : ''}`, { waitUntil: 'commit' });
    await waitForMark(page, 'floor-done', { timeout: 300_000 });
    if (move) await page.waitForFunction(() => window.__moved || window.__floorError, null, { timeout: 30_000 });
    const r = await page.evaluate(() => ({ error: window.__floorError, ms: performance.getEntriesByName('floor-done')[0]?.startTime, rows: window.__floorRows }));
    if (r.error) throw new Error(`floor page: ${r.error}`);
    return r;
  } finally {
    await b.close();
  }
}

/**
 * The lines of B9 (budget at `count` when PERFORMANCE.md gives one) for each count, screen and
 * rate. `curve`: B10 names (information, the same figures at every size).
 */
export async function runYearScale({ runs = 5, rates = [4], counts = [5000], screens = Object.keys(SCREENS), distDir = join(ROOT, 'dist'), curve = false, log = console.log } = {}) {
  const budgets = loadBudgets().B9;
  ensureDist(distDir);
  const lines = [];
  for (const count of counts) {
    const app = await prepare(distDir, count, log);
    try {
      for (const rate of rates) {
        for (const key of screens) {
          const s = SCREENS[key];
          const ready = [];
          const first = [];
          const longest = [];
          // A screen with a year view: ready when the view was kept (`ready`, the usual
          // reopening) and when a write had moved its token (`worked`: worked out again).
          const worked = [];
          const workedFirst = [];
          const floor = [];
          const digestFloor = [];
          let floorRows = 0;
          let digestRows = 0;
          for (let i = 0; i < runs; i++) {
            await waitForQuietCpu(log);
            const f = await floorRun(app, rate, s.stores, { move: !!s.view });
            floor.push(f.ms);
            floorRows = f.rows;
            for (const kept of s.view ? [false, true] : [true]) {
              await waitForQuietCpu(log);
              const r = await screenRun(app, rate, s);
              if (!r.controlled) throw new Error(`${s.path}: not served by the service worker`);
              (kept ? ready : worked).push(r.ready);
              (kept ? first : workedFirst).push(r.rows);
              longest.push(r.longest);
            }
            if (!s.digestStores) continue;
            await waitForQuietCpu(log);
            const g = await floorRun(app, rate, s.digestStores);
            digestFloor.push(g.ms);
            digestRows = g.rows;
          }
          const tag = `${curve ? 'B10' : 'B9'} /${key === 'grid' ? 'dues/grid' : key}, ${count} members, ${rate}×`;
          const readyBudget = rate === 4 && !curve ? budgets.readyMsAt4x[String(count)] ?? null : null;
          const taskBudget = rate === 4 && !curve ? budgets.longestTaskMsAt4x : null;
          // A screen that reads the member digests: its floor is a bare page reading what it
          // reads (the digests); the rows' floor beside it shows what the digests saved.
          const rowsNote = `getAll of ${floorRows} rows (${s.stores.length} stores), median ${round(median(floor))}, p95 ${round(percentile(floor, 95))}`;
          const fl = digestFloor.length
            ? { floor: round(median(digestFloor)), floorNote: `bare page, getAll of ${digestRows} rows (${s.digestStores.join(', ')}), median; p95 ${round(percentile(digestFloor, 95))}; the rows themselves: ${rowsNote}` }
            : { floor: round(median(floor)), floorNote: `bare page, ${rowsNote}` };
          const from = s.view ? ', its view kept' : '';
          lines.push({ name: `${tag}: navigation → whole year ready${from} (p95)`, value: round(percentile(ready, 95)), unit: 'ms', budget: readyBudget, median: round(median(ready)), runs, ...fl });
          if (s.view) lines.push({ name: `${tag}: navigation → whole year ready, worked out after a write (p95)`, value: round(percentile(worked, 95)), unit: 'ms', budget: readyBudget, median: round(median(worked)), runs, ...fl });
          lines.push({ name: `${tag}: navigation → first rows${s.view ? ', worked out after a write' : ''} (median)`, value: round(median(s.view ? workedFirst : first)), unit: 'ms', budget: null, p95: round(percentile(s.view ? workedFirst : first, 95)), runs });
          lines.push({ name: `${tag}: longest task until ready (max of runs)`, value: Math.round(Math.max(...longest)), unit: 'ms', budget: taskBudget, median: Math.round(median(longest)), runs: longest.length, floor: 0, floorNote: 'a bare page has no task of its own to run' });
          for (const l of lines.slice(s.view ? -4 : -3)) log(`  ${l.name}: ${l.value} ${l.unit}${l.floor !== undefined ? ` (floor ${l.floor})` : ''}${l.median !== undefined ? ` median ${l.median}` : ''}`);
        }
      }
    } finally {
      await app.server.stop();
    }
  }
  return lines;
}

// Run on its own: prints the lines.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
  try {
    const lines = await runYearScale({
      runs: Number(args.runs ?? 5),
      rates: String(args.rates ?? '4').split(',').map(Number),
      counts: String(args.counts ?? '5000').split(',').map(Number),
      screens: args.screens ? args.screens.split(',') : undefined,
      distDir: resolve(args.dist ?? join(ROOT, 'dist')),
    });
    console.log(JSON.stringify(lines, null, 1));
  } finally {
    await cleanupAll();
  }
}
