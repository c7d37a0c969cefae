// The report routes' switch (entry.ts): each screen is its own chunk, loaded when opened —
// the list and its due-date form, the editor, the printed document.
import { lazy, useRoute } from 'preact-iso';

const ReportListScreens = lazy(() => import('./ReportListScreens'));
const ReportPage = lazy(() => import('./ReportPage'));
const ReportPrintPage = lazy(() => import('./ReportPrintPage'));

export default function ReportScreens() {
  const { path, params } = useRoute();
  if (!params.id || path.replace(/\/+$/, '') === '/reports/settings') return <ReportListScreens />;
  return /\/print\/?$/.test(path) ? <ReportPrintPage /> : <ReportPage />;
}
