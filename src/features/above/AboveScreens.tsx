// The level above's screens behind one route module (entry.ts): its home, a unit's detail and
// the agenda. The screens of check-ins, reports received, notes and rating are their features'.
import { useRoute } from 'preact-iso';
import AboveHome from './AboveHome';
import AgendaPage from './AgendaPage';
import UnitDetailPage from './UnitDetailPage';

export default function AboveScreens() {
  const { path, params } = useRoute();
  if (path === '/above/agenda') return <AgendaPage />;
  if (params.unitId) return <UnitDetailPage unitId={params.unitId} />;
  return <AboveHome />;
}
