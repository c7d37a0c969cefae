// The read-only part's public module: a hop with no static imports,
// so the sync chip's dynamic import of it carries no preload list and costs the precached chip
// a few bytes only. ReadOnlyBar.tsx (not precached) does the work.
import type { ComponentType } from 'preact';

export interface ReadOnlyProps {
  /** the unit's role on this phone (ServerLink.role); undefined: no server, the secretary */
  role: string | undefined;
  unitName: string;
}

export const loadReadOnly = (): Promise<ComponentType<ReadOnlyProps>> => import('./ReadOnlyBar').then((m) => m.ReadOnly);
