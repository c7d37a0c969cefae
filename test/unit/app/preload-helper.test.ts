// @vitest-environment jsdom
// The build's lazy-import helper (src/app/preload-helper.ts, put in place of Vite's by
// vite.config.ts): a screen's chunk is asked for at once, beside its stylesheets, and handed
// over only once they have loaded; a failure reaches "vite:preloadError" (the preload guard)
// as with Vite's own helper. jsdom loads no stylesheet: each link's load or error is fired here.
import { afterEach, describe, expect, test } from 'vitest';
import { __vitePreload } from '../../../src/app/preload-helper';

const links = (rel: string) => [...document.head.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`)];
const cssLink = (name: string) => links('stylesheet').find((l) => l.href.endsWith(name));
const settled = async <T>(p: Promise<T>) => {
  let state = 'pending';
  p.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((r) => setTimeout(r, 0));
  return state;
};
/** The helper links in the task after the call: one turn of the event loop. */
const linked = () => new Promise((r) => setTimeout(r, 0));
let n = 0;
/** A dep name not used by another test (the helper remembers what it loaded, per page). */
const fresh = (ext: string) => `assets/t${++n}.${ext}`;

afterEach(() => {
  document.head.innerHTML = '';
});

describe('__vitePreload', () => {
  test('asks for the chunk at once and hands it over once its stylesheet has loaded', async () => {
    const css = fresh('css');
    let asked = 0;
    const chunk = { default: 'Screen' };
    const p = __vitePreload(async () => (asked++, chunk), [css]);
    expect(asked).toBe(1); // before the stylesheet has loaded
    expect(await settled(p)).toBe('pending');
    cssLink(css)!.dispatchEvent(new Event('load'));
    await expect(p).resolves.toBe(chunk);
  });

  test('links the stylesheets in the next task, not in the one that asked (the first render)', async () => {
    const [a, b] = [fresh('css'), fresh('css')];
    let asked = 0;
    const p = __vitePreload(async () => (asked++, 'Screen'), [a, b]);
    expect(asked).toBe(1);
    expect(links('stylesheet')).toHaveLength(0);
    await linked();
    expect(links('stylesheet').map((l) => l.href)).toEqual([`${location.origin}/${a}`, `${location.origin}/${b}`]);
    cssLink(a)!.dispatchEvent(new Event('load'));
    expect(await settled(p)).toBe('pending');
    cssLink(b)!.dispatchEvent(new Event('load'));
    await expect(p).resolves.toBe('Screen');
  });

  test('a stylesheet is linked once: a second import waits on the same load, a later one not at all', async () => {
    const css = fresh('css');
    const a = __vitePreload(async () => 'a', [css]);
    const b = __vitePreload(async () => 'b', [css]);
    await linked();
    expect(links('stylesheet').filter((l) => l.href.endsWith(css))).toHaveLength(1);
    expect(await settled(b)).toBe('pending');
    cssLink(css)!.dispatchEvent(new Event('load'));
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    await expect(__vitePreload(async () => 'c', [css])).resolves.toBe('c');
    expect(links('stylesheet').filter((l) => l.href.endsWith(css))).toHaveLength(1);
  });

  test('a stylesheet the page already links is not linked again', async () => {
    const css = fresh('css');
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/${css}`;
    document.head.append(link);
    await expect(__vitePreload(async () => 'x', [css])).resolves.toBe('x');
    expect(links('stylesheet')).toHaveLength(1);
  });

  test('a JavaScript dep is a modulepreload (or preload) link, not waited for', async () => {
    const js = fresh('js');
    await expect(__vitePreload(async () => 'x', [js])).resolves.toBe('x');
    await linked();
    const link = [...document.head.querySelectorAll('link')].find((l) => l.href === `${location.origin}/${js}`)!;
    expect(['modulepreload', 'preload']).toContain(link.rel);
    expect(link.as).toBe('script');
  });

  test('a stylesheet that fails: "vite:preloadError" with the error, then the import fails with it', async () => {
    const css = fresh('css');
    const seen: unknown[] = [];
    const listen = (e: Event) => seen.push((e as Event & { payload: unknown }).payload);
    window.addEventListener('vite:preloadError', listen);
    try {
      const p = __vitePreload(async () => 'x', [css]);
      await linked();
      cssLink(css)!.dispatchEvent(new Event('error'));
      await expect(p).rejects.toThrow(`Unable to preload CSS for ${location.origin}/${css}`);
      expect(seen).toHaveLength(1);
    } finally {
      window.removeEventListener('vite:preloadError', listen);
    }
  });

  test('a listener that takes the error (the guard reloading the page) gets the chunk, or nothing', async () => {
    const take = (e: Event) => e.preventDefault();
    window.addEventListener('vite:preloadError', take);
    try {
      const css = fresh('css');
      const p = __vitePreload(async () => 'x', [css]);
      await linked();
      cssLink(css)!.dispatchEvent(new Event('error'));
      await expect(p).resolves.toBe('x');
      await expect(__vitePreload(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), [])).resolves.toBeUndefined();
    } finally {
      window.removeEventListener('vite:preloadError', take);
    }
  });

  test('a chunk that fails: "vite:preloadError", then the import fails with its error', async () => {
    let events = 0;
    const count = () => events++;
    window.addEventListener('vite:preloadError', count);
    try {
      const css = fresh('css');
      const error = new TypeError('Failed to fetch dynamically imported module: /assets/x.js');
      const p = __vitePreload(() => Promise.reject(error), [css]);
      expect(await settled(p)).toBe('pending'); // the stylesheet first
      cssLink(css)!.dispatchEvent(new Event('load'));
      await expect(p).rejects.toBe(error);
      expect(events).toBe(1);
    } finally {
      window.removeEventListener('vite:preloadError', count);
    }
  });
});
