// /committee — the committee (Ban Chấp hành) of the term in force: secretary, deputies and
// members with their since-dates, empty seats with a by-election button, x/y seats, the next
// congress (a warning under 3 months or overdue), committee meetings held against the rule,
// the Ban Thường vụ of a Đoàn cơ sở, the terms' history and the committee's settings.
import { useEffect } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, todayIso } from '../../lib/dates';
import { COMMITTEE_POSITIONS, type CommitteePosition } from '../../protocol/committee-enums';
import type { CommitteeSeat, CommitteeTerm } from '../../protocol/committee';
import { nextCongressDue } from '../../protocol/committee-rules';
import { loadCommittee, type CommitteeView, type NamedSeat } from './committee-queries';
import { CommitteeMeetingsCard } from './CommitteeMeetingsCard';
import { CommitteeSettingsCard } from './CommitteeSettingsCard';
import { catchUpPositions } from './positions-sync';
import { positionLabel, reasonLabel, tc } from './i18n';
import '../../ui/year-work.css';
import './committee.css';

export default function CommitteePage() {
  const today = todayIso();
  const data = useLive(() => loadCommittee(today), [today]);
  // a seat or term dated since it was saved takes effect on the members' records now
  useEffect(() => void catchUpPositions(today).catch(() => undefined), [today]);
  if (!data.isLoaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  if (data.error || !data.value) return <main class="page"><h1>{tc('title')}</h1><p class="error" role="alert">{tDynamic('err.unexpected')}</p></main>;
  const v = data.value;
  return (
    <main class="page committee">
      <h1>{tc('title')}</h1>
      {v.current ? <CurrentTerm v={v} /> : <NoTerm upcoming={v.upcoming} />}
      <CommitteeMeetingsCard m={v.meetings} />
      {v.terms.length > 0 && <History terms={v.terms} termMonths={v.termMonths} />}
      <CommitteeSettingsCard termMonths={v.termMonthsDefault ? undefined : v.termMonths} frequency={v.frequency} />
    </main>
  );
}

function NoTerm({ upcoming }: { upcoming?: CommitteeTerm }) {
  return (
    <section class="card">
      {upcoming ? (
        <p>{tc('upcoming', { label: upcoming.label, date: formatDate(upcoming.startsOn) })}</p>
      ) : (
        <>
          <p>{tc('noTerm')}</p>
          <p class="muted">{tc('noTermHint')}</p>
        </>
      )}
      <a class="btn primary block w" href="/committee/term">{tc('startTerm')}</a>
    </section>
  );
}

function CurrentTerm({ v }: { v: CommitteeView }) {
  const c = v.current!;
  const { term } = c.state;
  const missing = c.state.size - c.state.filled;
  const seatHref = (p: CommitteePosition) => `/committee/seat?term=${encodeURIComponent(term.id)}&position=${p}`;
  return (
    <>
      <section class="card" aria-labelledby="cm-term">
        <h2 id="cm-term">{tc('termTitle', { label: term.label })}</h2>
        <p class="muted">{tc('termSpan', { from: formatDate(term.startsOn), to: formatDate(c.due) })}</p>
        <p class="row spread">
          <strong>{tc('sizeLine', { filled: c.state.filled, size: c.state.size })}</strong>
          <span class={c.state.complete ? 'pill excellent' : 'pill none'}>
            {c.state.complete ? tc('complete') : missing > 0 ? tc('missing', { n: missing }) : tc('noSecretary')}
          </span>
        </p>
        <Congress due={c.due} monthsLeft={c.monthsLeft} soon={c.soon} />
        {v.upcoming && <p class="muted">{tc('upcoming', { label: v.upcoming.label, date: formatDate(v.upcoming.startsOn) })}</p>}
        <a class="btn small-btn w" href={`/committee/term?id=${encodeURIComponent(term.id)}`}>{tc('editTerm')}</a>
      </section>

      <section class="card" aria-label={tc('title')}>
        {COMMITTEE_POSITIONS.map((p) => (
          <SeatGroup key={p} position={p} seats={c.seats.filter((s) => s.seat.position === p)} vacant={c.vacant[p]} href={seatHref(p)} />
        ))}
        {c.state.vacancies === 0 && <a class="btn block small-btn w" href={seatHref('committeeMember')}>{tc('addSeat')}</a>}
      </section>

      {v.unitKind === 'baseUnion' && <Standing seats={c.seats.filter((s) => s.seat.standing)} size={term.standingSize ?? 0} />}

      <SeatList id="cm-upcoming" title={tc('upcomingSeatsTitle')} seats={c.upcoming} line={(s) => tc('upcomingSeatLine', { position: positionLabel(s.position), from: formatDate(s.from) })} />
      <SeatList
        id="cm-ended"
        title={tc('endedTitle')}
        seats={c.ended}
        line={(s) =>
          tc('endedLine', { position: positionLabel(s.position), from: formatDate(s.from), to: s.to ? formatDate(s.to) : tc('leftUnit') }) +
          (s.endReason ? ` — ${reasonLabel(s.endReason)}` : '')
        }
      />
    </>
  );
}

/** A titled card listing seats off the roster (dated ahead, or ended), each opening its seat; nothing when empty. */
function SeatList({ id, title, seats, line }: { id: string; title: string; seats: NamedSeat[]; line: (seat: CommitteeSeat) => string }) {
  if (!seats.length) return null;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="cm-list">
        {seats.map((s) => (
          <li key={s.seat.id}>
            <a href={`/committee/seat?id=${encodeURIComponent(s.seat.id)}`}>
              <span class="name">{s.name}</span>
              <span class="sub">{line(s.seat)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Congress({ due, monthsLeft, soon }: { due: string; monthsLeft: number; soon?: 'overdue' | 'soon' }) {
  const date = formatDate(due);
  const line = soon === 'overdue' ? tc('nextCongressOverdue', { date }) : monthsLeft === 0 ? tc('nextCongressLastMonth', { date }) : tc('nextCongress', { date, n: monthsLeft });
  if (!soon) return <p>{line}</p>;
  return (
    <div class="warn-box" role="status">
      <strong>{line}</strong>
      <div>{soon === 'overdue' ? tc('congressOverdue') : tc('congressSoon')}</div>
    </div>
  );
}

function SeatGroup({ position, seats, vacant, href }: { position: CommitteePosition; seats: NamedSeat[]; vacant: number; href: string }) {
  if (!seats.length && !vacant) return null;
  return (
    <div class="cm-group">
      <h3>{tc(`group_${position}`)}</h3>
      <ul class="cm-list">
        {seats.map((s) => (
          <li key={s.seat.id}>
            <a href={`/committee/seat?id=${encodeURIComponent(s.seat.id)}`}>
              <span class="name">
                {s.name}
                {s.seat.standing && <span class="pill good">{tc('standingTag')}</span>}
              </span>
              <span class="sub">{tc('since', { date: formatDate(s.seat.from) })}</span>
            </a>
          </li>
        ))}
        {Array.from({ length: vacant }, (_, i) => (
          <li key={`v${i}`} class="vacant">
            <span class="name muted">{tc('vacant')}</span>
            <a class="btn small-btn w" href={href}>{tc('byElection')}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Standing({ seats, size }: { seats: NamedSeat[]; size: number }) {
  return (
    <section class="card" aria-labelledby="cm-standing">
      <div class="row spread">
        <h2 id="cm-standing">{tc('standingTitle')}</h2>
        <strong>{tc('standingLine', { n: seats.length, size })}</strong>
      </div>
      {seats.length ? (
        <ul class="cm-list">
          {seats.map((s) => (
            <li key={s.seat.id}>
              <a href={`/committee/seat?id=${encodeURIComponent(s.seat.id)}`}>
                <span class="name">{s.name}</span>
                <span class="sub">{positionLabel(s.seat.position)}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{tc('standingNone')}</p>
      )}
    </section>
  );
}

function History({ terms, termMonths }: { terms: CommitteeTerm[]; termMonths: number }) {
  return (
    <section class="card" aria-labelledby="cm-history">
      <div class="row spread">
        <h2 id="cm-history">{tc('historyTitle')}</h2>
        <a class="btn small-btn w" href="/committee/term">{tc('startTerm')}</a>
      </div>
      <ul class="cm-list">
        {terms.map((t) => (
          <li key={t.id}>
            <a href={`/committee/term?id=${encodeURIComponent(t.id)}`}>
              <span class="name">{tc('termTitle', { label: t.label })}</span>
              <span class="sub">{tc('historyLine', { from: formatDate(t.startsOn), to: formatDate(nextCongressDue(t, termMonths)), size: t.size })}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
