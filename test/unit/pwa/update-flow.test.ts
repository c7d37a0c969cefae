// @vitest-environment jsdom
// The update flow never reloads by itself (RELIABILITY.md 16): a waiting version is offered;
// accepting refuses over a dirty form, flushes first, then skips waiting and reloads once
// when the new worker takes control. Driven through a fake of the workbox-window surface.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectUpdateFlow, setBeforeUpdate, type SwHandle, type SwLifecycleEvent } from '../../../src/pwa/update';
import { pwaState, resetPwaState } from '../../../src/pwa/state';

type Ev = 'waiting' | 'activated' | 'controlling';

function setup(opts: { hasWaiting?: boolean; flushTimeoutMs?: number; stopBackground?: () => Promise<unknown> } = {}) {
  const handlers: Record<string, ((e: SwLifecycleEvent) => void)[]> = {};
  const log: string[] = [];
  let isDirty = false;
  const sw: SwHandle = {
    on: (type, fn) => void (handlers[type] ??= []).push(fn),
    skipWaiting: () => log.push('skipWaiting'),
    hasWaiting: () => opts.hasWaiting ?? true,
  };
  const flow = connectUpdateFlow(sw, {
    reload: () => log.push('reload'),
    isDirty: () => isDirty,
    flushTimeoutMs: opts.flushTimeoutMs ?? 1000,
    stopBackground: opts.stopBackground,
  });
  return {
    flow,
    log,
    emit: (type: Ev, e: SwLifecycleEvent = {}) => handlers[type]?.forEach((fn) => fn(e)),
    setDirty: (v: boolean) => (isDirty = v),
  };
}

beforeEach(() => {
  resetPwaState();
  setBeforeUpdate(undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('update flow', () => {
  it('offers a waiting version and does nothing else', () => {
    const { emit, log } = setup();
    emit('waiting', { isUpdate: true });
    expect(pwaState().isUpdateWaiting).toBe(true);
    expect(log).toEqual([]);
  });

  it('accepting while a form is dirty asks to save first and neither skips nor reloads', async () => {
    const { flow, emit, log, setDirty } = setup();
    const flush = vi.fn();
    setBeforeUpdate(flush);
    emit('waiting', { isUpdate: true });
    setDirty(true);
    await flow.applyUpdate();
    expect(pwaState().mustSaveFirst).toBe(true);
    expect(flush).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('accepting flushes first, then skips waiting, then reloads once on controlling', async () => {
    const { flow, emit, log } = setup();
    setBeforeUpdate(async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.push('flush');
    });
    emit('waiting', { isUpdate: true });
    await flow.applyUpdate();
    expect(log).toEqual(['flush', 'skipWaiting']);
    emit('controlling', { isUpdate: true });
    emit('controlling', { isUpdate: true });
    expect(log).toEqual(['flush', 'skipWaiting', 'reload']);
  });

  it('the background fetch is stopped and its file in flight done before SKIP_WAITING', async () => {
    // Chromium can leave the new worker parked in "waiting" when a fetch reaches the outgoing
    // worker during the hand-over: then the page never reloads into the new version.
    let log: string[] = [];
    const t = setup({
      stopBackground: async () => {
        log.push('stop');
        await new Promise((r) => setTimeout(r, 5));
        log.push('file in flight done');
      },
    });
    log = t.log;
    setBeforeUpdate(() => log.push('flush'));
    t.emit('waiting', { isUpdate: true });
    await t.flow.applyUpdate();
    expect(log).toEqual(['flush', 'stop', 'file in flight done', 'skipWaiting']);
    t.emit('controlling', { isUpdate: true });
    expect(log.at(-1)).toBe('reload');
  });

  it('a failing or hanging flush does not block the update (the outbox stays in IndexedDB)', async () => {
    const failing = setup();
    setBeforeUpdate(() => Promise.reject(new Error('offline')));
    await failing.flow.applyUpdate();
    expect(failing.log).toEqual(['skipWaiting']);

    const hanging = setup({ flushTimeoutMs: 20 });
    setBeforeUpdate(() => new Promise(() => undefined));
    await hanging.flow.applyUpdate();
    expect(hanging.log).toEqual(['skipWaiting']);
  });

  it('a form edited during the flush stops the update', async () => {
    const { flow, log, setDirty } = setup();
    setBeforeUpdate(() => setDirty(true));
    await flow.applyUpdate();
    expect(log).toEqual([]);
    expect(pwaState().mustSaveFirst).toBe(true);
    expect(pwaState().isUpdating).toBe(false);
  });

  it('a form edited between accepting and the switch is kept: ask to reload later', async () => {
    const { flow, emit, log, setDirty } = setup();
    await flow.applyUpdate();
    setDirty(true);
    emit('controlling', { isUpdate: true });
    expect(log).toEqual(['skipWaiting']);
    expect(pwaState().reloadReason).toBe('afterSave');
  });

  it('an update taken by another tab never reloads this one', () => {
    const { emit, log } = setup();
    emit('waiting', { isUpdate: true, isExternal: true });
    emit('controlling', { isUpdate: true, isExternal: true });
    expect(log).toEqual([]);
    expect(pwaState().reloadReason).toBe('otherTab');
  });

  it('first install says "ready offline" and does not reload when the worker claims the page', () => {
    const { emit, log } = setup();
    emit('activated', { isExternal: false });
    emit('controlling', { isUpdate: false, isExternal: false });
    expect(pwaState().isOfflineReady).toBe(true);
    expect(pwaState().reloadReason).toBeUndefined();
    expect(log).toEqual([]);
  });

  it('a first install that began before this page registered is not "another tab\'s update"', () => {
    // Seen in Chromium: page 1 starts installing, the user navigates, page 2 registers while
    // the worker is still installing; its claim arrives as controlling {isExternal: true}.
    const { emit, log } = setup();
    emit('controlling', { isUpdate: false, isExternal: true });
    expect(pwaState().reloadReason).toBeUndefined();
    expect(pwaState().isOfflineReady).toBe(true);
    expect(log).toEqual([]);
  });

  it('an update that activated is not "ready offline" again', () => {
    const { emit } = setup();
    emit('activated', { isUpdate: true });
    expect(pwaState().isOfflineReady).toBe(false);
  });

  it('when no worker is waiting any more (activated elsewhere) accepting just reloads', async () => {
    const { flow, log } = setup({ hasWaiting: false });
    await flow.applyUpdate();
    expect(log).toEqual(['reload']);
  });

  it('"Để sau" hides the offer for this session', () => {
    const { flow, emit } = setup();
    emit('waiting', { isUpdate: true });
    flow.dismiss();
    expect(pwaState().isUpdateDismissed).toBe(true);
  });
});

describe('database upgraded by another tab', () => {
  it('asks to reload when src/data/db.ts announces versionchange', () => {
    window.dispatchEvent(new CustomEvent('scd:db-versionchange'));
    expect(pwaState().reloadReason).toBe('dbUpgrade');
  });
});
