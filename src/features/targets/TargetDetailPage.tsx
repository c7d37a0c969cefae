// /year/targets/:id — one target: its number, status and warning, the reasons, and the evidence
// behind it (which members, meetings, activities, projects, months, targets), each opening its
// record. An entered target has the form for its value, date and evidence note here.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useBulkLive } from '../../data/live-bulk';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { TextAreaField, TextField } from '../../ui/fields';
import type { TargetResult } from '../../protocol/target-rules';
import { loadTargetView, TARGET_TABLES, type TargetView } from './targets-queries';
import { TargetBar } from './TargetCard';
import { figureText, readFigure, showsMark, valueText, warningText, whyLines } from './format';
import { compareNames } from '../../lib/names';
import { parseReportId } from '../../protocol/report-period';
import { periodLabel } from '../reports';
import { errorText, ty, tyd } from './i18n';
import './targets.css';

const CAP = 200;

/** The screen where a computed target's records are kept, to act on what the evidence shows. */
function screenOf(rule: string | undefined, year: number): string | undefined {
  switch (rule) {
    case 'unitRatingLevel':
    case 'goodOrBetterPct':
      return `/rating?y=${year}`;
    case 'trainingRegisteredPct':
    case 'trainingCompletingPct':
      return `/training?y=${year}`;
    case 'projectsAccepted':
      return '/projects';
    case 'committeeComplete':
      return '/committee';
    case 'regularMeetingsHeld':
      return '/meetings';
    case 'activitiesOfKind':
      return '/activities';
    case 'duesRemittedMonths':
      return '/dues/remit';
    case 'reportsOnTime':
      return `/reports?y=${year}`;
    default:
      return undefined;
  }
}
const monthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function List({ title, ids, row }: { title: string; ids?: string[]; row: (id: string) => preact.JSX.Element | null }) {
  if (!ids) return null;
  return (
    <section class="card">
      <h2>{title}</h2>
      {!ids.length ? (
        <p class="muted small">{ty('evNone')}</p>
      ) : (
        <ul class="ev-list">
          {ids.slice(0, CAP).map(row)}
          {ids.length > CAP && <li><span class="muted">{ty('evMore', { n: ids.length - CAP })}</span></li>}
        </ul>
      )}
    </section>
  );
}

function EnterValue({ r }: { r: TargetResult }) {
  const t = r.target;
  const [value, setValue] = useState(t.enteredValue === undefined ? '' : String(t.enteredValue));
  const [date, setDate] = useState(formatDate(t.enteredAt || todayIso()));
  const [note, setNote] = useState(t.evidenceNote ?? '');
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const save = async (e: Event) => {
    e.preventDefault();
    const iso = parseDateText(date);
    if (!iso) return setMsg({ ok: false, text: tDynamic('err.date') });
    const n = t.measure === 'yesNo' ? (value === '1' ? 1 : 0) : readFigure(value, t.measure);
    if (value.trim() === '' || !Number.isFinite(n)) return setMsg({ ok: false, text: ty('errValue') });
    try {
      const { enterValue } = await import('./targets-repo');
      await enterValue(t.id, n, iso, note);
      setMsg({ ok: true, text: ty('saved') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    }
  };
  return (
    <form class="card w" onSubmit={save}>
      <h2>{ty('enterTitle')}</h2>
      {t.measure === 'yesNo' ? (
        <div class="row">
          <button type="button" class="btn" aria-pressed={value === '1'} onClick={() => setValue('1')}>{ty('yes')}</button>
          <button type="button" class="btn" aria-pressed={value === '0'} onClick={() => setValue('0')}>{ty('no')}</button>
        </div>
      ) : (
        <TextField id="t-value" label={ty('fValue')} value={value} onInput={setValue} inputMode="numeric" />
      )}
      <TextField id="t-date" label={ty('fDate')} value={date} onInput={setDate} placeholder="dd/mm/yyyy" />
      <TextAreaField id="t-note" label={ty('fNote')} value={note} onInput={setNote} />
      {msg && <p class={msg.ok ? 'ok' : 'error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      <button class="btn primary block" type="submit">{ty('save')}</button>
    </form>
  );
}

/** A report of the evidence: its period's name ("Quý I năm 2026"), opening the report. */
function reportRow(id: string, span: TargetView['span']) {
  const p = parseReportId(id);
  return <li key={id}><a href={`/reports/${id}`}>{p ? periodLabel({ ...p, yearKind: span.kind }) : id}<span aria-hidden="true">›</span></a></li>;
}

function Evidence({ v }: { v: TargetView }) {
  const e = v.result.evidence;
  const n = v.names;
  // members in name order (the capped part of the list: what is shown)
  const byName = (ids?: string[]) => ids && [...ids.slice(0, CAP)].sort((a, b) => compareNames(n.members.get(a) ?? '', n.members.get(b) ?? '')).concat(ids.slice(CAP));
  const member = (id: string) => <li key={id}><a href={`/members/${id}`}>{n.members.get(id) ?? id}<span aria-hidden="true">›</span></a></li>;
  return (
    <>
      <List title={ty('evMembers', { n: e.members?.length ?? 0 })} ids={v.result.target.rule === 'membersAdmitted' || v.result.target.rule === 'partyIntroductions' ? undefined : byName(e.members)} row={member} />
      <List title={ty('evEvents', { n: e.members?.length ?? 0 })} ids={v.result.target.rule === 'membersAdmitted' || v.result.target.rule === 'partyIntroductions' ? byName(e.members) : undefined} row={member} />
      <List title={ty('evMissing', { n: e.missingMembers?.length ?? 0 })} ids={byName(e.missingMembers)} row={member} />
      <List title={ty('evMeetings', { n: e.meetings?.length ?? 0 })} ids={e.meetings} row={(id) => {
        const m = n.meetings.get(id);
        return <li key={id}><a href={`/meetings/${id}`}>{m?.title ?? id}<span class="d">{m ? formatDate(m.date) : ''}</span></a></li>;
      }} />
      <List title={ty('evActivities', { n: e.activities?.length ?? 0 })} ids={e.activities} row={(id) => {
        const a = n.activities.get(id);
        return <li key={id}><a href={`/activities/${id}`}>{a?.title ?? id}<span class="d">{a ? formatDate(a.date) : ''}</span></a></li>;
      }} />
      <List title={ty('evProjects', { n: e.projects?.length ?? 0 })} ids={e.projects} row={(id) => <li key={id}><a href={`/projects/${id}`}>{n.projects.get(id) ?? id}<span aria-hidden="true">›</span></a></li>} />
      <List title={ty('evMonths')} ids={e.months} row={(m) => <li key={m}><span>{monthText(m)}</span></li>} />
      <List title={ty('evMissingMonths')} ids={e.missingMonths} row={(m) => <li key={m}><span>{monthText(m)}</span></li>} />
      <List title={ty('evTargets', { n: e.targets?.length ?? 0 })} ids={e.targets} row={(id) => <li key={id}><a href={`/year/targets/${id}`}>{n.targets.get(id) ?? id}<span aria-hidden="true">›</span></a></li>} />
      <List title={ty('evMissingTargets', { n: e.missingTargets?.length ?? 0 })} ids={e.missingTargets} row={(id) => <li key={id}><a href={`/year/targets/${id}`}>{n.targets.get(id) ?? id}<span aria-hidden="true">›</span></a></li>} />
      <List title={ty('evMissingReports', { n: e.missingReports?.length ?? 0 })} ids={e.missingReports} row={(id) => reportRow(id, v.span)} />
      <List title={ty('evReports', { n: e.reports?.length ?? 0 })} ids={e.reports} row={(id) => reportRow(id, v.span)} />
    </>
  );
}

export default function TargetDetailPage() {
  const { params } = useRoute();
  const id = params.id;
  const today = todayIso();
  const data = useBulkLive<TargetView | null>(() => loadTargetView(id, today), TARGET_TABLES, [id, today]);
  const v = data.value;
  const r = v?.result;
  const back = v ? `/year?y=${v.span.year}` : '/year';
  return (
    <main class="page year-plan">
      <a class="back" href={back}>← {ty('back')}</a>
      {data.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {data.isLoaded && v === null && <p class="muted">{ty('notFound')}</p>}
      {!data.isLoaded && <p class="muted">{tDynamic('common.loading')}</p>}
      {r && v && (
        <>
          <h1>{r.target.title}</h1>
          <section class="card">
            <p class="tvalue">
              {figureText(r)}{' '}
              <span class={`tstatus ${r.status}`}>{tyd(`status_${r.status}`)}</span>
            </p>
            <TargetBar r={r} />
            {showsMark(r) && <p class="muted small">{ty('expectedMark', { value: valueText(r.target.measure, r.expected) })}</p>}
            {warningText(r) && <p class="twarn">⚠️ {warningText(r)}</p>}
            {whyLines(r).map((w) => <p key={w} class="small">• {w}</p>)}
            {r.evidence.note && <p class="small"><strong>{ty('evNote')}:</strong> {r.evidence.note}</p>}
            {r.evidence.enteredAt && <p class="muted small">{ty('enteredOn', { date: formatDate(r.evidence.enteredAt) })}</p>}
            <div class="row">
              {r.target.source === 'computed' && screenOf(r.target.rule, v.span.year) && <a class="btn primary" href={screenOf(r.target.rule, v.span.year)}>{ty('openRecords')}</a>}
              <a class="btn w" href={`/year/targets/${r.target.id}/edit`}>{ty('edit')}</a>
            </div>
          </section>
          {r.target.source === 'entered' ? <EnterValue r={r} /> : <Evidence v={v} />}
        </>
      )}
    </main>
  );
}
