// A hop with no static imports, so the shell's dynamic import of it carries no list of
// chunks to preload (vite puts that list in the importing chunk); the list for the chip
// lives here instead.
export const loadChip = () => import('./SyncIndicator').then((m) => m.SyncIndicator);
