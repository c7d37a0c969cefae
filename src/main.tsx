// Boot. This module is part of the shell bundle: avoid adding to it. It paints the shell
// at once; every screen, Dexie and zod load lazily (PERFORMANCE.md B1).
import { render } from 'preact';
import { App } from './app/App';
import { IS_SW_ENABLED } from './pwa/build-info';
import './app/app.css';

performance.mark('scd:boot');
// index.html already holds the top bar as the shell first paints it (TopBar in app/Shell.tsx), so
// it is on screen with the stylesheet, before this script has loaded (B2 first contentful paint
// on a first visit); this render takes those nodes over. (No comment there: every byte of
// index.html is precached.)
// The first render in a task of its own, after this one evaluated the shell's modules: together
// they were the longest task of a cold start (82-260 ms at 4× CPU, issue 13 B9).
setTimeout(() => render(<App />, document.getElementById('app')!), 0);
// A first visit (no worker in charge yet) registers the service worker now, so its install (the
// precache, one request: src/sw.ts) runs beside the first screen instead of after load and two
// lazy chunks (PERFORMANCE.md B8). The update flow and its banners still come after load, with
// workbox-window (src/pwa/update.ts), and pick this registration up. Once the install claims
// the page, the files of the screen open now are kept too (they are not all precached).
const sw = navigator.serviceWorker;
if (IS_SW_ENABLED && sw && !sw.controller) {
  sw.addEventListener('controllerchange', () => void import('./pwa/offline-extras').then((m) => m.keepThisPage()), { once: true });
  sw.register('/sw.js').catch(() => undefined);
}
