// The check-in routes' switch (entry.ts): each screen is its own chunk, loaded when opened —
// the list by quarter, the new check-in's form, one check-in, its printed record. The level
// above's paths (/above/unit/:unitId/checkins…) and the unit's (/checkins…) share the screens;
// :unitId says whose database.
import { lazy, useRoute } from 'preact-iso';

const CheckinsPage = lazy(() => import('./CheckinsPage'));
const CheckinNewPage = lazy(() => import('./CheckinNewPage'));
const CheckinDetailPage = lazy(() => import('./CheckinDetailPage'));
const CheckinPrintPage = lazy(() => import('./CheckinPrintPage'));

export default function CheckinScreens() {
  const { path, params } = useRoute();
  if (!params.id) return /\/new\/?$/.test(path) ? <CheckinNewPage /> : <CheckinsPage />;
  return /\/print\/?$/.test(path) ? <CheckinPrintPage /> : <CheckinDetailPage />;
}
