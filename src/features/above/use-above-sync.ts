// The level above's sync on screen: one round at a time for the whole phone (a module-level
// promise), started on opening /above when online, on the browser's `online` event and by the
// "Đồng bộ" button; the screens re-read when a round ends.
import { useEffect, useState } from 'preact/hooks';
import { signInAbove, syncAbove, type AboveSyncResult, type SignInInput, type SyncProgress } from './above-repo';

let running: Promise<AboveSyncResult> | null = null;
let progress: SyncProgress | null = null;
let last: AboveSyncResult | null = null;
/** rounds started and ended: screens re-read their units when this moves, not on each step */
let rounds = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());

function track(start: (onProgress: (p: SyncProgress) => void) => Promise<AboveSyncResult>): Promise<AboveSyncResult> {
  if (running) return running;
  progress = null;
  running = start((p) => {
    progress = p;
    notify();
  }).then(
    (r) => ((last = r), r),
    (e) => {
      throw e;
    },
  );
  notify();
  void running.catch(() => undefined).finally(() => {
    running = null;
    progress = null;
    rounds++;
    notify();
  });
  return running;
}

export interface AboveSyncView {
  isSyncing: boolean;
  progress: SyncProgress | null;
  last: AboveSyncResult | null;
  isOnline: boolean;
  /** moves when a round ends (not on each unit's step): screens re-read the units then —
   *  re-reading 50 units' databases on every step made a first sync of 50 units take minutes */
  tick: number;
  sync(): Promise<AboveSyncResult>;
  signIn(input: SignInInput): Promise<AboveSyncResult>;
}

export function useAboveSync(opts: { auto?: boolean } = {}): AboveSyncView {
  const [, setSteps] = useState(0);
  const [isOnline, setOnline] = useState(typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const onChange = () => setSteps((n) => n + 1);
    listeners.add(onChange);
    const online = () => {
      setOnline(true);
      if (opts.auto) void track((p) => syncAbove({ onProgress: p })).catch(() => undefined);
    };
    const offline = () => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    if (opts.auto && navigator.onLine !== false) void track((p) => syncAbove({ onProgress: p })).catch(() => undefined);
    return () => {
      listeners.delete(onChange);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return {
    isSyncing: !!running,
    progress,
    last,
    isOnline,
    tick: rounds,
    sync: () => track((p) => syncAbove({ onProgress: p })),
    signIn: (input) => track((p) => signInAbove(input, p)),
  };
}
