// /reports and /reports/settings (entry.ts → ReportScreens.tsx): the list of the year's
// reports, and the form of when they are due — one chunk, one i18n registration.
import { useLocation } from 'preact-iso';
import ReportsPage from './ReportsPage';
import ReportSettingsPage from './ReportSettingsPage';

export default function ReportListScreens() {
  const { path } = useLocation();
  return path.replace(/\/+$/, '') === '/reports/settings' ? <ReportSettingsPage /> : <ReportsPage />;
}
