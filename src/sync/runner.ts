// When a sync cycle runs (DESIGN.md): at start, when the network comes back (`online`), when
// the tab becomes visible, ~2 s after the last local write (debounced), every minute while
// visible, and on "Đồng bộ ngay". A failed cycle is retried with exponential back-off and
// jitter, so a hundred phones coming back online at once do not all knock at the same
// second; `online` and a manual sync skip the wait. A 401 pauses: nothing is sent until the
// user joins again, and the outbox stays as it is. No Background Sync (iOS has none): the
// app syncs while it is open, which is when secretaries record.
import type { UnitDb } from '../data/db';
import { AuthError, HttpError, NetworkError } from './errors';
import type { CycleOptions, CycleResult } from './engine';
import { lazyRunCycle } from './lazy-engine';
import { patchSyncStatus } from './status';

export type TriggerReason = 'start' | 'online' | 'visible' | 'write' | 'interval' | 'manual' | 'retry' | 'rerun';

export interface RunnerDeps {
  /** the database and local unit to sync now; null when this device has no unit yet */
  context: () => Promise<{ db: UnitDb; localUnitId: string } | null>;
  cycle?: (opts: CycleOptions) => Promise<CycleResult>;
  /** passed to every cycle (tests: transport, fetch, locks) */
  cycleOptions?: Partial<CycleOptions>;
  onLocalWrite?: (fn: () => void) => () => void;
  /** where `online` / `offline` fire (window); absent in tests that drive triggers by hand */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  isOnline?: () => boolean;
  random?: () => number;
  debounceMs?: number;
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** wait after finding another tab syncing, before looking again */
  busyRetryMs?: number;
}

export const DEBOUNCE_MS = 2_000;
export const INTERVAL_MS = 60_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Exponential back-off with "equal jitter": half fixed, half random (pure; tested). */
export function backoffDelay(failures: number, random: () => number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class SyncRunner {
  private running: Promise<CycleResult | undefined> | null = null;
  private rerun = false;
  private failures = 0;
  private retryAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private offs: (() => void)[] = [];
  private isStarted = false;

  constructor(private deps: RunnerDeps) {}

  start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    const { win, doc } = this.deps;
    if (this.deps.onLocalWrite) this.offs.push(this.deps.onLocalWrite(() => this.trigger('write')));
    if (win) {
      const online = () => this.trigger('online');
      const offline = () => patchSyncStatus({ phase: 'offline' });
      win.addEventListener('online', online);
      win.addEventListener('offline', offline);
      this.offs.push(() => win.removeEventListener('online', online), () => win.removeEventListener('offline', offline));
    }
    if (doc) {
      const visible = () => {
        if (doc.visibilityState === 'visible') this.trigger('visible');
      };
      doc.addEventListener('visibilitychange', visible);
      this.offs.push(() => doc.removeEventListener('visibilitychange', visible));
    }
    // Every minute while visible. Timers sleep when a phone is locked; `visible` covers the return.
    this.interval = setInterval(() => {
      if (!doc || doc.visibilityState === 'visible') this.trigger('interval');
    }, this.deps.intervalMs ?? INTERVAL_MS);
    this.trigger('start');
  }

  stop(): void {
    this.isStarted = false;
    for (const off of this.offs.splice(0)) off();
    clearInterval(this.interval);
    clearTimeout(this.retryTimer);
    clearTimeout(this.debounceTimer);
  }

  /** Asks for a cycle; the reason decides whether it waits (debounce) or respects back-off. */
  trigger(reason: TriggerReason): void {
    if (!this.isStarted && reason !== 'manual') return;
    if (reason === 'write') {
      clearTimeout(this.debounceTimer);
      this.debounceTimer = setTimeout(() => this.trigger('rerun'), this.deps.debounceMs ?? DEBOUNCE_MS);
      return;
    }
    if (reason === 'online') {
      this.failures = 0;
      this.retryAt = 0;
    } else if (reason !== 'manual' && reason !== 'retry' && Date.now() < this.retryAt) {
      return; // backing off: the retry timer will run it
    }
    if (this.deps.isOnline && !this.deps.isOnline() && reason !== 'manual') {
      patchSyncStatus({ phase: 'offline' });
      return;
    }
    void this.run(reason);
  }

  /** "Đồng bộ ngay", and the flush before an app update: waits for the lock, skips back-off. */
  syncNow(): Promise<CycleResult | undefined> {
    this.failures = 0;
    this.retryAt = 0;
    return this.run('manual');
  }

  private run(reason: TriggerReason): Promise<CycleResult | undefined> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const p = this.cycle(reason).finally(() => {
      this.running = null;
      if (this.rerun && this.isStarted) {
        this.rerun = false;
        this.trigger('rerun');
      }
    });
    this.running = p;
    return p;
  }

  private async cycle(reason: TriggerReason): Promise<CycleResult | undefined> {
    const ctx = await this.deps.context().catch(() => null);
    if (!ctx) {
      patchSyncStatus({ phase: 'local' });
      return undefined;
    }
    const cycle = this.deps.cycle ?? lazyRunCycle;
    patchSyncStatus({ phase: 'syncing', lastError: undefined });
    try {
      const result = await cycle({ ...this.deps.cycleOptions, ...ctx, wait: reason === 'manual' });
      switch (result.kind) {
        case 'done':
          this.failures = 0;
          this.retryAt = 0;
          patchSyncStatus({ phase: 'idle', lastSyncedAt: new Date().toISOString(), retryAt: undefined });
          break;
        case 'busy':
          // Another tab is syncing; look again shortly for writes it did not take with it.
          patchSyncStatus({ phase: 'idle' });
          this.schedule(this.deps.busyRetryMs ?? 5_000);
          break;
        case 'not-joined':
          patchSyncStatus({ phase: 'local' });
          break;
        case 'paused':
          patchSyncStatus({ phase: 'paused', lastError: 'sync.errAuth' });
          break;
      }
      return result;
    } catch (e) {
      if (e instanceof AuthError) {
        patchSyncStatus({ phase: 'paused', lastError: 'sync.errAuth' });
        return { kind: 'paused' };
      }
      this.failures++;
      const delay = backoffDelay(this.failures, this.deps.random ?? Math.random, this.deps.backoffBaseMs, this.deps.backoffMaxMs);
      this.retryAt = Date.now() + delay;
      this.schedule(delay);
      // No answer: the phone has no network, or it has and the server is down or unreachable.
      const isNetwork = e instanceof NetworkError;
      const isOffline = isNetwork && this.deps.isOnline?.() === false;
      patchSyncStatus({
        phase: isOffline ? 'offline' : isNetwork ? 'unreachable' : 'error',
        lastError: isOffline ? 'sync.errNetwork' : isNetwork ? 'sync.errUnreachable' : e instanceof HttpError ? 'sync.errServer' : 'sync.errUnknown',
        retryAt: this.retryAt,
      });
      if (!isNetwork) console.warn('sync failed', e);
      return undefined;
    }
  }

  private schedule(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.trigger('retry'), ms);
  }
}
