// /above/unit/:unitId/checkins (the level above) and /checkins (the unit): overdue actions at
// the top, highlighted; the year's four quarters with their check-ins, a quarter that ended
// without one flagged; every action with its follow-up, which either side updates. Only the
// level above records a check-in (permissions.ts); a viewer only reads.
import { useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { formatDate, parseYear, todayIso } from '../../lib/dates';
import { useLive } from '../../data/live';
import { quarterCheckIns, quarterOf } from '../../protocol/checkin-rules';
import { YearNav } from '../../ui/YearNav';
import { loadOverview } from './checkins-queries';
import { checkinsBase, useCheckinDb } from './use-checkin-db';
import { ActionItem } from './ActionItem';
import { tc, tcd } from './i18n';
import '../../ui/year-work.css';
import './checkins.css';

export default function CheckinsPage() {
  const { params, query } = useRoute();
  const unitId = params.unitId as string | undefined;
  const base = checkinsBase(unitId);
  const today = todayIso();
  const year = parseYear(query.y) ?? Number(today.slice(0, 4));
  const { db, error } = useCheckinDb(unitId);
  const live = useLive(async () => (db ? loadOverview(db, today) : undefined), [db, today]);
  const o = live.value;
  const inYear = o?.checkIns.filter((c) => c.date.startsWith(`${year}-`)) ?? [];
  const quarters = quarterCheckIns(inYear, year, today, o?.since);
  const dateOf = new Map(o?.checkIns.map((c) => [c.id, c.date]));
  const rest = o?.actions.filter((a) => !o.overdue.includes(a)) ?? [];

  return (
    <main class="page checkins">
      <a class="back" href={unitId ? `/above/unit/${encodeURIComponent(unitId)}` : '/'}>
        ← {unitId ? tc('backUnit') : tc('backHome')}
      </a>
      <h1>{unitId ? tc('title') : tc('unitTitle')}</h1>
      {(error || live.error) && (
        <p class="error" role="alert">
          {tDynamic('err.unexpected')}
        </p>
      )}
      {o && (
        <>
          {o.rights.editCheckIns && (
            <a class="btn primary block ci-new" href={`${base}/new`}>
              + {tc('newCheckIn')}
            </a>
          )}
          {!o.rights.followUp && <p class="muted small">{tc('readOnly')}</p>}
          {o.overdue.length > 0 && (
            <section class="card ci-overdue-card" aria-labelledby="ci-overdue-h">
              <h2 id="ci-overdue-h">
                {tc('overdueTitle')} <span class="badge">{o.overdue.length}</span>
              </h2>
              <ul class="ci-actions">
                {o.overdue.map((a) => (
                  <ActionItem key={a.id} db={db!} action={a} today={today} followUp={o.rights.followUp} edit={false} from={{ href: `${base}/${encodeURIComponent(a.checkInId)}`, date: dateOf.get(a.checkInId) ?? '' }} />
                ))}
              </ul>
            </section>
          )}
          <YearNav year={year} href={(y) => `${base}?y=${y}`} label={tc('yearNav')} title={tc('yearTitle', { year })} prev={tc('prevYear')} next={tc('nextYear')} />
          <section class="card" aria-labelledby="ci-q-h">
            <h2 id="ci-q-h">{tc('quarters')}</h2>
            <ul class="ci-quarters">
              {quarters.map((q) => (
                <li key={q.quarter} class={`ci-q ci-q-${q.state}`}>
                  <div class="row ci-q-head">
                    <strong>{tc('quarter', { q: q.quarter })}</strong>
                    <span class={`ci-q-state${q.state === 'missed' ? ' badge' : ''}`}>{tcd(`state_${q.state}`)}</span>
                  </div>
                  {inYear
                    .filter((c) => quarterOf(c.date) === q.quarter)
                    .map((c) => (
                      <a key={c.id} class="ci-link" href={`${base}/${encodeURIComponent(c.id)}`}>
                        <span>{formatDate(c.date)}</span>
                        {c.place && <span class="muted"> · {c.place}</span>}
                      </a>
                    ))}
                </li>
              ))}
            </ul>
            {quarters.some((q) => q.state === 'missed') && <p class="small ci-warn">{tc('missedNote')}</p>}
            {!inYear.length && <p class="muted small">{unitId ? tc('noCheckIns') : tc('noCheckInsUnit')}</p>}
          </section>
          <section class="card" aria-labelledby="ci-a-h">
            <h2 id="ci-a-h">{tc('actionsTitle')}</h2>
            {!o.actions.length && <p class="muted small">{tc('noActions')}</p>}
            {o.actions.length > 0 && !o.overdue.length && <p class="muted small">{tc('allDone')}</p>}
            <ul class="ci-actions">
              {rest.map((a) => (
                <ActionItem key={a.id} db={db!} action={a} today={today} followUp={o.rights.followUp} edit={false} from={{ href: `${base}/${encodeURIComponent(a.checkInId)}`, date: dateOf.get(a.checkInId) ?? '' }} />
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}
