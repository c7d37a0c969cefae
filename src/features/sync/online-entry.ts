// The route entry of the sync screens that need the network anyway (OnlineSyncScreens.tsx,
// not precached): a hop with no static imports, so the shell's dynamic import of it carries
// no list of chunks to preload (see chip-loader.ts). The shell wraps it in lazyRoute(), which
// says so when the chunk is not on the phone.
export const loadOnlineSyncScreens = () => import('./OnlineSyncScreens');
