// A synchronous copy of what is being typed, in localStorage, written on every change and
// removed once the database has it. IndexedDB writes are asynchronous: one started while the
// page is being reloaded, closed or killed is aborted, so the last keystrokes before a
// reload would be lost. localStorage writes complete before the call returns. On the next
// open the editor takes the copy back if it is newer than the saved draft.
export interface Rescued<P> {
  value: P;
  /** ISO time of the change */
  at: string;
}

const storage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the debounced save still runs
  }
};

export function writeRescue<P>(key: string, value: P): void {
  try {
    storage()?.setItem(key, JSON.stringify({ value, at: new Date().toISOString() } satisfies Rescued<P>));
  } catch {
    // full or disabled: nothing to do, the database save is the real one
  }
}

export function readRescue<P>(key: string): Rescued<P> | undefined {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as Rescued<P>) : undefined;
  } catch {
    return undefined;
  }
}

export function clearRescue(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // ignore
  }
}
