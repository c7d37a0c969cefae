// A read of a supervised unit's database (opened apart, closed after): run on mount and when
// `deps` change, and again when a write on this screen asks (reload). Not a live query: the
// database is not kept open while the screen shows.
import { useEffect, useState } from 'preact/hooks';

export interface Reloadable<T> {
  value: T | undefined;
  error: unknown;
  isLoaded: boolean;
  reload: () => void;
}

export function useReload<T>(load: () => Promise<T>, deps: unknown[]): Reloadable<T> {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<Reloadable<T>, 'reload'>>({ value: undefined, error: undefined, isLoaded: false });
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => alive && setState({ value, error: undefined, isLoaded: true }),
      (error) => alive && setState({ value: undefined, error, isLoaded: true }),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
