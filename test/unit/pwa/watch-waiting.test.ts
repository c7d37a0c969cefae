// @vitest-environment jsdom
// A new version that starts installing before workbox-window registers (in the seconds before
// the banners load) or after an update it did not start is reported all the same: the
// registration itself is watched (issue 13: the prompt never came in CI).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForWaiting } from '../../../src/pwa/update';
import { pwaState, resetPwaState } from '../../../src/pwa/state';

class FakeWorker extends EventTarget {
  state = 'installing';
  constructor(private reg: FakeRegistration) {
    super();
  }
  to(state: string) {
    this.state = state;
    if (state === 'installed') (this.reg.installing = null), (this.reg.waiting = this as unknown as ServiceWorker);
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: ServiceWorker | null = null;
  waiting: ServiceWorker | null = null;
  found(): FakeWorker {
    const w = new FakeWorker(this);
    this.installing = w as unknown as ServiceWorker;
    this.dispatchEvent(new Event('updatefound'));
    return w;
  }
}

let controller: object | null;
beforeEach(() => {
  resetPwaState();
  controller = {};
  vi.stubGlobal('navigator', { ...navigator, serviceWorker: { get controller() { return controller; } } });
});
afterEach(() => vi.unstubAllGlobals());

describe('watchForWaiting', () => {
  it('reports a worker that was installing when the page registered, once it waits', () => {
    const reg = new FakeRegistration();
    const w = new FakeWorker(reg);
    reg.installing = w as unknown as ServiceWorker;
    watchForWaiting(reg as unknown as ServiceWorkerRegistration);
    expect(pwaState().isUpdateWaiting).toBe(false);
    w.to('installed');
    expect(pwaState().isUpdateWaiting).toBe(true);
  });

  it('reports every later update, and a new one undoes "Để sau"', () => {
    const reg = new FakeRegistration();
    watchForWaiting(reg as unknown as ServiceWorkerRegistration);
    reg.found().to('installed');
    expect(pwaState().isUpdateWaiting).toBe(true);
    resetPwaState();
    const second = reg.found();
    second.to('installed');
    expect(pwaState()).toMatchObject({ isUpdateWaiting: true, isUpdateDismissed: false });
  });

  it('says nothing of a first install (no worker controls the page yet) or a worker that went on to activate', () => {
    controller = null;
    const reg = new FakeRegistration();
    watchForWaiting(reg as unknown as ServiceWorkerRegistration);
    reg.found().to('installed');
    expect(pwaState().isUpdateWaiting).toBe(false);
    controller = {};
    const w = reg.found();
    w.to('activating');
    expect(pwaState().isUpdateWaiting).toBe(false);
  });
});
