import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precachePlan } from './scripts/precache-plan.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The service worker precaches the shell and every screen a secretary uses in the field, so
// they open offline after one visit; /api/ is never answered from the cache.
// Left out of the precache (PERFORMANCE.md B1 caps it at 150 KB gz; docs/decisions.md
// "What is precached"): the dynamic imports of the modules below, and whatever only they
// lead to. They are used with signal (set-up, admin) or rarely; the service worker keeps a
// copy the first time they load, and they work offline from then on. Opened offline before
// that, the screen says so (src/app/lazy-route.tsx). scripts/precache-plan.ts reads the
// module graph: no file name patterns, and a file field screens also need stays precached.
const notPrecached = precachePlan([
  'src/i18n/en/', // English: Vietnamese is the default and is bundled
  'src/features/import/ImportPage.tsx', // import from Excel/CSV: its worker, xlsx/csv readers, fflate
  'src/features/members/export.ts', // export of the member register (.xlsx/.csv writer)
  'src/features/backup/BackupPage.tsx', // backup and restore
  'src/features/minutes/minutes-docx.ts', // minutes as .docx (printing stays offline)
  'src/lib/docx.ts', // the .docx zip writer, imported beside minutes-docx
  'src/sync/engine.ts', // push, pull, apply: only run with the network (src/sync/lazy-engine.ts)
  'src/features/sync/OnlineSyncScreens.tsx', // admin (cấp trên), join with a code, devices and invite QR: need the network anyway
  'src/features/dues/ExemptionsPage.tsx', // dues exemptions: a few a year
  'src/features/dues/RatesPage.tsx', // dues rates: years apart
]);

// Registration is ours (src/pwa/update.ts, workbox-window loaded after first paint):
// injectRegister stays false so no inline script lands in index.html (the server's CSP is
// script-src 'self'), and registerType 'prompt' means a new version waits for the user.
export default defineConfig(({ command }) => ({
  define: {
    __APP_VERSION__: JSON.stringify(version),
    // Only a build has a /sw.js to register. Not import.meta.env.PROD: a build run with
    // NODE_ENV=test (e.g. spawned from vitest) is not "PROD" yet must still work offline.
    __SW_ENABLED__: JSON.stringify(command === 'build'),
  },
  plugins: [
    preact(),
    notPrecached.plugin,
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Manifest icons are fetched by the browser when installing, never needed offline:
      // keep them (and the iOS touch icon) out of the precache, which has a byte budget.
      includeManifestIcons: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Sổ Chi Đoàn',
        short_name: 'Sổ Chi Đoàn',
        description: 'Sổ sách chi đoàn trên điện thoại: đoàn viên, sinh hoạt, đoàn phí — dùng được khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        categories: ['productivity', 'education'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        globIgnores: ['**/node_modules/**/*', 'icons/**'],
        cleanupOutdatedCaches: true,
        // First install only: the open page comes under the new worker at once, so chunks it
        // loads later are served from the precache (truly "ready offline"). Updates still
        // wait for the user: no skipWaiting here; the page sends SKIP_WAITING on "Cập nhật".
        clientsClaim: true,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        manifestTransforms: [notPrecached.manifestTransform],
        // What the precache leaves out is kept the first time it loads. /assets/ names carry
        // a content hash, so a cached copy never goes stale: CacheFirst. Old versions' files
        // age out by count (a build leaves out ~20 files).
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'scd-assets',
              expiration: { maxEntries: 80, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
}));
