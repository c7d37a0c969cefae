// Training programme and year-end rating with 5,000 members (issue 5: "lists stay fast with
// 5,000 members; say what you measured"; the brief: computing suggestions for 5,000 members
// must not block the UI for long). The built app on the real server in Debian Chromium,
// offline, CPU throttled through CDP:
//   1. open /rating?y=2026 cold (new browser on the profile): navigation → the first rows
//      painted (the app's mark 'scd:rating-rows', one animation frame after they arrived),
//      navigation → the whole year in (the mark 'scd:rating-ready': summary, counts, every
//      row), and the long tasks until then — the rules over 5,000 members and 60,000 roll
//      rows run there;
//   2. the same for /training?y=2026 (10 items, 5,000 registrations, 25,000 progress rows).
// Profile: a unit, COUNT generated members (all participating), 12 held meetings with a roll
// row per member each (60,000), the default programme with everyone registered, half the
// items done by each member, and a year of dues for all — written straight into IndexedDB.
//   node test/perf/rating-year.mjs [--runs 5] [--rates 4] [--count 5000] [--dist dist] [--profile 1 [--profile-out f]]
// Reported against B3's first paint (≤ 800 ms at 4×) and B4's 50 ms long-task line.
import { writeFileSync } from 'node:fs';
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
  const profile = tempDir('rating-profile');
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
    // The programme through the app (one tap), then the bulk rows straight into IndexedDB.
    await page.goto(`${server.url}/training?y=${YEAR}`);
    await page.getByRole('button', { name: 'Tạo chương trình 5 nội dung' }).click();
    await page.getByText('Đã tạo chương trình').waitFor({ timeout: 30_000 });
    const members = generateMembers({ count: COUNT }).map(({ id, ...m }) => ({ id, ...m, status: 'active', archivedAt: undefined }));
    const seeded = await page.evaluate(seed, { members, year: YEAR });
    for (const path of ['/rating', '/training']) {
      await page.goto(`${server.url}${path}?y=${YEAR}`);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, `scd:${path.slice(1)}-ready`, { timeout: 120_000 });
    }
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    console.log(`profile: ${JSON.stringify(seeded)}`);
    return { url: server.url, profile, server };
  } finally {
    await b.close();
  }
}

/** In the page: members, 12 meetings with a full roll, registrations, progress, dues; one transaction. */
async function seed({ members, year }) {
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const kv = await req(indexedDB.open('keyval-store'));
  const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
  kv.close();
  const db = await req(indexedDB.open(`scd-${unitId}`));
  const items = (await req(db.transaction('trainingItems').objectStore('trainingItems').getAll())).filter((i) => i.year === year);
  const stores = ['members', 'meetings', 'attendance', 'trainingRegistrations', 'trainingProgress', 'dues'];
  const tx = db.transaction(stores, 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  const now = new Date().toISOString();
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  const statuses = ['present', 'present', 'present', 'late', 'absent_excused', 'absent_unexcused'];
  const meetings = Array.from({ length: 12 }, (_, j) => ({ id: `meeting-${year}-${j + 1}`, kind: 'regular', title: `Sinh hoạt tháng ${j + 1}`, startsAt: `${year}-${String(j + 1).padStart(2, '0')}-10T19:30`, place: 'Hội trường', guests: [], status: 'held', ...meta }));
  for (const m of meetings) tx.objectStore('meetings').put(m);
  const n = { members: 0, attendance: 0, registrations: 0, progress: 0, dues: 0 };
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
      const period = `${year}-${String(m).padStart(2, '0')}`;
      tx.objectStore('dues').put({ id: `${id}-${period}`, memberId: id, period, amount: 2000, paidAt: `${period}-10`, method: 'cash', receiptNo: `${year}-BNCH-${i}`, ...meta });
      n.dues++;
    }
  });
  await done;
  db.close();
  return n;
}

function probe() {
  const p = { longTasks: [] };
  window.__probe = p;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) p.longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
}

/** --profile 1: the top functions by self time while the screen opens (where the time goes). */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${round(ms)} ms  ${k}`);
}

async function run(app, rate, path) {
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
    const mark = `scd:${path.slice(1)}-rows`;
    const ready = `scd:${path.slice(1)}-ready`;
    await page.goto(`${app.url}${path}?y=${YEAR}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, ready, { timeout: 120_000 });
    if (args.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      printProfile(profile);
      // --profile-out prefix: the whole profile as prefix.rating.cpuprofile (DevTools opens it), last run wins
      if (args['profile-out']) writeFileSync(`${args['profile-out']}.${path.slice(1)}.cpuprofile`, JSON.stringify(profile));
    }
    await page.waitForTimeout(200);
    return await page.evaluate(([m, r]) => ({ painted: performance.getEntriesByName(m)[0].startTime, ready: performance.getEntriesByName(r)[0].startTime, longTasks: window.__probe.longTasks, rows: document.querySelectorAll('.yrow').length }), [mark, ready]);
  } finally {
    await b.close();
  }
}

try {
  ensureDist(DIST);
  const app = await prepare();
  for (const rate of RATES) {
    for (const path of ['/rating', '/training']) {
      const painted = [];
      const ready = [];
      const longest = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        await waitForQuietCpu();
        const r = await run(app, rate, path);
        painted.push(r.painted);
        ready.push(r.ready);
        longest.push(Math.max(0, ...r.longTasks));
        rows = Math.max(rows, r.rows);
      }
      console.log(`${path}, ${COUNT} members, ${rate}×: navigation → first rows painted median ${round(median(painted))} ms, p95 ${round(percentile(painted, 95))} ms; → whole year ready median ${round(median(ready))} ms, p95 ${round(percentile(ready, 95))} ms; longest task median ${round(median(longest))} ms, max ${Math.max(...longest)} ms (${RUNS} runs); ≤ ${rows} rows in the DOM`);
    }
  }
  await app.server.stop();
} finally {
  await cleanupAll();
}
