// Save as you type: a change is written ~400 ms after the last keystroke, and at once when
// a field loses focus, the tab is hidden (a phone call, switching apps) or the page goes away
// — and every change is also copied synchronously to localStorage (draft-rescue.ts) until
// the database has it, so a reload or a crash right after a keystroke loses nothing. Saves
// run one at a time, newest value last. While anything is unsaved the form is marked dirty
// (pwa/dirty.ts), so the update prompt never reloads over it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { markDirty } from '../../pwa/dirty';
import { clearRescue, writeRescue } from './draft-rescue';

export type SaveState = { status: 'idle' } | { status: 'pending' | 'saving' } | { status: 'saved'; at: Date } | { status: 'error'; error: unknown };

export interface Autosave<P> {
  state: SaveState;
  /** Queue the latest value; it is saved after the delay unless another change comes first. */
  change(value: P): void;
  /** Save what is queued now (and wait for a save already running); true when all is saved. */
  flush(): Promise<boolean>;
}

export function useAutosave<P>(save: (value: P) => Promise<unknown>, opts: { formId: string; delayMs?: number; rescueKey?: string }): Autosave<P> {
  const delay = opts.delayMs ?? 400;
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const queued = useRef<{ value: P } | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const alive = useRef(true);
  const setIfAlive = (s: SaveState) => alive.current && setState(s);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (running.current) await running.current;
    const next = queued.current;
    if (!next) return true;
    queued.current = null;
    setIfAlive({ status: 'saving' });
    const run = (async () => {
      try {
        await saveRef.current(next.value);
        if (!queued.current) {
          if (opts.rescueKey) clearRescue(opts.rescueKey);
          markDirty(opts.formId, false);
          setIfAlive({ status: 'saved', at: new Date() });
        }
      } catch (error) {
        // Keep the value for the next attempt unless a newer one is already queued.
        queued.current ??= next;
        setIfAlive({ status: 'error', error });
      }
    })();
    running.current = run;
    await run;
    if (running.current === run) running.current = null;
    return !queued.current;
  }, [opts.formId, opts.rescueKey]);

  const change = useCallback(
    (value: P) => {
      queued.current = { value };
      if (opts.rescueKey) writeRescue(opts.rescueKey, value);
      // dirty for the update prompt and a reload; a link may go (leaving the screen saves)
      markDirty(opts.formId, true, true);
      setIfAlive({ status: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush, opts.formId, opts.rescueKey],
  );

  useEffect(() => {
    alive.current = true;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      alive.current = false;
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the screen saves what is queued; the form no longer exists afterwards, so
      // it stops counting as dirty either way.
      void flush().finally(() => markDirty(opts.formId, false));
    };
  }, [flush, opts.formId]);

  return { state, change, flush };
}
