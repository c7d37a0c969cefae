// Vite's `__vitePreload`, which every lazy import of the build calls (vite.config.ts puts this
// module in place of Vite's own). The one change: the screen's chunk is imported at once,
// beside its stylesheets, not after they have loaded. Vite's helper waited for every
// stylesheet before it asked for the chunk, a whole round through the service worker before
// the first line of a screen's code (/rating at 4×: the CSS 663 → 698 ms, then its chunk
// asked for at 740, issue 13). The screen still renders only once both are in (the lazy
// route waits on what this returns), so nothing paints unstyled; a chunk's top level renders
// nothing. Failures reach "vite:preloadError" as before (src/pwa/preload-guard.ts): a
// stylesheet's first, then the chunk's.
type Preloaded = Promise<void> | undefined;

const seen: Record<string, Preloaded> = {};
const scriptRel = document.createElement('link').relList?.supports?.('modulepreload') ? 'modulepreload' : 'preload';

/** Dispatches "vite:preloadError"; throws unless a listener took it (the guard reloading). */
function failed(error: unknown): undefined {
  const e = new Event('vite:preloadError', { cancelable: true }) as Event & { payload?: unknown };
  e.payload = error;
  window.dispatchEvent(e);
  if (!e.defaultPrevented) throw error;
  return undefined;
}

/**
 * Links are added to the page in a task of their own, right after the one that asked. The
 * first screen's import runs inside the shell's first render, and each link added there
 * starts its request in that task: 4 stylesheets of /year cost 33 ms of a 108 ms render at 4×
 * CPU (issue 13, B9's longest task). The chunk is still asked for at once; a stylesheet comes
 * through the service worker sooner than the screen's chunk and its imports.
 */
let toLink: HTMLLinkElement[] | undefined;
function linkSoon(link: HTMLLinkElement): void {
  if (toLink) return void toLink.push(link);
  toLink = [link];
  setTimeout(() => {
    const links = toLink!;
    toLink = undefined;
    document.head.append(...links);
  }, 0);
}

/** The page's links when a lazy import starts: every href, and the stylesheets'. */
function linksNow(): { all: Set<string>; styles: Set<string> } {
  const all = new Set<string>();
  const styles = new Set<string>();
  for (const l of document.getElementsByTagName('link')) {
    all.add(l.href);
    if (l.rel === 'stylesheet') styles.add(l.href);
  }
  return { all, styles };
}

/** A stylesheet (waited for) or a module preload (not) for one dep, once per page. */
function preloadOnce(dep: string, links: () => { all: Set<string>; styles: Set<string> }): Preloaded {
  const href = new URL(`/${dep}`, location.href).href;
  if (href in seen) return seen[href];
  const css = href.endsWith('.css');
  const { all, styles } = links();
  if ((css ? styles : all).has(href)) return (seen[href] = undefined);
  const link = document.createElement('link');
  link.rel = css ? 'stylesheet' : scriptRel;
  if (!css) link.as = 'script';
  link.crossOrigin = '';
  link.href = href;
  linkSoon(link);
  if (!css) return (seen[href] = undefined);
  // Settled, it counts as there (as in Vite): a later import does not wait on it again.
  return (seen[href] = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve);
    link.addEventListener('error', () => reject(new Error(`Unable to preload CSS for ${href}`)));
  }).then(
    () => void (seen[href] = undefined),
    (error: unknown) => {
      seen[href] = undefined;
      throw error;
    },
  ));
}

export function __vitePreload<M>(load: () => Promise<M>, deps?: string[]): Promise<M | undefined> {
  const chunk = load();
  chunk.catch(() => undefined); // answered below, after the stylesheets
  let links: ReturnType<typeof linksNow> | undefined;
  const now = () => (links ??= linksNow());
  return Promise.all((deps ?? []).map((d) => preloadOnce(d, now))).then(
    () => chunk.catch(failed),
    (error) => {
      failed(error);
      return chunk.catch(failed);
    },
  );
}
