// /training/:memberId?y=yyyy — one member's programme: register with the chosen items, tick
// items done (today's date by one tap; date and evidence when needed), see items credited by
// attendance, and record the year-end outcome.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { YearNav } from '../../ui/YearNav';
import { groupByArea } from '../../protocol/training-rules';
import type { TrainingItem, TrainingProgress } from '../../protocol/training';
import { TRAINING_OUTCOMES, type TrainingOutcome } from '../../protocol/training-enums';
import { loadMemberTraining, type MemberTraining } from './training-queries';
import { errorText, tt, yearTitle, yearSub } from './i18n';
import { useUnitYear } from '../../data/use-unit-year';
import { yearLabel, type YearSpan } from '../../protocol/year';
import '../../ui/year-work.css';
import { useReadOnly } from '../../ui/read-only';

const repo = () => import('./training-repo');

export default function TrainingMemberPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <TrainingMemberYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function TrainingMemberYearPage({ span }: { span: YearSpan }) {
  const { params } = useRoute();
  const year = span.year;
  const label = yearLabel(span.year, span.kind);
  const data = useLive(() => loadMemberTraining(year, params.memberId), [year, params.memberId]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  if (!data.isLoaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  const d = data.value;
  if (!d) return <main class="page"><p>{tt('memberNotFound')}</p><a class="btn" href={`/training?y=${year}`}>{tt('title')}</a></main>;

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setError('');
    setNotice('');
    try {
      await fn();
      if (ok) {
        setNotice(ok);
        setTimeout(() => setNotice((n) => (n === ok ? '' : n)), 4000);
      }
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  return (
    <main class="page training-member">
      <a class="back" href={`/training?y=${year}`}>← {tt('title')}</a>
      <h1>{d.member.fullName}</h1>
      <YearNav year={year} href={(n) => `/training/${d.member.id}?y=${n}`} label={tt('yearNav')} title={yearTitle(span)} sub={yearSub(span)} prev={tt('prevYear')} next={tt('nextYear')} />
      <div class="link-block">
        <a class="btn" href={`/members/${d.member.id}`}>{tt('openMember')}</a>
        <a class="btn w" href={`/rating/${d.member.id}?y=${year}`}>{tt('ratingLink')}</a>
      </div>
      {notice && <p class="ok toast" role="status">{notice}</p>}
      {error && <p class="error toast" role="alert" onClick={() => setError('')}>{error}</p>}
      {!d.items.length ? (
        <p>{tt('noProgramme', { year: label })} <a href={`/training?y=${year}`}>{tt('title')}</a></p>
      ) : !d.registration ? (
        <section class="card">
          <p>{tt('notRegisteredYet', { year: label })}</p>
          <div class="w">
          <ItemPicker items={d.items} initial={d.items.map((i) => i.id)} submitLabel={tt('registerThis')} onSubmit={(ids) => run(async () => (await repo()).setMemberItems(year, d.member.id, ids), tt('saved'))} />
          </div>
        </section>
      ) : (
        <Registered d={d} year={year} label={label} run={run} />
      )}
    </main>
  );
}

type Run = (fn: () => Promise<unknown>, ok?: string) => Promise<boolean>;

function Registered({ d, year, label, run }: { d: MemberTraining; year: number; label: string; run: Run }) {
  const reg = d.registration!;
  const chosen = d.items.filter((i) => reg.itemIds.includes(i.id));
  const progress = new Map(d.progress.map((p) => [p.itemId, p]));
  const [changing, setChanging] = useState(false);
  return (
    <>
      <p class="muted small">{tt('registeredOn', { date: formatDate(reg.registeredAt) })}</p>
      {groupByArea(chosen).map((g) => (
        <section key={g.area}>
          <div class="area-title"><h2>{g.area}</h2></div>
          <ul class="items">
            {g.items.map((it) => (
              <ItemProgress key={it.id} year={year} memberId={d.member.id} item={it} progress={progress.get(it.id)} credited={d.credited.has(it.id)} titles={it.eventIds.map((e) => d.eventTitles.get(e)).filter(Boolean).join(', ')} run={run} />
            ))}
          </ul>
        </section>
      ))}
      <details class="card group w" open={changing} onToggle={(e) => setChanging((e.target as HTMLDetailsElement).open)}>
        <summary>{tt('changeItems')}</summary>
        {changing && <ItemPicker items={d.items} initial={reg.itemIds} submitLabel={tt('save')} onSubmit={(ids) => run(async () => (await repo()).setMemberItems(year, d.member.id, ids), tt('saved')).then((ok) => ok && setChanging(false))} />}
        <button class="btn danger" style={{ marginBottom: '0.75rem' }} onClick={() => confirm(tt('unregisterConfirm', { year: label })) && run(async () => (await repo()).unregisterMember(year, d.member.id))}>{tt('unregister')}</button>
      </details>
      <Assess key={`${reg.id}:${reg.outcome}:${reg.note}`} year={year} memberId={d.member.id} outcome={reg.outcome ?? ''} note={reg.note ?? ''} run={run} />
    </>
  );
}

function ItemProgress({ year, memberId, item, progress, credited, titles, run }: { year: number; memberId: string; item: TrainingItem; progress?: TrainingProgress; credited: boolean; titles: string; run: Run }) {
  const done = !!progress?.done;
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(formatDate(progress?.doneAt || todayIso()));
  const [evidence, setEvidence] = useState(progress?.evidence ?? '');
  const [dateError, setDateError] = useState('');
  const ro = useReadOnly();
  const toggle = (on: boolean) => run(async () => (await repo()).setProgress(year, memberId, item.id, { done: on, doneAt: on ? todayIso() : '', evidence: progress?.evidence }));
  return (
    <li>
      <div class="head">
        <input class="big-check" type="checkbox" id={`done-${item.id}`} disabled={ro} checked={done} onChange={(e) => toggle((e.target as HTMLInputElement).checked)} />
        <label class="t" for={`done-${item.id}`}>
          <div>{item.title}</div>
          {done && <div class="meta">{tt('doneOn', { date: formatDate(progress?.doneAt) })}{progress?.evidence ? ` · ${progress.evidence}` : ''}</div>}
          {!done && credited && <div class="meta credit">✓ {tt('creditedBy', { titles })}</div>}
        </label>
        {!open && <button class="btn small-btn w" aria-label={`${tt('details')}: ${item.title}`} onClick={() => setOpen(true)}>{tt('detailsShort')}</button>}
      </div>
      {open && (
        <form
          style={{ marginTop: '0.5rem' }}
          onSubmit={async (e) => {
            e.preventDefault();
            const iso = parseDateText(date);
            if (!iso) return setDateError(tDynamic('err.date'));
            setDateError('');
            if (await run(async () => (await repo()).setProgress(year, memberId, item.id, { done: true, doneAt: iso, evidence }), tt('saved'))) setOpen(false);
          }}
        >
          <TextField id={`at-${item.id}`} label={tt('doneAt')} value={date} onInput={setDate} inputMode="numeric" error={dateError} />
          <TextField id={`ev-${item.id}`} label={tt('evidence')} hint={tt('evidenceHint')} value={evidence} onInput={setEvidence} />
          <div class="row">
            <button class="btn primary" type="submit">{tt('done')} · {tt('save')}</button>
            <button class="btn" type="button" onClick={() => setOpen(false)}>{tt('cancel')}</button>
          </div>
        </form>
      )}
    </li>
  );
}

function ItemPicker({ items, initial, submitLabel, onSubmit }: { items: TrainingItem[]; initial: readonly string[]; submitLabel: string; onSubmit: (ids: string[]) => unknown }) {
  const [ids, setIds] = useState<string[]>([...initial]);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void onSubmit(items.map((i) => i.id).filter((id) => ids.includes(id))); }}>
      <p class="muted small">{tt('itemsChosenHint')}</p>
      {groupByArea(items).map((g) => (
        <div key={g.area}>
          <h3 class="small" style={{ margin: '0.75rem 0 0.25rem' }}>{g.area}</h3>
          {g.items.map((it) => (
            <label key={it.id} class="check-line">
              <input type="checkbox" checked={ids.includes(it.id)} onChange={(e) => setIds((l) => ((e.target as HTMLInputElement).checked ? [...l, it.id] : l.filter((x) => x !== it.id)))} />
              <span>{it.title}</span>
            </label>
          ))}
        </div>
      ))}
      <button class="btn primary block" type="submit" disabled={!ids.length} style={{ margin: '0.75rem 0' }}>{submitLabel}</button>
    </form>
  );
}

function Assess({ year, memberId, outcome: initial, note: initialNote, run }: { year: number; memberId: string; outcome: TrainingOutcome | ''; note: string; run: Run }) {
  const [outcome, setOutcome] = useState<TrainingOutcome | ''>(initial);
  const [note, setNote] = useState(initialNote);
  const ro = useReadOnly();
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); void run(async () => (await repo()).assessOutcome(year, memberId, outcome, note), tt('saved')); }}>
      <h2 style={{ marginTop: 0 }}>{tt('assessTitle')}</h2>
      <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <SelectField<TrainingOutcome | ''> id="outcome" label={tt('outcome')} value={outcome} onChange={setOutcome} options={[{ value: '', label: tt('outcome_') }, ...TRAINING_OUTCOMES.map((o) => ({ value: o, label: tt(`outcome_${o}`) }))]} />
      <TextAreaField id="outcome-note" label={tt('note')} value={note} onInput={setNote} rows={2} />
      </fieldset>
      <button class="btn primary block w" type="submit">{tt('saveOutcome')}</button>
    </form>
  );
}
