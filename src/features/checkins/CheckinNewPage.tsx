// /above/unit/:unitId/checkins/new — the level above records a check-in with a unit, and the
// actions agreed at it; the cadre's name is the supervisor account's.
import { useLocation, useRoute } from 'preact-iso';
import { todayIso } from '../../lib/dates';
import { useLive } from '../../data/live';
import { aboveUsername, checkinRights } from './checkins-queries';
import { checkinsBase, useCheckinDb } from './use-checkin-db';
import { CheckinForm } from './CheckinForm';
import { tc } from './i18n';
import './checkins.css';

export default function CheckinNewPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const unitId = params.unitId as string | undefined;
  const base = checkinsBase(unitId);
  const { db } = useCheckinDb(unitId);
  const today = todayIso();
  const live = useLive(async () => (db ? { rights: await checkinRights(db), byName: await aboveUsername() } : undefined), [db]);
  const v = live.value;
  return (
    <main class="page checkins">
      <a class="back" href={base}>
        ← {tc('back')}
      </a>
      <h1>{tc('newTitle')}</h1>
      {db && v && (v.rights.editCheckIns ? <CheckinForm db={db} today={today} byName={v.byName} onSaved={(id) => route(`${base}/${encodeURIComponent(id)}`, true)} onCancel={() => route(base)} /> : <p class="muted">{tc('readOnly')}</p>)}
    </main>
  );
}
