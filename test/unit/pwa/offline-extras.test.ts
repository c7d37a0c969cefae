// @vitest-environment jsdom
// The background fetch of what the precache leaves out (issue 8 item 14): once a service
// worker is in charge, every missing file is fetched one at a time (the worker keeps it), so
// every screen opens offline from the second visit on — but not on Save-Data, not offline,
// and a failure stops it quietly (the rest comes on a later start).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { keepExtrasInBackground, keepExtrasWhileOnline } from '../../../src/pwa/offline-extras';

const LIST = [
  { url: '/assets/GridPage-x.js', bytes: 10 },
  { url: '/assets/BackupPage-y.js', bytes: 20 },
  { url: '/icons/icon-192.png', bytes: 30 },
];

function phone(o: { saveData?: boolean; onLine?: boolean; controlled?: boolean; cached?: string[]; failOn?: string } = {}) {
  const cached = new Set(o.cached ?? []);
  const fetched: string[] = [];
  vi.stubGlobal('navigator', {
    onLine: o.onLine ?? true,
    connection: o.saveData === undefined ? undefined : { saveData: o.saveData },
    serviceWorker: { controller: o.controlled === false ? null : {} },
  });
  vi.stubGlobal('caches', { match: async (url: string) => (cached.has(url) ? new Response('') : undefined) });
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/offline-extras.json') return new Response(JSON.stringify(LIST));
    fetched.push(url);
    if (url === o.failOn) throw new TypeError('Failed to fetch');
    cached.add(url); // what the service worker does
    return new Response('x');
  });
  return { fetched, cached };
}

afterEach(() => vi.unstubAllGlobals());

describe('keepExtrasInBackground', () => {
  test('fetches every file not on the phone yet, in order, and says how many', async () => {
    const p = phone({ cached: ['/assets/BackupPage-y.js'], saveData: false });
    expect(await keepExtrasInBackground()).toBe(2);
    expect(p.fetched).toEqual(['/assets/GridPage-x.js', '/icons/icon-192.png']);
    // the next start finds everything and fetches nothing
    expect(await keepExtrasInBackground()).toBe(0);
    expect(p.fetched).toHaveLength(2);
  });

  test('nothing on Save-Data, offline, or without a service worker in charge', async () => {
    for (const o of [{ saveData: true }, { onLine: false }, { controlled: false }]) {
      const p = phone(o);
      expect(await keepExtrasInBackground()).toBe(0);
      expect(p.fetched).toEqual([]);
    }
  });

  test('a failure stops it without an error; what came before is kept', async () => {
    const p = phone({ failOn: '/assets/BackupPage-y.js' });
    expect(await keepExtrasInBackground()).toBe(1);
    expect(p.fetched).toEqual(['/assets/GridPage-x.js', '/assets/BackupPage-y.js']);
    expect(p.cached.has('/assets/GridPage-x.js')).toBe(true);
  });

  test('stops before the next file once an update is on its way or accepted', async () => {
    const p = phone();
    let isStopped = false;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url === '/offline-extras.json') return new Response(JSON.stringify(LIST));
      p.fetched.push(url);
      isStopped = true; // the new worker turned up while this file was loading
      return new Response('x');
    });
    expect(await keepExtrasInBackground(() => isStopped)).toBe(1);
    expect(p.fetched).toEqual(['/assets/GridPage-x.js']);
    expect(await keepExtrasInBackground(() => isStopped)).toBe(0);
    expect(p.fetched).toHaveLength(1);
  });
});

describe('keepExtrasWhileOnline', () => {
  test('a drop half-way: the rest comes when the network is back, once', async () => {
    const p = phone({ failOn: '/assets/BackupPage-y.js' });
    const runs: Promise<number>[] = [];
    keepExtrasWhileOnline(() => false, (r) => runs.push(r));
    expect(await runs[0]).toBe(1);
    expect(p.cached.has('/assets/BackupPage-y.js')).toBe(false);
    // the signal is back
    vi.stubGlobal('fetch', async (url: string) => {
      if (url === '/offline-extras.json') return new Response(JSON.stringify(LIST));
      p.fetched.push(url);
      p.cached.add(url);
      return new Response('x');
    });
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online')); // a second event while it runs starts nothing more
    expect(runs).toHaveLength(2);
    expect(await runs[1]).toBe(2);
    expect(p.fetched).toEqual(['/assets/GridPage-x.js', '/assets/BackupPage-y.js', '/assets/BackupPage-y.js', '/icons/icon-192.png']);
  });
});
