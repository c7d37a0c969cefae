// useDeferredLive: useLive for a screen that must paint before Dexie has loaded (the member
// list, PERFORMANCE.md B3). The screen's chunk does not import Dexie or its queries; both
// load after the first render, so the screen can show what it has (a snapshot) meanwhile.
// The query runs as a plain read and again after any write to the named tables (this tab or
// another), as data/live-bulk.ts does: inside a liveQuery Dexie deep-clones every row it
// returns from its cache, 5,000 members on each cold start and each change (B3).
import { useEffect, useState } from 'preact/hooks';
import type { Live } from './live';

export function useDeferredLive<T>(load: () => Promise<() => Promise<T>>, tables: readonly string[], deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined, isLoaded: false });
  useEffect(() => {
    let isGone = false;
    let sub: { unsubscribe(): void } | undefined;
    Promise.all([import('./live-bulk'), load()]).then(
      ([{ subscribeBulk }, query]) => {
        if (!isGone) sub = subscribeBulk(query, tables, (s) => !isGone && setState(s));
      },
      (error: unknown) => !isGone && setState({ value: undefined, error, isLoaded: true }),
    );
    return () => {
      isGone = true;
      sub?.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
