// Work over 5,000 members in slices, giving the browser a turn between them, so a year screen
// never holds the main thread for long (PERFORMANCE.md: no long task > 50 ms on the field
// screens; the desk screens aim under ~200 ms at 4× CPU). Pure; no DOM beyond setTimeout.

/**
 * Lets the browser paint and handle input before the next slice. In a page, a message to
 * itself: a chain of setTimeout(0) is held back 4 ms a turn after the fifth (the HTML timer
 * clamp), and a year screen takes ~50 turns — ~200 ms of doing nothing (issue 13, year-scale).
 */
export function breathe(): Promise<void> {
  if (typeof window === 'undefined' || typeof MessageChannel !== 'function') return new Promise((res) => setTimeout(res, 0));
  return new Promise((res) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      c.port1.close();
      res();
    };
    c.port2.postMessage(null);
  });
}

/** Resolves once the browser has had a frame to paint what was just rendered (then a turn more). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return breathe();
  return new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
}

/** fn(item, i) for every item, in order, yielding after every `slice` items. */
export async function eachInSlices<T>(items: readonly T[], fn: (item: T, i: number) => void, slice = 250): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    fn(items[i], i);
    if ((i + 1) % slice === 0 && i + 1 < items.length) await breathe();
  }
}

/** items.map(fn), in slices (see eachInSlices). */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T, i: number) => U, slice = 250): Promise<U[]> {
  const out: U[] = new Array(items.length);
  await eachInSlices(items, (t, i) => (out[i] = fn(t, i)), slice);
  return out;
}
