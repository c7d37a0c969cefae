// "Tải tất cả về máy": the screens left out of the precache (vite.config.ts, PERFORMANCE.md
// B1) are kept by the service worker the first time they load. A secretary about to work
// where there is no signal can fetch them all at once instead: each file goes through the
// service worker, whose CacheFirst route for /assets/ keeps it (cache "scd-assets").
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

const ASSET_CACHE = 'scd-assets';

/** Is a service worker in charge (a build, not the dev server)? Without one nothing can be kept. */
export function canKeepOffline(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller && typeof caches !== 'undefined';
}

async function loadList(): Promise<Extra[]> {
  const res = await fetch('/offline-extras.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`offline-extras.json: ${res.status}`);
  return (await res.json()) as Extra[];
}

/** Which left-out files this phone already has. Needs the network for the list itself. */
export async function extrasState(): Promise<ExtrasState> {
  const extras = await loadList();
  const cache = await caches.open(ASSET_CACHE);
  const found = await Promise.all(extras.map((e) => cache.match(e.url)));
  return { extras, present: found.filter(Boolean).length };
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
      const res = await fetch(e.url);
      if (!res.ok) throw new Error(`${e.url}: ${res.status}`);
      await res.arrayBuffer();
      onProgress(++done, extras.length);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return extrasState();
}
