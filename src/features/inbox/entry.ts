// Every inbox route (/above/reports, /above/unit/:unitId/reports/:reportId,
// /above/unit/:unitId/notes, /notes) behind one hop: the shell names one file for the feature,
// so its screens cost the precache nothing (like reports/entry.ts).
import { lazy } from 'preact-iso';

export default lazy(() => import('./InboxScreens'));
