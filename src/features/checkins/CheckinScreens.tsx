// The check-in routes' switch (entry.ts): two routes, /above/unit/:unitId/checkins/:id?/:p?
// (the level above, in a supervised unit's database) and /checkins/:id?/:p? (the unit's own),
// so the shell's route table stays short. Each screen is its own chunk, loaded when opened —
// the list by quarter, the new check-in's form, one check-in, its printed record.
import { lazy, useRoute } from 'preact-iso';
// In the shell (routes.tsx imports it): no chunk to load.
import NotFoundPage from '../../app/NotFoundPage';

const CheckinsPage = lazy(() => import('./CheckinsPage'));
const CheckinNewPage = lazy(() => import('./CheckinNewPage'));
const CheckinDetailPage = lazy(() => import('./CheckinDetailPage'));
const CheckinPrintPage = lazy(() => import('./CheckinPrintPage'));

export default function CheckinScreens() {
  const { params } = useRoute();
  const { id, p } = params;
  if (!id) return <CheckinsPage />;
  // only the level above records a check-in; ids are uuidv7, never "new"
  if (id === 'new' && params.unitId && !p) return <CheckinNewPage />;
  if (!p) return <CheckinDetailPage />;
  return p === 'print' ? <CheckinPrintPage /> : <NotFoundPage />;
}
