// What the precache leaves out (vite.config.ts, PERFORMANCE.md B1: desk screens, import,
// backup, English, the manifest icons…) is kept by the service worker the first time it loads.
// So that every screen opens offline from the second visit on (issue 8 item 14), the app
// fetches the rest by itself in the background once the service worker is in charge — one
// file at a time, never on Save-Data. Settings → "Tải tất cả về máy" does the same on request
// (with Save-Data on, or to see it done). Each file goes through the service worker, whose
// runtime routes keep it (/assets/: cache "scd-assets"; /icons/: "scd-icons").
// The list is written by the build (scripts/precache-plan.ts → /offline-extras.json).

export interface Extra {
  url: string;
  /** uncompressed size, for "about N KB" */
  bytes: number;
}

export interface ExtrasState {
  extras: Extra[];
  /** how many are already on the phone */
  present: number;
}

/** Is a service worker in charge (a build, not the dev server)? Without one nothing can be kept. */
export function canKeepOffline(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller && typeof caches !== 'undefined';
}

async function loadList(): Promise<Extra[]> {
  const res = await fetch('/offline-extras.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`offline-extras.json: ${res.status}`);
  return (await res.json()) as Extra[];
}

async function missing(extras: Extra[]): Promise<Extra[]> {
  const found = await Promise.all(extras.map((e) => caches.match(e.url)));
  return extras.filter((_, i) => !found[i]);
}

/** Which left-out files this phone already has. Needs the network for the list itself. */
export async function extrasState(): Promise<ExtrasState> {
  const extras = await loadList();
  return { extras, present: extras.length - (await missing(extras)).length };
}

async function fetchKept(e: Extra): Promise<void> {
  const res = await fetch(e.url);
  if (!res.ok) throw new Error(`${e.url}: ${res.status}`);
  await res.arrayBuffer();
}

/** Fetches every left-out file (the service worker keeps each); reports progress. */
export async function downloadExtras(onProgress: (done: number, total: number) => void): Promise<ExtrasState> {
  const extras = await loadList();
  let done = 0;
  onProgress(0, extras.length);
  // A few at a time: a cheap phone on 3G should not open thirty connections at once.
  const queue = extras.slice();
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      await fetchKept(e);
      onProgress(++done, extras.length);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return extrasState();
}

/**
 * Keeps the files this page has loaded from /assets/ (the screen open now and the shell):
 * each is fetched again through the service worker, whose /assets/ route keeps it; they come
 * from the browser's HTTP cache (hashed names, cached for a year), not the network. A first
 * visit loads them before the worker is in charge; without this, the set-up screen would say
 * "Chưa có trên máy" if the app were reopened offline before the background fetch got to it.
 */
export async function keepThisPage(): Promise<void> {
  const urls = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name)).filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/')).map((u) => u.pathname));
  await Promise.all((await missing([...urls].map((url) => ({ url, bytes: 0 })))).map((e) => fetchKept(e).catch(() => undefined)));
}

/**
 * The background fetch, after the first screen: what is not on the phone yet, one file at a
 * time. Skipped on Save-Data (the user asked for less traffic: Settings still offers it) and
 * offline; stops at the first failure (the network went) and tries again on the next start.
 * isStopped is asked before every file: it says an update is on its way (this version's files
 * would be wasted data) or accepted (fetches landing on the outgoing worker while it hands
 * over can leave the new one parked in "waiting": src/pwa/update.ts).
 */
export async function keepExtrasInBackground(isStopped: () => boolean = () => false): Promise<number> {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData || !navigator.onLine || !canKeepOffline() || isStopped()) return 0;
  let kept = 0;
  try {
    for (const e of await missing(await loadList())) {
      if (isStopped()) break;
      await fetchKept(e);
      kept++;
    }
  } catch {
    // offline again, or the server is away: the rest comes on a later start
  }
  return kept;
}

/**
 * The background fetch now, and again whenever the network comes back: a drop stops it at the
 * file in flight (found in use on a patchy link: after a 4-second drop, 152 of 172 files stayed
 * missing for the rest of the session, and the desk screens said "Chưa có trên máy" offline).
 * One run at a time; `track` gets each run (an update waits for it).
 */
export function keepExtrasWhileOnline(isStopped: () => boolean, track: (run: Promise<number>) => void = () => undefined): void {
  let running: Promise<number> | undefined;
  const run = () => {
    if (running) return;
    running = keepExtrasInBackground(isStopped).finally(() => (running = undefined));
    track(running);
  };
  window.addEventListener('online', run);
  run();
}
