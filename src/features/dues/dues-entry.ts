// The dues screens' route entry: a hop that keeps the list of chunks they need out of the
// shell (docs/decisions.md "Lazy imports from the shell go through a hop module"). Precached.
import { lazy } from 'preact-iso';

export default lazy(() => import('./DuesScreens'));
