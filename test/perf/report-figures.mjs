// A report's figures for a 5,000-member unit's quarter (issue 10 Engineering: "computed without
// a task over 200 ms at 4×"). The real loader and rules (src/features/reports/report-queries.ts
// loadReportFigures), bundled with esbuild as the app's own code is (no report screen calls them
// yet: bench.mjs's B5 measures the member search the same way), run in Debian Chromium on the
// built app's origin over its IndexedDB, CPU throttled through CDP; each run a new browser on
// the profile (a phone reopening the app: nothing in memory). Measured from the call to the
// figures: the longest task (the long-task observer), the whole time, and the longest of the
// rules' own steps (the measures 'scd:report-figures-step').
// Profile: a unit started through /setup with the year's plan from the template (8 targets, one
// needs who can be rated: the slowest per-member rule), COUNT generated members; in the quarter:
// 3 regular meetings and 1 committee meeting with a roll row per member each, 4 activities with
// 1,000 participants each, 5 % transferred in, 5 % out, 2 % admitted, cards and commendations;
// dues for 3 months for 90 % of the members and 50 reversals, 2 remittance slips; the year's
// registrations (95 %) and ratings — written straight into IndexedDB.
//   node test/perf/report-figures.mjs [--runs 3] [--rates 4] [--count 5000] [--dist dist]
//   import { runReportFigures } from './report-figures.mjs'   (bench.mjs: returns the checks)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanupAll, ensureDist, inUnitDb, launch, makeYearPlan, median, ROOT, round, setUpUnit, startServer, tempDir, throttle, waitForQuietCpu } from './helpers.mjs';
import { loadBudgets } from './size-check.mjs';
import { generateMembers } from '../fixtures/generate-members.mjs';

const YEAR = new Date().getFullYear();
const QUARTER = 1;

async function bundle() {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: `import { loadReportFigures } from './src/features/reports/report-queries.ts';\nimport { reportPeriod } from './src/protocol/report-period.ts';\nwindow.__scdReport = { loadReportFigures, reportPeriod };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'silent', absWorkingDir: ROOT,
  });
  return out.outputFiles[0].text;
}

async function prepare(distDir, count, log) {
  const server = await startServer({ distDir });
  const profile = tempDir('report-profile');
  const b = await launch(profile);
  try {
    const { page } = b;
    await setUpUnit(page, server.url);
    await makeYearPlan(page, server.url);
    const members = generateMembers({ count }).map(({ id, ...m }) => ({ id, ...m, status: 'active', archivedAt: undefined }));
    const seeded = await inUnitDb(page, seed, { members, year: YEAR });
    log(`report figures profile: ${JSON.stringify(seeded)}`);
    return { url: server.url, profile, server };
  } finally {
    await b.close();
  }
}

/** In the page: the quarter's records, one transaction. */
async function seed(db, { members, year }) {
  const stores = ['members', 'memberEvents', 'meetings', 'activities', 'attendance', 'dues', 'remittances', 'trainingRegistrations', 'ratings'];
  const tx = db.transaction(stores, 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
  const now = new Date().toISOString();
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  const pad = (n) => String(n).padStart(2, '0');
  const n = {};
  const put = (store, row) => {
    tx.objectStore(store).put({ ...row, ...meta });
    n[store] = (n[store] ?? 0) + 1;
  };
  const meetings = [
    ...[1, 2, 3].map((mo) => ({ id: `meeting-${year}-${mo}`, kind: 'regular', title: `Sinh hoạt tháng ${mo}`, startsAt: `${year}-${pad(mo)}-10T19:30`, place: 'Hội trường', guests: [], status: 'held' })),
    { id: `committee-${year}-1`, kind: 'committee', title: 'Họp BCH quý 1', startsAt: `${year}-01-05T19:30`, place: 'Văn phòng', guests: [], status: 'held' },
  ];
  for (const m of meetings) put('meetings', m);
  const activities = [1, 2, 3, 3].map((mo, j) => ({ id: `activity-${year}-${j}`, kind: j % 2 ? 'youth_month' : 'green_sunday', title: `Hoạt động ${j}`, date: `${year}-${pad(mo)}-${pad(15 + j)}`, place: '', results: '', status: 'held' }));
  for (const a of activities) put('activities', a);
  const statuses = ['present', 'present', 'present', 'late', 'absent_excused', 'absent_unexcused'];
  const levels = ['excellent', 'good', 'good', 'completed', 'not_completed'];
  members.forEach(({ id, ...fields }, i) => {
    put('members', { ...fields, id });
    for (const [j, m] of meetings.entries()) if (m.kind === 'regular' || i < 9) put('attendance', { id: `${m.id}:${id}`, eventId: m.id, memberId: id, status: statuses[(i + j) % 6], checkedAt: now });
    for (const [j, a] of activities.entries()) if ((i + j) % 5 === 0) put('attendance', { id: `${a.id}:${id}`, eventId: a.id, memberId: id, status: 'present', checkedAt: now });
    const ev = (kind, date) => put('memberEvents', { id: `ev-${kind}-${id}`, memberId: id, kind, date, decisionNumber: '', note: '' });
    if (i % 20 === 1) ev('transfer_in', `${year}-02-${pad(1 + (i % 28))}`);
    if (i % 20 === 2) ev('transfer_out', `${year}-03-${pad(1 + (i % 28))}`);
    if (i % 50 === 3) ev('admission', `${year}-03-26`);
    if (i % 25 === 4) ev('card_issued', `${year}-03-26`);
    if (i % 40 === 5) ev('commendation', `${year}-03-26`);
    if (i % 10) {
      for (let mo = 1; mo <= 3; mo++) put('dues', { id: `due-${year}-${mo}-${id}`, memberId: id, period: `${year}-${pad(mo)}`, amount: fields.duesCategory === 'salaried' ? 5000 : 2000, paidAt: `${year}-${pad(mo)}-10`, method: 'cash', collectedBy: '', receiptNo: `R${year}-${i}-${mo}`, note: '' });
    }
    if (i % 100 === 7) put('dues', { id: `due-${year}-2-${id}-r`, memberId: id, period: `${year}-02`, amount: fields.duesCategory === 'salaried' ? -5000 : -2000, paidAt: `${year}-03-02`, method: 'cash', collectedBy: '', receiptNo: `R${year}-${i}-2`, reversesId: `due-${year}-2-${id}`, note: 'Thu nhầm' });
    if (i % 20) put('trainingRegistrations', { id: `${year}:${id}`, year, memberId: id, registeredAt: `${year}-02-01`, itemIds: [], outcome: '', assessedAt: '', note: '' });
    put('ratings', { id: `${year}:${id}`, year, memberId: id, level: levels[i % 5] });
  });
  for (const mo of [1, 2]) put('remittances', { id: `remit:${year}-${pad(mo)}`, period: `${year}-${pad(mo)}`, collected: 1, amount: 1, paidAt: `${year}-${pad(mo + 1)}-05`, method: 'cash', note: '' });
  await done;
  return n;
}

function probe() {
  const p = { longTasks: [] };
  window.__probe = p;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) p.longTasks.push({ start: e.startTime, duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
}

async function run(app, code, rate) {
  const b = await launch(app.profile);
  try {
    const { page, context } = b;
    await page.addInitScript(probe);
    // a page of the app's origin with none of the app's code: the bundle is the only code
    // running (inline, past the app's CSP of script-src 'self', which the bundle is not served under)
    const cdp = await throttle(context, page, rate);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    await page.goto(`${app.url}/robots.txt`);
    await page.addScriptTag({ content: code });
    await page.waitForTimeout(300);
    return await page.evaluate(async ({ year, quarter }) => {
      const today = new Date().toISOString().slice(0, 10);
      const t0 = performance.now();
      const f = await window.__scdReport.loadReportFigures(window.__scdReport.reportPeriod('quarter', year, quarter), today);
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100));
      return {
        ms,
        longTasks: window.__probe.longTasks.filter((t) => t.start >= t0 - 1).map((t) => t.duration),
        before: window.__probe.longTasks.filter((t) => t.start < t0 - 1).map((t) => t.duration),
        steps: performance.getEntriesByName('scd:report-figures-step').map((e) => Math.round(e.duration)),
        summary: { start: f.membership.start, end: f.membership.end, meetings: f.meetings.regularHeld, attendancePct: f.meetings.attendancePct, collected: f.dues.collected, targets: f.targets?.items.length },
      };
    }, { year: YEAR, quarter: QUARTER });
  } finally {
    await b.close();
  }
}

/** The checks (bench.mjs: B9 report figures); prints one line per rate. */
export async function runReportFigures({ runs = 3, rates = [4], count = 5000, distDir = join(ROOT, 'dist'), log = console.log } = {}) {
  const budget = loadBudgets().B9reportFigures;
  ensureDist(distDir);
  const code = await bundle();
  const app = await prepare(distDir, count, log);
  const checks = [];
  try {
    for (const rate of rates) {
      const ms = [];
      const longest = [];
      const stepMax = [];
      const before = [];
      let summary;
      for (let i = 0; i < runs; i++) {
        await waitForQuietCpu(log);
        const r = await run(app, code, rate);
        ms.push(r.ms);
        longest.push(Math.max(0, ...r.longTasks));
        stepMax.push(Math.max(0, ...r.steps));
        before.push(Math.max(0, ...r.before));
        summary = r.summary;
      }
      const note = `whole quarter median ${round(median(ms))} ms (runs ${ms.map(round).join(', ')}); the rules' longest step median ${round(median(stepMax))} ms; the bundle's own evaluation before it ${Math.max(...before)} ms; ${JSON.stringify(summary)}`;
      const value = Math.max(...longest);
      const limit = rate === 4 ? budget.longestTaskMsAt4x : Infinity;
      const pass = value <= limit;
      checks.push({ name: `B9 report figures of a quarter, ${count} members, ${rate}×: longest task`, value, unit: 'ms', budget: rate === 4 ? limit : null, pass: rate === 4 ? pass : null, median: median(longest), runs, note });
      log(`${rate === 4 ? (pass ? 'PASS' : 'FAIL') : 'info'}  B9 report figures of a quarter, ${count} members, ${rate}×: longest task max ${value} ms${rate === 4 ? ` / ${limit} ms` : ''} (median ${median(longest)} ms, ${runs} runs; ${note})`);
    }
  } finally {
    await app.server.stop();
  }
  return checks;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
  try {
    const checks = await runReportFigures({
      runs: Number(args.runs ?? 3),
      rates: String(args.rates ?? '4').split(',').map(Number),
      count: Number(args.count ?? 5000),
      distDir: resolve(args.dist ?? join(ROOT, 'dist')),
    });
    process.exitCode = checks.some((c) => c.pass === false) ? 1 : 0;
  } finally {
    await cleanupAll();
  }
}
