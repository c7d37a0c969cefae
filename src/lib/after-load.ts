// Work that can wait — the PWA banners with workbox-window, the sync chip and the sync it
// starts — begins a moment after the page's load event, and not while the secretary types or
// taps: loading and first rendering those cost 20–40 ms of main thread at 4× CPU, and landing
// between two keys they made a search keystroke wait as long again (issue 13, B5). Part of the
// shell: keep it small.

/** How long without a key or a touch counts as a pause. */
export const QUIET_MS = 1_000;
/** The longest the work waits past its delay for a pause. */
export const MAX_WAIT_MS = 10_000;

let lastInput = -Infinity;
if (typeof window !== 'undefined')
  for (const type of ['keydown', 'pointerdown', 'input']) window.addEventListener(type, () => (lastInput = performance.now()), { capture: true, passive: true });

/** Runs `fn` `delay` ms after the load event, or at the next pause in input after that (at most MAX_WAIT_MS later). Returns a cancel. */
export function afterLoad(fn: () => void, delay: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const tick = () => {
    const now = performance.now();
    const quiet = now - lastInput;
    if (quiet >= QUIET_MS || now >= latest) fn();
    else timer = setTimeout(tick, Math.min(QUIET_MS - quiet, latest - now));
  };
  const later = () => {
    latest = performance.now() + delay + MAX_WAIT_MS;
    timer = setTimeout(tick, delay);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
  return () => (clearTimeout(timer), window.removeEventListener('load', later));
}
