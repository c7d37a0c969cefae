// Every screen of the level above's own (/above, /above/agenda, /above/unit/:unitId) behind one
// hop (docs/decisions.md "Lazy imports from the shell go through a hop module"): not precached.
import { lazy } from 'preact-iso';

export default lazy(() => import('./AboveScreens'));
