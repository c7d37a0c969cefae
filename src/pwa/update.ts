// Service worker registration and the update flow (after Squoosh's sw-bridge):
//   - first install: "Các màn hình chính đã dùng được khi không có mạng…";
//   - a new version waiting: "Có phiên bản mới – Cập nhật / Để sau". The page NEVER reloads
//     by itself (RELIABILITY.md 16). "Cập nhật" refuses while a form is dirty, runs the flush
//     hook the sync engine registers (setBeforeUpdate), then tells the waiting worker to
//     skip waiting and reloads once when it takes control;
//   - another tab took the update: this tab asks the user to reload instead;
//   - an update check every hour while the app is open and visible.
// Loaded lazily after first paint; workbox-window itself is a further dynamic import so
// modules that only need setBeforeUpdate (sync) never pull it in.
import { isAnyFormDirty } from './dirty';
import { patchPwaState } from './state';
import { IS_SW_ENABLED } from './build-info';

type BeforeUpdate = () => Promise<unknown> | unknown;
let beforeUpdate: BeforeUpdate | undefined;

/** The sync engine registers "push what is waiting" here; it runs before an accepted update. */
export function setBeforeUpdate(fn: BeforeUpdate | undefined): void {
  beforeUpdate = fn;
}

/** Longest wait for the flush hook: the outbox is in IndexedDB and survives the reload anyway. */
export const FLUSH_TIMEOUT_MS = 10_000;
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface SwLifecycleEvent {
  isUpdate?: boolean;
  isExternal?: boolean;
}

/** The part of workbox-window the flow uses (a fake in tests). */
export interface SwHandle {
  on(type: 'waiting' | 'activated' | 'controlling', fn: (e: SwLifecycleEvent) => void): void;
  /** post SKIP_WAITING to the waiting worker */
  skipWaiting(): void;
  hasWaiting(): boolean;
}

export interface UpdateEnv {
  reload(): void;
  isDirty(): boolean;
  flushTimeoutMs?: number;
  /** stops the background fetch (offline-extras) and settles when its file in flight has */
  stopBackground?(): Promise<unknown>;
}

export interface UpdateFlow {
  applyUpdate(): Promise<void>;
  dismiss(): void;
}

let isBackgroundStopped = false;
let background: Promise<unknown> | undefined;

const browserEnv: UpdateEnv = {
  reload: () => location.reload(),
  isDirty: isAnyFormDirty,
  stopBackground: () => {
    isBackgroundStopped = true;
    return Promise.resolve(background);
  },
};

let flow: UpdateFlow | undefined;

export function connectUpdateFlow(sw: SwHandle, env: UpdateEnv = browserEnv): UpdateFlow {
  let isRequested = false;
  let isReloading = false;
  const reloadOnce = () => {
    if (isReloading) return;
    isReloading = true;
    env.reload();
  };

  sw.on('waiting', () => patchPwaState({ isUpdateWaiting: true, isUpdateDismissed: false }));
  sw.on('activated', (e) => {
    if (!e.isUpdate && !e.isExternal) patchPwaState({ isOfflineReady: true });
  });
  sw.on('controlling', (e) => {
    if (!isRequested) {
      // isUpdate = the page already had a worker when it registered. Without one this is the
      // first install claiming the page (clientsClaim): precaching is done. workbox-window
      // may call that "external" when the install began before this page registered.
      if (!e.isUpdate) patchPwaState({ isOfflineReady: true });
      // With one, another tab accepted an update: this page runs old code, ask to reload.
      else patchPwaState({ reloadReason: 'otherTab', isUpdateWaiting: false });
      return;
    }
    if (env.isDirty()) {
      // A form got edits between the tap and the switch: keep them; reload when saved.
      patchPwaState({ isUpdating: false, isUpdateWaiting: false, reloadReason: 'afterSave' });
      return;
    }
    reloadOnce();
  });

  async function applyUpdate(): Promise<void> {
    if (env.isDirty()) {
      patchPwaState({ mustSaveFirst: true });
      return;
    }
    patchPwaState({ isUpdating: true, mustSaveFirst: false });
    try {
      await withTimeout(Promise.resolve(beforeUpdate?.()), env.flushTimeoutMs ?? FLUSH_TIMEOUT_MS);
    } catch (e) {
      // Unsent changes stay in the outbox (IndexedDB) and go out after the reload.
      console.warn('flush before update failed', e);
    }
    // Nothing may reach the outgoing worker while it hands over: Chromium can drop the switch
    // when a fetch lands then (the new worker stays "waiting", the page never reloads), so
    // the background fetch stops and its file in flight finishes first.
    await withTimeout(Promise.resolve(env.stopBackground?.()), 5_000).catch(() => undefined);
    if (env.isDirty()) {
      patchPwaState({ isUpdating: false, mustSaveFirst: true });
      return;
    }
    isRequested = true;
    if (sw.hasWaiting()) sw.skipWaiting();
    else reloadOnce(); // another tab already activated it: this page runs the old code
  }

  // The banners' buttons act on the most recently connected worker.
  flow = {
    applyUpdate,
    dismiss: () => patchPwaState({ isUpdateDismissed: true, mustSaveFirst: false }),
  };
  return flow;
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function applyUpdate(): Promise<void> {
  return flow ? flow.applyUpdate() : Promise.resolve();
}

export function dismissUpdate(): void {
  flow?.dismiss();
}

/**
 * Once the worker is in charge (at once on later visits; after the first install claims the
 * page), fetch what the precache leaves out, when the browser is idle (issue 8 item 14:
 * every screen offline from the second visit on; src/pwa/offline-extras.ts).
 */
function keepRestWhenControlled(reg: ServiceWorkerRegistration): void {
  const sw = navigator.serviceWorker;
  // An update on its way or accepted stops it: the new version's page fetches its own files.
  const isStopped = () => isBackgroundStopped || !!(reg.installing || reg.waiting);
  const start = () => {
    // The files of the screen open now, first: a first visit loaded them before the worker was
    // in charge (the set-up screen is not precached), and reopened offline the app needs them.
    void import('./offline-extras').then((m) => m.keepThisPage());
    const run = () => void import('./offline-extras').then((m) => m.keepExtrasWhileOnline(isStopped, (p) => (background = p)));
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 5_000 });
    else setTimeout(run, 2_000);
  };
  if (sw.controller) start();
  else sw.addEventListener('controllerchange', start, { once: true });
}

/**
 * workbox-window reports neither a worker that was installing when it registered (the update
 * began in the seconds before the banners load) nor any update after the first one it did not
 * start, so the prompt never came: watch the registration itself.
 */
export function watchForWaiting(reg: ServiceWorkerRegistration): void {
  const watch = (sw: ServiceWorker | null) =>
    sw?.addEventListener('statechange', () => {
      if (sw.state === 'installed' && reg.waiting === sw && navigator.serviceWorker.controller) patchPwaState({ isUpdateWaiting: true, isUpdateDismissed: false });
    });
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
}

let isStarted = false;

/** Registers /sw.js (production builds only) and wires the flow. Safe to call more than once. */
export async function startServiceWorker(): Promise<void> {
  if (isStarted || !IS_SW_ENABLED || !('serviceWorker' in navigator)) return;
  isStarted = true;
  // Offline, or the server restarting for a deploy, fails the import: no update would ever be
  // reported in this session. Try again in a minute.
  const { Workbox } = await import('workbox-window').catch((e) => {
    isStarted = false;
    setTimeout(() => void startServiceWorker().catch(() => undefined), 60_000);
    throw e;
  });
  const wb = new Workbox('/sw.js', { scope: '/' });
  let registration: ServiceWorkerRegistration | undefined;
  connectUpdateFlow({
    on: (type, fn) => wb.addEventListener(type, fn),
    skipWaiting: () => wb.messageSkipWaiting(),
    hasWaiting: () => !!registration?.waiting,
  });
  registration = await wb.register({ immediate: true });
  if (!registration) return;
  watchForWaiting(registration);
  // The shell registered first on a first visit (src/main.tsx): the install may have finished
  // and claimed this page (the navigation itself was not served by a worker) before
  // workbox-window listened, so its "controlling" never comes: ready offline now.
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigator.serviceWorker.controller && navigation && !navigation.workerStart) patchPwaState({ isOfflineReady: true });
  keepRestWhenControlled(registration);

  let lastCheck = Date.now();
  const check = () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    lastCheck = Date.now();
    void wb.update().catch(() => undefined); // what it finds, watchForWaiting reports
  };
  setInterval(check, UPDATE_CHECK_MS);
  // Timers sleep while a phone is locked: check on return when an hour has passed.
  document.addEventListener('visibilitychange', () => {
    if (Date.now() - lastCheck >= UPDATE_CHECK_MS) check();
  });
}
