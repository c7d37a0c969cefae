// Renders only the rows in view (plus a margin) of a long list scrolled with the window,
// so 5,000 members cost the same to paint as 30 (PERFORMANCE.md: render only visible rows).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** a row's key: the item's id, or its place (`index`) for a list whose rows update in place */
  getKey: (item: T, index: number) => string | number;
  overscan?: number;
  label?: string;
}

export function VirtualList<T>({ items, rowHeight, renderRow, getKey, overscan = 8, label }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  // Before the list is laid out its place is unknown: the first render takes the rows that
  // could show from its top (a screen's height of them). The measured window, a frame later,
  // adds the margins. 40 rows were 2-3 times the rows a 360×740 phone shows, all laid out and
  // painted before the first frame (issue 13, B9: 100-136 ms tasks); the 8 rows of margin it
  // took after that were still laid out and painted before anything showed (B3).
  const [range, setRange] = useState(() => ({ start: 0, end: firstWindow(rowHeight) }));

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      // From the margin above the window's top to the margin below its bottom. (The end was
      // once the start plus a window and both margins: with the list's top on screen, under
      // the title, search and filters, that drew 28 rows where 17 reach the margin, and a
      // keystroke laid out and painted all of them: B5.)
      const first = Math.max(0, Math.floor(-top / rowHeight) - overscan);
      // (a list below the window: an end before its start, and no rows)
      const end = Math.ceil((window.innerHeight - top) / rowHeight) + overscan;
      setRange((r) => (r.start === first && r.end === end ? r : { start: first, end }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [rowHeight, overscan, items.length]);

  const end = Math.min(items.length, range.end);
  const rows: ComponentChildren[] = [];
  for (let i = range.start; i < end; i++) {
    rows.push(
      <li key={getKey(items[i], i)} style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(items[i], i)}
      </li>,
    );
  }
  return (
    <div ref={ref} style={{ position: 'relative', height: items.length * rowHeight }}>
      <ul class="vlist" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows}
      </ul>
    </div>
  );
}

/**
 * Rows of the first render: as many as the screen's height shows. The screen's height, not the
 * window's: reading `innerHeight` while rendering made the browser lay out the page there and
 * then (10-15 ms at 4×, traced). On a phone the screen is the taller of the two; where it is not
 * (a zoomed-out desktop page), the measured window fills in a frame later.
 */
export function firstWindow(rowHeight: number, height = typeof screen === 'undefined' ? 0 : screen.height): number {
  return Math.ceil((height || 800) / rowHeight);
}
