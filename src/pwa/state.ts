// What the PWA banners show: a tiny observable the lazy update code writes and the lazy
// banner component reads. Part of the shell bundle (it also hears the database
// "versionchange" that src/data/db.ts announces, which can come before the banners load).

export type ReloadReason = 'otherTab' | 'dbUpgrade' | 'afterSave';

export interface PwaState {
  /** a new version is installed and waiting for the user */
  isUpdateWaiting: boolean;
  /** "Để sau" was chosen for this session */
  isUpdateDismissed: boolean;
  /** "Cập nhật" was tapped while a form had unsaved edits */
  mustSaveFirst: boolean;
  isUpdating: boolean;
  /** first install finished: everything is precached */
  isOfflineReady: boolean;
  /** this page runs old code next to a newer worker or database: ask the user to reload */
  reloadReason?: ReloadReason;
}

const initial: PwaState = {
  isUpdateWaiting: false,
  isUpdateDismissed: false,
  mustSaveFirst: false,
  isUpdating: false,
  isOfflineReady: false,
};
let state: PwaState = initial;
const listeners = new Set<() => void>();

export function pwaState(): PwaState {
  return state;
}

export function patchPwaState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const fn of listeners) fn();
}

export function onPwaState(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tests. */
export function resetPwaState(): void {
  state = initial;
}

if (typeof window !== 'undefined') {
  window.addEventListener('scd:db-versionchange', () => patchPwaState({ reloadReason: 'dbUpgrade' }));
}
