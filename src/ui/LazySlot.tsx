// A part of a screen whose code loads after the screen's first paint (Home's year card, the
// Settings year choice): the screen never waits for it, and it stays out of the precache
// (fetched in the background after install). Nothing shows if its code is not on the phone.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function LazySlot({ load, class: className }: { load: () => Promise<ComponentType>; class?: string }) {
  const [Part, setPart] = useState<ComponentType | null>(null);
  useEffect(() => {
    let alive = true;
    load().then((c) => alive && setPart(() => c)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return <div class={className}>{Part && <Part />}</div>;
}
