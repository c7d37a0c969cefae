// The inbox's routes (entry.ts): reports received and a report opened at the level above, the
// notes on both sides. Each screen its own chunk, loaded when opened.
import { lazy, useRoute } from 'preact-iso';

const CompletenessPage = lazy(() => import('./CompletenessPage'));
const ReceivedReportPage = lazy(() => import('./ReceivedReportPage'));
const AboveNotesPage = lazy(() => import('./NotesPage').then((m) => m.AboveNotesPage));
const UnitNotesPage = lazy(() => import('./NotesPage').then((m) => m.UnitNotesPage));

export default function InboxScreens() {
  const { path, params } = useRoute();
  if (params.reportId) return <ReceivedReportPage />;
  if (params.unitId) return <AboveNotesPage />;
  return path.replace(/\/+$/, '') === '/notes' ? <UnitNotesPage /> : <CompletenessPage />;
}
