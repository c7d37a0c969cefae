// /rating/:memberId?y=yyyy — one member's year-end rating: can they be rated (and why not),
// the evidence, the level the app suggests and the rule that produced it, then the unit's
// decision — a reason when it differs from the suggestion — the strengths/weaknesses note and
// the outstanding-member flag. Saving freezes the suggestion and evidence into the record.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, todayIso } from '../../lib/dates';
import { TextAreaField } from '../../ui/fields';
import { YearNav } from '../../ui/YearNav';
import { RATING_LEVELS, type RatingLevel } from '../../protocol/rating-enums';
import { needsOverrideReason, type Evidence } from '../../protocol/rating-rules';
import { loadMemberRating } from './rating-queries';
import type { RatingRow } from './rating-view';
import { duesText, eligibilityText, ruleText } from './explain';
import { errorText, levelLabel, levelShort, tr, yearTitle, yearSub } from './i18n';
import { useUnitYear } from '../../data/use-unit-year';
import { yearLabel, type YearSpan } from '../../protocol/year';
import '../../ui/year-work.css';

// Made on first use: a page's first Intl object loads ICU's Vietnamese data (~200 ms at 4×).
let percentFormat: Intl.NumberFormat | undefined;
const percent = { format: (n: number) => (percentFormat ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })).format(n) };


export default function RatingMemberPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <RatingMemberYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function RatingMemberYearPage({ span }: { span: YearSpan }) {
  const { params } = useRoute();
  const year = span.year;
  const today = todayIso();
  const data = useLive(() => loadMemberRating(year, params.memberId, today), [year, params.memberId, today]);

  if (!data.isLoaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  const row = data.value?.row;
  if (!row) return <main class="page"><p>{tr('memberNotFound', { year: yearLabel(span.year, span.kind) })}</p><a class="btn" href={`/rating?y=${year}`}>{tr('title')}</a></main>;
  const { member: m } = row;

  return (
    <main class="page rating-member">
      <a class="back" href={`/rating?y=${year}`}>← {tr('title')}</a>
      <h1>{m.fullName}</h1>
      <YearNav year={year} href={(n) => `/rating/${m.id}?y=${n}`} label={tr('yearNav')} title={yearTitle(span)} sub={yearSub(span)} prev={tr('prevYear')} next={tr('nextYear')} />
      <div class="link-block">
        <a class="btn" href={`/members/${m.id}`}>{tr('openMember')}</a>
        <a class="btn" href={`/training/${m.id}?y=${year}`}>{tr('trainingLink')}</a>
      </div>
      <p class={row.eligibility.eligible ? 'muted small' : 'warn-box'}>{eligibilityText(row.eligibility)}</p>
      {row.eligibility.eligible && (
        <>
          <section class="card">
            <h2 style={{ marginTop: 0 }}>{tr('evidenceTitle')}</h2>
            <EvidenceFacts ev={row.evidence} />
            <h2>{tr('suggestedTitle')}: {row.suggestion ? levelShort(row.suggestion.level) : '—'}</h2>
            {row.suggestion && <p class="rule">{ruleText(row.suggestion.rule, row.suggestion.params)}</p>}
            <Frozen row={row} />
          </section>
        </>
      )}
      <Decision key={`${year}:${row.member.id}`} row={row} year={year} />
    </main>
  );
}

function EvidenceFacts({ ev }: { ev: Evidence }) {
  const facts: [string, string][] = [
    [tr('evParticipation'), ev.participationPct === undefined ? tr('evNoMarks') : tr('evParticipationValue', { pct: `${percent.format(ev.participationPct)}%`, held: ev.meetingsHeld ?? 0 })],
    [tr('evUnexcused'), String(ev.unexcusedMonths ?? 0)],
    [tr('evDues'), duesText(ev)],
    [tr('evTraining'), ev.trainingOutcome ? levelShort(ev.trainingOutcome) : tr('evTrainingNone')],
  ];
  return (
    <dl class="facts">
      {facts.map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
      ))}
    </dl>
  );
}

/** The suggestion kept with the decision, when it is not what the app would say today. */
function Frozen({ row }: { row: RatingRow }) {
  const r = row.rating;
  if (!r?.level || !r.suggestedLevel || !r.evidence) return null;
  if (r.suggestedLevel === row.suggestion?.level && r.evidence.rule === row.suggestion?.rule) return null;
  return (
    <p class="muted small">
      {tr('frozenTitle', { date: formatDate(r.decidedAt) })}: {levelShort(r.suggestedLevel)} — {ruleText(r.evidence.rule, r.evidence.ruleParams)}
    </p>
  );
}

function Decision({ row, year }: { row: RatingRow; year: number }) {
  const r = row.rating;
  const [level, setLevel] = useState<RatingLevel | ''>(r?.level ?? '');
  const [reason, setReason] = useState(r?.overrideReason ?? '');
  const [note, setNote] = useState(r?.note ?? '');
  const [outstanding, setOutstanding] = useState(!!r?.outstanding);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const suggested = row.suggestion?.level;
  const needsReason = needsOverrideReason(level, suggested);
  const eligible = row.eligibility.eligible;

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setNotice('');
    if (needsReason && !reason.trim()) {
      setError(tr('errReasonRequired'));
      document.getElementById('override-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      const { decideRating } = await import('./rating-repo');
      await decideRating(year, row.member.id, { level: eligible ? level : '', overrideReason: reason, note, outstanding });
      setNotice(tr('savedDecision'));
      setTimeout(() => setNotice(''), 4000);
    } catch (x) {
      setError(errorText(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={save}>
      <h2 style={{ marginTop: 0 }}>{tr('decisionTitle')}</h2>
      {r?.level && r.decidedAt && <p class="muted small">{tr('decidedOn', { date: formatDate(r.decidedAt) })}: {levelLabel(r.level)}</p>}
      {eligible && (
        <div class="levels" role="group" aria-label={tr('level')}>
          {RATING_LEVELS.map((l) => (
            <button key={l} type="button" class="btn" aria-pressed={level === l} onClick={() => setLevel(level === l ? '' : l)}>
              {levelShort(l)}
              {l === suggested && <span class="sug">{tr('sugShort')}</span>}
            </button>
          ))}
        </div>
      )}
      {needsReason && <TextAreaField id="override-reason" label={tr('overrideReason')} hint={tr('overrideHint')} value={reason} onInput={setReason} rows={2} error={error && !reason.trim() ? error : undefined} />}
      <TextAreaField id="rating-note" label={tr('note')} value={note} onInput={setNote} rows={3} />
      <label class="check-line">
        <input type="checkbox" checked={outstanding} onChange={(e) => setOutstanding((e.target as HTMLInputElement).checked)} />
        <span>{tr('outstanding')}</span>
      </label>
      {notice && <p class="ok toast" role="status">{notice}</p>}
      {error && !(needsReason && !reason.trim()) && <p class="error" role="alert">{error}</p>}
      <button class="btn primary block" type="submit" disabled={busy} style={{ marginTop: '0.5rem' }}>{eligible ? tr('saveDecision') : tr('saveNote')}</button>
    </form>
  );
}
