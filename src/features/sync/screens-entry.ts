// The field sync screens' route entry (status, conflicts, needs attention): a hop that keeps
// the list of chunks they need out of the shell. Precached.
import { lazy } from 'preact-iso';

export default lazy(() => import('./SyncScreens'));
