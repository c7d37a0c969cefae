// Every report route (/reports, /reports/settings, /reports/:id, /reports/:id/print) behind one
// hop (docs/decisions.md "Lazy imports from the shell go through a hop module"): the shell
// names one file for the whole feature, so adding a report screen costs the precache nothing.
import { lazy } from 'preact-iso';

export default lazy(() => import('./ReportScreens'));
