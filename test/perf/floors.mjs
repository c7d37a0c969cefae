// Floors for the bench lines (test/perf/bench.mjs, b4-roll.mjs): bare pages doing the same work
// as the app with nothing else — no framework, no Dexie, no service worker — measured in the
// same run, so a figure is read beside what this machine can do at all.
//   cold start  a page that reads the same 5,000 members from its own IndexedDB store (one
//               getAll), paints the first 30 names, then folds every name for search; or paints
//               30 rows from a localStorage snapshot first, as the app does.
//   tap         a page with 30 buttons; a tap paints the new status and writes a row, an outbox
//               entry and the device state in one IndexedDB transaction (what the roll's write
//               does), timed from pointerup like the app.
// The pages are served by a plain Node HTTP server on loopback (the app is served by its
// service worker's cache): both come from this machine without a network.
import { createServer } from 'node:http';
import { launch, tempDir, throttle } from './helpers.mjs';

const pages = new Map();
let server;
let origin;

/** Serves `html` at `${origin}/${name}`; one server for every floor page of a run. */
async function serve(name, html) {
  pages.set('/' + name, html);
  if (!server) {
    server = createServer((req, res) => {
      const body = pages.get(new URL(req.url, 'http://x').pathname);
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body ?? 'not found');
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${server.address().port}`;
    server.unref();
  }
  return `${origin}/${name}`;
}

export async function stopFloors() {
  if (server) await new Promise((r) => server.close(r));
  server = undefined;
}

// ---------------------------------------------------------------------------------------
// Cold start: first rows and search ready, from IndexedDB (or a snapshot first).
const COLD_HTML = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>floor</title><main><h1>Đoàn viên</h1><input type="search" aria-label="q"><ul id="l"></ul></main>
<script type="module">
const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
const ul = document.getElementById('l');
const paint = (rows) => { ul.textContent = ''; for (const r of rows) { const li = document.createElement('li'); const a = document.createElement('a'); a.href = '#' + r.id; a.textContent = r.fullName; li.append(a); ul.append(li); } };
const mark = (n) => requestAnimationFrame(() => setTimeout(() => performance.mark(n), 0));
let painted = false;
const snap = new URLSearchParams(location.search).has('snapshot') ? localStorage.getItem('snap') : null;
if (snap) { paint(JSON.parse(snap)); mark('floor-painted'); painted = true; }
const db = await req(indexedDB.open('floor'));
const rows = await req(db.transaction('members').objectStore('members').getAll());
if (!painted) { paint(rows.slice(0, 30)); mark('floor-painted'); }
window.__hay = rows.map((r) => (r.fullName + ' ' + (r.phone ?? '')).normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase());
mark('floor-searchable');
</script></html>`;

/** A profile whose floor page origin holds `rows` in IndexedDB and a 30-row snapshot. */
export async function prepareColdFloor(rows) {
  const url = await serve('cold', COLD_HTML);
  const profile = tempDir('floor-profile');
  const b = await launch(profile);
  try {
    await b.page.goto(url.replace('/cold', '/nothing'));
    await b.page.evaluate(async (rows) => {
      const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
      const open = indexedDB.open('floor', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('members', { keyPath: 'id' });
      const db = await req(open);
      const tx = db.transaction('members', 'readwrite');
      for (const r of rows) tx.objectStore('members').put(r);
      await new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
      db.close();
      localStorage.setItem('snap', JSON.stringify(rows.slice(0, 30).map(({ id, fullName }) => ({ id, fullName }))));
    }, rows);
  } finally {
    await b.close();
  }
  return { url, profile };
}

/** One cold start of the floor page: painted, searchable (ms from navigation start), heap after. */
export async function coldFloor(floor, rate, { snapshot = false } = {}) {
  const b = await launch(floor.profile);
  try {
    const cdp = await throttle(b.context, b.page, rate);
    await b.page.goto(floor.url + (snapshot ? '?snapshot' : ''), { waitUntil: 'commit' });
    const m = await b.page.waitForFunction(
      () => {
        const get = (n) => performance.getEntriesByName(n)[0]?.startTime;
        return get('floor-painted') && get('floor-searchable') ? { painted: get('floor-painted'), searchable: get('floor-searchable') } : false;
      },
      null,
      { timeout: 60_000, polling: 50 },
    );
    const out = await m.jsonValue();
    out.heapMB = await heapMB(cdp);
    return out;
  } finally {
    await b.close();
  }
}

/** JS heap in use after a full garbage collection (CDP), in MB (10^6 bytes). */
export async function heapMB(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

// ---------------------------------------------------------------------------------------
// Ticking: pointerup → painted, pointerup → row + outbox + device state committed.
const TAP_HTML = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>floor</title><style>button{display:block;width:100%;height:64px;text-align:left}.on{background:#cfc}</style><main id="m"></main>
<script type="module">
const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
const open = indexedDB.open('floor-roll', 1);
open.onupgradeneeded = () => { const d = open.result; d.createObjectStore('attendance', { keyPath: 'id' }); d.createObjectStore('outbox', { keyPath: 'seq' }); d.createObjectStore('syncState', { keyPath: 'key' }); };
const db = await req(open);
const probe = (window.__floor = { t0: 0, paint: [], commit: [], commits: 0, recording: false });
addEventListener('pointerup', (e) => (probe.t0 = e.timeStamp), { capture: true });
const m = document.getElementById('m');
for (let i = 0; i < 30; i++) {
  const b = document.createElement('button');
  b.textContent = 'Nguyễn Văn ' + i + ' · Chưa điểm danh';
  b.onclick = () => {
    const t0 = probe.t0;
    b.classList.toggle('on');
    b.textContent = 'Nguyễn Văn ' + i + (b.classList.contains('on') ? ' · Có mặt' : ' · Chưa điểm danh');
    if (probe.recording) requestAnimationFrame(() => setTimeout(() => probe.paint.push(performance.now() - t0), 0));
    const tx = db.transaction(['attendance', 'outbox', 'syncState'], 'readwrite');
    const st = tx.objectStore('syncState');
    const g = st.get('device');
    g.onsuccess = () => {
      const dev = g.result ?? { key: 'device', nextSeq: 1 };
      const now = new Date().toISOString();
      tx.objectStore('attendance').put({ id: 'e:' + i, eventId: 'e', memberId: String(i), status: 'present', checkedAt: now, updatedAt: now, rev: {}, deleted: false });
      tx.objectStore('outbox').put({ seq: dev.nextSeq, mid: crypto.randomUUID(), table: 'attendance', rowId: 'e:' + i, op: 'upsert', fields: { status: 'present', checkedAt: now }, base: { status: 0 }, hlc: String(Date.now()) });
      st.put({ ...dev, nextSeq: dev.nextSeq + 1 });
    };
    tx.oncomplete = () => { if (probe.recording) probe.commit.push(performance.now() - t0); probe.commits++; };
  };
  m.append(b);
}
window.__ready = true;
</script></html>`;

/** `taps` touch taps on the floor page at `rate`, `gapMs` apart: pointerup → painted / committed (ms). */
export async function tapFloor(rate, taps, gapMs) {
  const url = await serve('tap', TAP_HTML);
  const b = await launch(tempDir('floor-tap'));
  try {
    const { page, context } = b;
    await page.goto(url);
    await page.waitForFunction(() => window.__ready);
    await throttle(context, page, rate);
    const boxes = await page.evaluate(() => [...document.querySelectorAll('button')].slice(0, 9).map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.left + 80, y: r.top + r.height / 2 })));
    await page.evaluate(() => (window.__floor.recording = true));
    for (let i = 0; i < taps; i++) {
      const t = boxes[i % boxes.length];
      await page.touchscreen.tap(t.x, t.y);
      await new Promise((r) => setTimeout(r, gapMs));
      await page.waitForFunction((n) => window.__floor.commits >= n && window.__floor.paint.length >= n, i + 1, { timeout: 30_000, polling: 20 });
    }
    return await page.evaluate(() => ({ paint: window.__floor.paint, commit: window.__floor.commit }));
  } finally {
    await b.close();
  }
}
