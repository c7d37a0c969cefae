// The year's plan with 5,000 members in the browser (issue 9: targets computed without a task
// > 200 ms at 4×; what Home's summary costs at cold start). The built app on the real server in
// Debian Chromium, offline, CPU throttled through CDP:
//   1. Home cold (new browser on the profile): navigation → first contentful paint, → Home's
//      year card painted with its figures (mark 'scd:year-card'), and the long tasks until then;
//   2. /year cold: navigation → the plan painted (mark 'scd:year-ready') and the long tasks.
// Profile: a unit started from the template through the app; COUNT generated members, their
// registrations (95 %) with outcomes, ratings for all, 12 held regular meetings and 4 committee
// meetings — written straight into IndexedDB.
//   node test/perf/targets-year.mjs [--runs 3] [--rates 4] [--count 5000] [--dist dist]
import { join, resolve } from 'node:path';
import { cleanupAll, ensureDist, inUnitDb, launch, makeYearPlan, median, ROOT, round, setUpUnit, startServer, tempDir, throttle, waitForMark, waitForQuietCpu } from './helpers.mjs';
import { generateMembers } from '../fixtures/generate-members.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const RUNS = Number(args.runs ?? 3);
const RATES = String(args.rates ?? '4').split(',').map(Number);
const COUNT = Number(args.count ?? 5000);
const DIST = resolve(args.dist ?? join(ROOT, 'dist'));
const YEAR = new Date().getFullYear();

async function prepare() {
  const server = await startServer({ distDir: DIST });
  const profile = tempDir('targets-profile');
  const b = await launch(profile);
  try {
    const { page } = b;
    await setUpUnit(page, server.url);
    await makeYearPlan(page, server.url);
    const members = generateMembers({ count: COUNT }).map(({ id, ...m }) => ({ id, ...m, status: 'active', archivedAt: undefined }));
    const seeded = await inUnitDb(page, seed, { members, year: YEAR });
    for (const path of ['/', '/year']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, path === '/' ? 'scd:year-card' : 'scd:year-ready', { timeout: 120_000 });
    }
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    console.log(`profile: ${JSON.stringify(seeded)}`);
    return { url: server.url, profile, server };
  } finally {
    await b.close();
  }
}

/** In the page: members, registrations, ratings, meetings; one transaction. */
async function seed(db, { members, year }) {
  const stores = ['members', 'meetings', 'trainingRegistrations', 'ratings'];
  const tx = db.transaction(stores, 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  const now = new Date().toISOString();
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  const pad = (n) => String(n).padStart(2, '0');
  const meetings = [
    ...Array.from({ length: 12 }, (_, j) => ({ id: `meeting-${year}-${j + 1}`, kind: 'regular', title: `Sinh hoạt tháng ${j + 1}`, startsAt: `${year}-${pad(j + 1)}-10T19:30`, place: 'Hội trường', guests: [], status: 'held', ...meta })),
    ...Array.from({ length: 4 }, (_, j) => ({ id: `committee-${year}-${j + 1}`, kind: 'committee', title: `Họp BCH quý ${j + 1}`, startsAt: `${year}-${pad(j * 3 + 1)}-05T19:30`, place: 'Văn phòng', guests: [], status: 'held', ...meta })),
  ];
  for (const m of meetings) tx.objectStore('meetings').put(m);
  const levels = ['excellent', 'good', 'good', 'completed', 'not_completed'];
  const n = { members: 0, registrations: 0, ratings: 0, meetings: meetings.length };
  members.forEach(({ id, ...fields }, i) => {
    tx.objectStore('members').put({ ...fields, id, ...meta });
    n.members++;
    if (i % 20) {
      tx.objectStore('trainingRegistrations').put({ id: `${year}:${id}`, year, memberId: id, registeredAt: `${year}-02-01`, itemIds: [], outcome: ['excellent', 'good', 'completed', ''][i % 4], assessedAt: '', note: '', ...meta });
      n.registrations++;
    }
    tx.objectStore('ratings').put({ id: `${year}:${id}`, year, memberId: id, level: levels[i % 5], ...meta });
    n.ratings++;
  });
  await done;
  return n;
}

function probe() {
  const p = { longTasks: [] };
  window.__probe = p;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) p.longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
  // where each long task sits against the marks (--profile prints them)
  p.at = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) p.at.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`);
  }).observe({ type: 'longtask', buffered: true });
}

/** --profile 1: the top functions by self time while the screen opens (where the time goes). */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${round(ms)} ms  ${k}`);
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
    const mark = path === '/' ? 'scd:year-card' : 'scd:year-ready';
    await page.goto(`${app.url}${path}`);
    // A plain evaluate and an observer: waitForFunction would run Playwright's injected script in
    // the page while the screen is timed (helpers.mjs waitForMark).
    await waitForMark(page, mark, { timeout: 120_000 });
    if (args.profile) printProfile((await cdp.send('Profiler.stop')).profile);
    await page.waitForTimeout(200);
    return await page.evaluate((m) => ({
      tasks: performance.getEntriesByType('longtask').length,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ready: performance.getEntriesByName(m)[0].startTime,
      longTasks: window.__probe.longTasks,
      at: window.__probe.at,
      compute: performance.getEntriesByName('scd:targets-compute').map((e) => Math.round(e.duration)),
      marks: performance.getEntriesByType('mark').map((e) => `${e.name}@${Math.round(e.startTime)}`),
    }), mark);
  } finally {
    await b.close();
  }
}

try {
  ensureDist(DIST);
  const app = await prepare();
  for (const rate of RATES) {
    for (const path of ['/', '/year']) {
      const fcp = [];
      const ready = [];
      const longest = [];
      const computeMs = [];
      for (let i = 0; i < RUNS; i++) {
        await waitForQuietCpu();
        const r = await run(app, rate, path);
        if (args.profile) console.log(`  long tasks ${r.at.join(' ')}; marks ${r.marks.join(' ')}`);
        computeMs.push(Math.max(0, ...r.compute));
        fcp.push(r.fcp);
        ready.push(r.ready);
        longest.push(Math.max(0, ...r.longTasks));
      }
      console.log(`${path}, ${COUNT} members, ${rate}×: navigation → first contentful paint median ${round(median(fcp))} ms; → ${path === '/' ? "Home's year card" : 'the plan'} painted median ${round(median(ready))} ms (runs ${ready.map(round).join(', ')}); longest task median ${round(median(longest))} ms, max ${Math.max(...longest)} ms; the longest of the targets' own tasks (one per target, after the slices) median ${round(median(computeMs))} ms, max ${Math.max(...computeMs)} ms (${RUNS} runs)`);
    }
  }
  await app.server.stop();
} finally {
  await cleanupAll();
}
