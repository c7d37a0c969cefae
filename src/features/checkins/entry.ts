// Every check-in route (the level above's /above/unit/:unitId/checkins… and the unit's
// /checkins…) behind one hop (docs/decisions.md "Lazy imports from the shell go through a hop
// module"): the shell names one file for the whole feature, so the screens cost the precache
// nothing.
import { lazy } from 'preact-iso';

export default lazy(() => import('./CheckinScreens'));
