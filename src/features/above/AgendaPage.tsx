// /above/agenda — what the level above is invited to (issue 11, the plan: cấp trên attends its
// units' committee meetings and activities): every supervised unit's planned meetings and its
// activities in the next 60 days, by day, each with the unit's name. Read from the phone.
import { useEffect, useState } from 'preact/hooks';
import { formatDate, todayIso } from '../../lib/dates';
import { byDay, type AgendaItem } from '../../protocol/above-agenda-rules';
import { aboveAgenda } from './above-queries';
import { errorText, ta } from './i18n';
import './above.css';

export default function AgendaPage() {
  const [data, setData] = useState<{ value?: AgendaItem[]; error?: unknown }>({});
  useEffect(() => {
    aboveAgenda(todayIso()).then(
      (value) => setData({ value }),
      (error) => setData({ error }),
    );
  }, []);

  return (
    <main class="page above">
      <a class="back" href="/above">← {ta('back')}</a>
      <h1>{ta('agendaTitle')}</h1>
      <p class="muted small">{ta('agendaLead')}</p>
      {data.error ? (
        <p class="error" role="alert">{errorText(data.error)}</p>
      ) : !data.value ? (
        <p class="muted">{ta('loading')}</p>
      ) : !data.value.length ? (
        <p class="empty">{ta('agendaEmpty')}</p>
      ) : (
        byDay(data.value).map((d) => (
          <section key={d.date} class="above-day">
            <h2>{formatDate(d.date)}</h2>
            <ul>
              {d.items.map((it) => (
                <li key={`${it.unitId}:${it.id}`}>
                  <strong>{it.time ? `${it.time} · ` : ''}{it.title}</strong>
                  <span class="muted small">
                    {ta(it.kind)} · <a href={`/above/unit/${it.unitId}`}>{it.unitName}</a>
                    {it.place ? ` · ${it.place}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
