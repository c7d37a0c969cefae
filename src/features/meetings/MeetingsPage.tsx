// /meetings?m=yyyy-mm: the month at a glance — a compact Monday-first grid with a dot on
// days that have something, then the agenda grouped by day: meetings and activities,
// planned, held or cancelled, with kind and time. The month lives in the address so "back"
// from a meeting returns to the same month.
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { useLive } from '../../data/live';
import { monthLabel, todayIso } from '../../lib/dates';
import { listMeetingsInMonth } from './meeting-queries';
import { listActivitiesInMonth } from '../activities/activity-queries';
import { anchorsInMonth, groupByDay, monthGrid, monthOf, parseMonth, shiftMonth, toCalendarItems, type CalendarItem, type DayGroup } from './calendar';
import { activityKindLabel, dayLabel, meetingKindLabel, statusLabel } from './labels';
import './meetings.css';

async function loadMonth(month: string): Promise<DayGroup[]> {
  const [meetings, activities] = await Promise.all([listMeetingsInMonth(month), listActivitiesInMonth(month)]);
  return groupByDay(toCalendarItems(meetings, activities));
}

export default function MeetingsPage() {
  const { query } = useLocation();
  const today = todayIso();
  const thisMonth = monthOf(today);
  const month = parseMonth(query.m) ?? thisMonth;
  const days = useLive(async () => loadMonth(month), [month]);
  const groups = days.value ?? [];
  const newHref = month === thisMonth ? '/meetings/new' : `/meetings/new?date=${month}-01`;

  return (
    <main class="page meetings">
      <div class="row spread">
        <h1>{t('meetings.title')}</h1>
        <a class="btn small-btn w" href="/meetings/settings">
          {t('meetings.settingsTitle')}
        </a>
      </div>
      <nav class="month-nav" aria-label={t('meetings.monthNav')}>
        <a class="btn" href={`/meetings?m=${shiftMonth(month, -1)}`} aria-label={t('meetings.prevMonth')}>
          ‹
        </a>
        <strong aria-live="polite">{t('meetings.monthTitle', { month: monthLabel(month) })}</strong>
        <a class="btn" href={`/meetings?m=${shiftMonth(month, 1)}`} aria-label={t('meetings.nextMonth')}>
          ›
        </a>
      </nav>
      {month !== thisMonth && (
        <p class="center">
          <a href="/meetings">{t('meetings.backToThisMonth')}</a>
        </p>
      )}
      <MonthGrid month={month} today={today} groups={groups} />
      <Anchors month={month} />
      {days.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {days.isLoaded && groups.length === 0 && (
        <div class="card empty">
          <p>{t('meetings.emptyMonth')}</p>
        </div>
      )}
      {groups.map((g) => (
        <section key={g.date} id={`d-${g.date}`} class={`day-group${g.date === today ? ' today' : ''}`}>
          <h2 class="day-title">
            {dayLabel(g.date)}
            {g.date === today && <span class="badge info">{t('meetings.today')}</span>}
          </h2>
          <ul class="agenda">
            {g.items.map((item) => (
              <AgendaItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
      <div class="row links-row">
        <a class="btn" href="/activities">{t('activities.title')}</a>
        <a class="btn w" href="/activities/new">+ {t('activities.addShort')}</a>
        <a class="btn" href="/attendance/warnings">{t('meetings.warningsLink')}</a>
      </div>
      <a class="btn primary fab w" href={newHref}>
        + {t('meetings.planShort')}
      </a>
    </main>
  );
}

function AgendaItem({ item }: { item: CalendarItem }) {
  const isMeeting = item.type === 'meeting';
  const href = isMeeting ? `/meetings/${item.id}` : `/activities/${item.id}`;
  return (
    <li>
      <a class={`agenda-item status-${item.status}`} href={href}>
        <span class="when">{isMeeting ? item.time : t('meetings.allDay')}</span>
        <span class="what">
          <span class="title">{item.title}</span>
          <span class="muted small">
            <span class={`pill ${item.status}`}>{statusLabel(item.status)}</span>{' '}
            {isMeeting ? meetingKindLabel(item.kind) : `${t('activities.one')} · ${activityKindLabel(item.kind)}`}
            {isMeeting && item.endTime ? ` · ${t('meetings.until', { time: item.endTime })}` : ''}
            {item.place ? ` · ${item.place}` : ''}
          </span>
        </span>
      </a>
    </li>
  );
}

const WEEKDAY_SHORT: MessageKey[] = ['meetings.wdShort0', 'meetings.wdShort1', 'meetings.wdShort2', 'meetings.wdShort3', 'meetings.wdShort4', 'meetings.wdShort5', 'meetings.wdShort6'];

function MonthGrid({ month, today, groups }: { month: string; today: string; groups: DayGroup[] }) {
  const weeks = useMemo(() => monthGrid(month), [month]);
  const byDate = useMemo(() => new Map(groups.map((g) => [g.date, g.items])), [groups]);
  const anchors = useMemo(() => new Set(anchorsInMonth(month).map((a) => a.date)), [month]);
  const jump = (date: string) => document.getElementById(`d-${date}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <table class="month-grid" aria-label={t('meetings.monthTitle', { month: monthLabel(month) })}>
      <thead>
        <tr>
          {WEEKDAY_SHORT.map((k) => (
            <th key={k} scope="col">{t(k)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].date}>
            {week.map((c) => {
              const items = c.inMonth ? byDate.get(c.date) : undefined;
              const cls = [c.inMonth ? '' : 'out', c.date === today ? 'today' : '', anchors.has(c.date) ? 'anchor' : ''].filter(Boolean).join(' ');
              return (
                <td key={c.date} class={cls}>
                  {items ? (
                    <button type="button" onClick={() => jump(c.date)} aria-label={`${dayLabel(c.date)}: ${items.length}`}>
                      {c.day}
                      <span class="dots" aria-hidden="true">
                        {items.slice(0, 3).map((i) => (
                          <i key={i.id} class={i.status} />
                        ))}
                      </span>
                    </button>
                  ) : (
                    <span>{c.inMonth ? c.day : ''}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Anchors({ month }: { month: string }) {
  const list = anchorsInMonth(month);
  if (!list.length) return null;
  return (
    <p class="muted small anchors">
      {list.map((a) => `${a.date.slice(8, 10)}/${a.date.slice(5, 7)} ${t(`meetings.anchor_${a.key}` as MessageKey)}`).join(' · ')}
    </p>
  );
}
