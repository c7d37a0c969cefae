import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The service worker precaches the shell and every route chunk so every screen opens
// offline after one visit; /api/ is never answered from the cache.
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
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
}));
