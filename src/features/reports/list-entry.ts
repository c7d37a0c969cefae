// The reports list's route entry (/reports and /reports/settings): a hop that keeps the list of
// chunks they need out of the shell (docs/decisions.md "Lazy imports from the shell go through
// a hop module"): the shell names one file for both routes.
import { lazy } from 'preact-iso';

export default lazy(() => import('./ReportListScreens'));
