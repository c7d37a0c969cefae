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

/**
 * [...items].sort(compare) — the same order (both are stable) — a slice of work at a time:
 * runs of `run` items sorted each in a task, then merged pairwise, yielding every `slice`
 * comparisons. Sorting 20,000 names with the Vietnamese collator in one go is one task of
 * several hundred ms at 4× CPU (year-scale.mjs).
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 1000, slice = 5000): Promise<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += run) {
    if (i) await breathe();
    runs.push(items.slice(i, i + run).sort(compare));
  }
  let work = 0;
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i];
      const b = runs[i + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out: T[] = new Array(a.length + b.length);
      let x = 0;
      let y = 0;
      let k = 0;
      while (x < a.length && y < b.length) {
        // From the later run only when strictly before: equal items keep their order (stable).
        out[k++] = compare(b[y], a[x]) < 0 ? b[y++] : a[x++];
        if (++work % slice === 0) await breathe();
      }
      while (x < a.length) out[k++] = a[x++];
      while (y < b.length) out[k++] = b[y++];
      next.push(out);
    }
    runs = next;
  }
  return runs[0] ?? [];
}
