// Does this phone only read its unit's book (a viewer, the level above)? The read-only part
// (features/readonly) marks <html data-ro> once it knows the unit's role; the CSS it brings
// hides what is marked "w". Where hiding is not enough — a tick box or a form whose values are
// the record itself — a screen disables it with this hook instead. Imported by screens that
// are not precached only: the precached ones use the "w"/"r" classes (no code in the precache).
import { useEffect, useState } from 'preact/hooks';

export function isReadOnly(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute('data-ro');
}

export function useReadOnly(): boolean {
  const [ro, setRo] = useState(isReadOnly);
  useEffect(() => {
    const watch = new MutationObserver(() => setRo(isReadOnly()));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-ro'] });
    setRo(isReadOnly());
    return () => watch.disconnect();
  }, []);
  return ro;
}
