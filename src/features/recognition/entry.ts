// The level above's rating screen of a unit (/above/unit/:unitId/rating) behind one hop
// (docs/decisions.md "Lazy imports from the shell go through a hop module"): the shell names
// one file, so the screen costs the precache nothing but this import.
import { lazy } from 'preact-iso';

export default lazy(() => import('./RecognitionPage'));
