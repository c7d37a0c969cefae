// useBulkLive: like useLive, for screens that read a whole year of a 5,000-member unit at once
// (the rating: ~125,000 roll, dues and member rows). Inside a liveQuery, Dexie records the key
// of every row read so it can tell which writes matter; for that many rows the bookkeeping
// cost seconds on a throttled phone profile (test/perf/year-scale.mjs). Here the query runs
// as a plain read, and is run again when a write (this tab or another) touches one of the
// named tables — Dexie's 'storagemutated' event, the one liveQuery itself listens to.
// (A liveQuery also deep-clones what it reads out of Dexie's cache, 5,000 members included:
// the member list reads through subscribeBulk for that reason, data/live-deferred.ts.)
// A query may hand over a first part early (`partial`: the rows in view, before the whole
// year is read); it is shown only until a whole value has been, never over one.
// Components use this, never Dexie.
import Dexie from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Live } from './live';

export function useBulkLive<T>(query: (partial: (first: T) => void) => Promise<T>, tables: readonly string[], deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined, isLoaded: false });
  useEffect(() => {
    const sub = subscribeBulk(query, tables, setState);
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** Runs the query now and again after writes to `tables` (a burst: once); each answer goes to `set`. */
export function subscribeBulk<T>(query: (partial: (first: T) => void) => Promise<T>, tables: readonly string[], set: (state: Live<T>) => void): { unsubscribe(): void } {
  let alive = true;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let whole = false;
  const partial = (first: T) => {
    if (alive && !whole) set({ value: first, error: undefined, isLoaded: true });
  };
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const value = await query(partial);
      whole = true;
      if (alive) set({ value, error: undefined, isLoaded: true });
    } catch (error) {
      if (alive) set({ value: undefined, error, isLoaded: true });
    } finally {
      running = false;
      if (again && alive) {
        again = false;
        void run();
      }
    }
  };
  const parts = tables.map((t) => `/${t}/`);
  const onMutated = (changed: Record<string, unknown>) => {
    if (!Object.keys(changed).some((k) => parts.some((p) => k.includes(p)))) return;
    // A burst of writes (a bulk registration, sync applying a page) reloads once.
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 50);
  };
  Dexie.on('storagemutated', onMutated);
  void run();
  return {
    unsubscribe() {
      alive = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    },
  };
}
