// Work over 5,000 members in slices, giving the browser a turn between them, so a year screen
// never holds the main thread for long (PERFORMANCE.md: no long task > 50 ms on the field
// screens; the desk screens aim under ~200 ms at 4× CPU). Pure; no DOM beyond setTimeout.

/** Lets the browser paint and handle input before the next slice. */
export function breathe(): Promise<void> {
  return new Promise((res) => setTimeout(res, 0));
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
