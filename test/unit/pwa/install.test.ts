// @vitest-environment jsdom
// Install offers: beforeinstallprompt is caught whenever it fires and used once; iOS is told
// to use the Share sheet.
import { describe, expect, it, vi } from 'vitest';
import { canInstall, isIos, onInstallChange, promptInstall } from '../../../src/pwa/install';

describe('beforeinstallprompt', () => {
  it('is captured, offered once, and the browser infobar is suppressed', async () => {
    const changes = vi.fn();
    const off = onInstallChange(changes);
    expect(canInstall()).toBe(false);

    const e = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(() => Promise.resolve()),
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    window.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(canInstall()).toBe(true);

    expect(await promptInstall()).toBe(true);
    expect(e.prompt).toHaveBeenCalledTimes(1);
    expect(canInstall()).toBe(false);
    expect(await promptInstall()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
    off();
  });

  it('is forgotten once the app is installed', () => {
    window.dispatchEvent(
      Object.assign(new Event('beforeinstallprompt'), { prompt: vi.fn(), userChoice: new Promise(() => undefined) }),
    );
    expect(canInstall()).toBe(true);
    window.dispatchEvent(new Event('appinstalled'));
    expect(canInstall()).toBe(false);
  });
});

describe('isIos', () => {
  it('knows iPhones and iPads (which say Macintosh but have touch)', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    const ipad = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    const android = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    expect(isIos(iphone, 5)).toBe(true);
    expect(isIos(ipad, 5)).toBe(true);
    expect(isIos(ipad, 0)).toBe(false); // a real Mac
    expect(isIos(android, 5)).toBe(false);
  });
});
