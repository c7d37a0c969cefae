// The sync screens' route entry: a hop that keeps the list of chunks they need out of the
// shell (see chip-loader.ts).
import { lazy } from 'preact-iso';

export default lazy(() => import('./SyncScreens'));
