// useDeferredLive: useLive for a screen that must paint before Dexie has loaded (the member
// list, PERFORMANCE.md B3). The screen's chunk does not import Dexie or its queries; both
// load after the first render, so the screen can show what it has (a snapshot) meanwhile.
// Same contract as useLive: re-runs whenever the tables the query read change.
import { useEffect, useState } from 'preact/hooks';
import type { Live } from './live';

export function useDeferredLive<T>(load: () => Promise<() => Promise<T>>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined, isLoaded: false });
  useEffect(() => {
    let isGone = false;
    let sub: { unsubscribe(): void } | undefined;
    Promise.all([import('./live'), load()]).then(
      ([{ subscribeLive }, query]) => {
        if (!isGone) sub = subscribeLive(query, (s) => !isGone && setState(s));
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
