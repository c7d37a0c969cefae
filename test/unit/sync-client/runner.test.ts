// runner.ts: when cycles run (triggers, debounce, back-off with jitter, pause on 401),
// driven with fake timers and a stand-in cycle.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AuthError, NetworkError } from '../../../src/sync/api';
import type { CycleResult } from '../../../src/sync/engine';
import { SyncRunner, backoffDelay } from '../../../src/sync/runner';
import { resetSyncStatus, syncStatus } from '../../../src/sync/status';

const done: CycleResult = { kind: 'done', pushed: 0, applied: 0, conflicts: 0, rejected: 0, pulled: 0, keptLocal: 0, openConflicts: 0 };

class FakeTarget {
  private l = new Map<string, Set<() => void>>();
  visibilityState: DocumentVisibilityState = 'visible';
  addEventListener(type: string, fn: () => void) {
    if (!this.l.has(type)) this.l.set(type, new Set());
    this.l.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: () => void) {
    this.l.get(type)?.delete(fn);
  }
  fire(type: string) {
    for (const fn of this.l.get(type) ?? []) fn();
  }
}

function setup(outcomes: (CycleResult | Error)[] = []) {
  const calls: { at: number; wait?: boolean }[] = [];
  const writeListeners = new Set<() => void>();
  const win = new FakeTarget();
  const doc = new FakeTarget();
  let online = true;
  const runner = new SyncRunner({
    context: async () => ({ db: {} as never, localUnitId: 'u' }),
    cycle: async (o) => {
      calls.push({ at: Date.now(), wait: o.wait });
      const next = outcomes.shift() ?? done;
      if (next instanceof Error) throw next;
      return next;
    },
    onLocalWrite: (fn) => (writeListeners.add(fn), () => writeListeners.delete(fn)),
    win: win as never,
    doc: doc as never,
    isOnline: () => online,
    random: () => 0.5,
  });
  return {
    runner,
    calls,
    win,
    doc,
    write: () => writeListeners.forEach((fn) => fn()),
    setOnline: (v: boolean) => (online = v),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  resetSyncStatus();
});
afterEach(() => vi.useRealTimers());

describe('backoffDelay', () => {
  test('doubles from 2 s up to 5 min, half fixed and half random', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(30, () => 0)).toBe(150_000);
  });
});

describe('triggers', () => {
  test('start runs at once; a burst of writes runs once ~2 s after the last; every minute while visible', async () => {
    const s = setup();
    s.runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(1);
    s.write();
    await vi.advanceTimersByTimeAsync(1_500);
    s.write();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(s.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.calls).toHaveLength(3);
    s.doc.visibilityState = 'hidden';
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.calls).toHaveLength(3);
    s.doc.visibilityState = 'visible';
    s.doc.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(4);
    s.runner.stop();
  });

  test('a failure backs off (2 s, 4 s, 8 s …); `online` and "Đồng bộ ngay" do not wait', async () => {
    const s = setup([new NetworkError('down'), new NetworkError('down'), new NetworkError('down')]);
    s.runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(syncStatus().phase).toBe('unreachable'); // online, but no answer
    // Triggers during the back-off are ignored: the retry timer owns the next try.
    s.doc.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(1_400);
    expect(s.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200); // 1.5 s = 2 s × (½ + ½·0.5)
    expect(s.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_800); // second delay: 3 s = 4 s × ¾
    expect(s.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.calls).toHaveLength(3);
    s.win.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(4);
    expect(syncStatus().phase).toBe('idle');
    const r = await s.runner.syncNow();
    expect(r?.kind).toBe('done');
    expect(s.calls.at(-1)!.wait).toBe(true);
    s.runner.stop();
  });

  test('offline: automatic triggers do nothing until `online`', async () => {
    const s = setup();
    s.setOnline(false);
    s.runner.start();
    s.write();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.calls).toHaveLength(0);
    expect(syncStatus().phase).toBe('offline');
    s.setOnline(true);
    s.win.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(1);
    s.runner.stop();
  });

  test('a 401 pauses: no retry timer, the status says so', async () => {
    const s = setup([new AuthError('token_revoked', 'revoked')]);
    s.runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(syncStatus()).toMatchObject({ phase: 'paused', lastError: 'sync.errAuth' });
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    // only the minute ticks ran (the engine answers 'paused' without a request from then on)
    expect(s.calls.length).toBeLessThanOrEqual(10);
    s.runner.stop();
  });

  test('another tab holds the lock: look again a little later', async () => {
    const s = setup([{ kind: 'busy' }]);
    s.runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.calls).toHaveLength(2);
    s.runner.stop();
  });

  test('a trigger during a cycle runs one more cycle after it, not two at once', async () => {
    let release!: () => void;
    const s = setup();
    const gate = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    let max = 0;
    const runner = new SyncRunner({
      context: async () => ({ db: {} as never, localUnitId: 'u' }),
      cycle: async () => {
        inFlight++;
        max = Math.max(max, inFlight);
        s.calls.push({ at: Date.now() });
        if (s.calls.length === 1) await gate;
        inFlight--;
        return done;
      },
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    runner.trigger('online');
    runner.trigger('visible');
    release();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(2);
    expect(max).toBe(1);
    runner.stop();
  });
});
