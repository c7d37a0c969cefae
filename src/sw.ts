// The service worker (vite-plugin-pwa injectManifest; the build injects the precache manifest).
// It does what the generated one did — precache the shell and the field screens, answer
// navigations with index.html (never /api/), keep the rest of /assets/ and the icons when they
// first load, wait for "Cập nhật" (SKIP_WAITING) on an update, claim the page on the first
// install — except how it installs: Workbox fetches the precache one file after another, ~60
// round trips (19 s on Slow 4G, PERFORMANCE.md B8). Here the hashed files come in one request,
// /precache.pack (scripts/precache-pack.ts), when more than a handful are missing; the rest
// (index.html, the manifest: revisioned, kept with the server's headers) all at once beside it.
// Anything the pack lacks (a newer deploy replaced it) is fetched on its own, as before.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { PACK_URL, readPack } from './pwa/pack';

interface LifecycleEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
const sw = self as unknown as {
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: LifecycleEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};

/** More missing hashed files than one round of a browser's six connections: one request instead. */
const PACK_WHEN_MISSING = 6;

const precache = new PrecacheController();
// written out as self.__WB_MANIFEST: where the build injects the manifest
precache.addToCacheList((self as unknown as { __WB_MANIFEST: (string | PrecacheEntry)[] }).__WB_MANIFEST);

/** One precache entry through Workbox's own strategy: kept already → nothing; else fetched and checked. */
function keep(event: LifecycleEvent, url: string, cacheKey: string): Promise<unknown> {
  // Revisioned entries (no hash in the name) bypass the HTTP cache, as Workbox does.
  const request = new Request(url, { cache: url === cacheKey ? 'default' : 'reload', credentials: 'same-origin' });
  return Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event: event as never }));
}

async function install(event: LifecycleEvent): Promise<void> {
  const cache = await caches.open(precache.strategy.cacheName);
  const all = [...precache.getURLsToCacheKeys()];
  const hashed = all.filter(([url, key]) => url === key);
  const present = await Promise.all(hashed.map(([url]) => cache.match(url)));
  const missing = new Set(hashed.filter((_, i) => !present[i]).map(([url]) => url));
  const fromPack = missing.size > PACK_WHEN_MISSING ? readPack(fetch(PACK_URL, { cache: 'no-cache' }), cache, missing) : Promise.resolve();
  await Promise.all([fromPack.catch(() => undefined), ...all.filter(([url, key]) => url !== key).map(([url, key]) => keep(event, url, key))]);
  // Whatever is still missing, all at once (the browser queues them on its connections).
  await Promise.all(all.map(([url, key]) => keep(event, url, key)));
}

sw.addEventListener('install', (event) => event.waitUntil(install(event)));
sw.addEventListener('activate', (event) => void precache.activate(event as never));
registerRoute(new PrecacheRoute(precache));
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(precache.createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// What the precache leaves out is kept the first time it loads (or when the background fetch
// gets it, src/pwa/offline-extras.ts). /assets/ names carry a content hash, so a cached copy
// never goes stale: CacheFirst; old versions' files age out by count (a build leaves out ~60
// files). Icons have no hash: the cached one answers at once and a fresh copy replaces it.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'scd-assets',
    plugins: [new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }), new CacheableResponsePlugin({ statuses: [200] })],
  }),
);
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/icons/'),
  new StaleWhileRevalidate({ cacheName: 'scd-icons', plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

// Updates wait for the user: the page posts SKIP_WAITING on "Cập nhật" (src/pwa/update.ts).
sw.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});
// First install only in effect: the open page comes under the new worker at once, so chunks it
// loads later are served from the precache (truly "ready offline").
clientsClaim();
