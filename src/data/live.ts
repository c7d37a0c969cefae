// useLive: re-runs a repo query whenever the tables it read change (Dexie liveQuery),
// so every open screen and tab shows the same data. Components use this, never Dexie.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
  isLoaded: boolean;
}

export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined, isLoaded: false });
  useEffect(() => {
    const sub = subscribeLive(query, setState);
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** Runs the query now and whenever the tables it read change; each answer goes to `set`. */
export function subscribeLive<T>(query: () => Promise<T>, set: (state: Live<T>) => void): { unsubscribe(): void } {
  // An async wrapper: Dexie tracks which tables a querier reads only across the awaits of an
  // async function; a plain arrow returning a repo promise would never refresh.
  return liveQuery(async () => await query()).subscribe({
    next: (value) => set({ value, error: undefined, isLoaded: true }),
    error: (error) => set({ value: undefined, error, isLoaded: true }),
  });
}
