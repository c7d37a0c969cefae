// /rating?y=yyyy — the year-end rating: the summary against the plan's target (≥ 80 % good
// or better, nobody "not completed", optional cap on "excellent"), the candidates, the unit's
// own rating, and every member with the suggested and decided level (virtualised list).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useBulkLive } from '../../data/live-bulk';
import { todayIso } from '../../lib/dates';
import { fold, foldWords } from '../../lib/fold';
import { VirtualList } from '../../ui/VirtualList';
import { FilterChips, TargetLine, YearNav } from '../../ui/YearNav';
import { ratingSummary } from '../../protocol/rating-rules';
import { RATING_LEVELS } from '../../protocol/rating-enums';
import { buildRatingYear, buildRatingYearInSlices, DECISION_TABLES, EVIDENCE_TABLES, loadRatingDecisions, type RatingEvidence, type RatingYear } from './rating-queries';
import { loadEvidenceView } from './evidence-view';
import type { RatingRow } from './rating-view';
import { errorText, levelShort, tr, yearTitle, yearSub } from './i18n';
import { UnitRatingForm } from './UnitRatingForm';
import { ChildUnitsLine } from './ChildUnitsLine';
import { useUnitYear } from '../../data/use-unit-year';
import type { YearSpan } from '../../protocol/year';
import { percentVi } from '../../lib/vi-number';
import '../../ui/year-work.css';

type Filter = 'all' | 'undecided' | 'override' | 'ineligible' | 'candidates';
const ROW = 60;
// Not Intl: a page's first Intl object loads ICU's Vietnamese data (lib/vi-number.ts).
const pct = (r: number | undefined) => (r === undefined ? '—' : percentVi(r));


function matches(r: RatingRow, f: Filter): boolean {
  const lvl = r.rating?.level;
  switch (f) {
    case 'all': return true;
    case 'undecided': return r.eligibility.eligible && !lvl;
    case 'override': return !!lvl && !!r.rating?.suggestedLevel && lvl !== r.rating.suggestedLevel;
    case 'ineligible': return !r.eligibility.eligible;
    case 'candidates': return !!r.rating?.outstanding;
  }
}

export default function RatingPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <RatingYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function RatingYearPage({ span }: { span: YearSpan }) {
  const year = span.year;
  const today = todayIso();
  // The evidence (≈ 125,000 rows at 5,000 members, or one row while nothing changed:
  // evidence-view.ts) is read as a plain bulk read and reloaded when its tables change; so are the decisions (a rating per member), read again on their
  // own when one changes. A decision recomputes the rows, never rereads the evidence.
  // The first rows come first (`partial`); the summary, counts and filters wait for the rest.
  const evidence = useBulkLive<RatingEvidence>((partial) => loadEvidenceView(span, today, partial), EVIDENCE_TABLES, [span.from, span.to, today]);
  const decisions = useBulkLive(() => loadRatingDecisions(year), DECISION_TABLES, [year]);
  // The rows (a suggestion per member) are made in slices once the whole year is in: for
  // 20,000 members, one task of several hundred ms at 4× otherwise (year-scale.mjs). The first
  // rows are few and made at once. Until the new rows are made, the last ones stay shown.
  const [built, setBuilt] = useState<RatingYear>();
  useEffect(() => {
    const ev = evidence.value;
    const dec = decisions.value;
    if (!ev || !dec) return;
    if (!ev.complete) return setBuilt(buildRatingYear(ev, dec));
    let alive = true;
    void buildRatingYearInSlices(ev, dec).then((y) => alive && setBuilt(y));
    return () => {
      alive = false;
    };
  }, [evidence.value, decisions.value]);
  const data = { value: built, error: evidence.error ?? decisions.error };
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const d = data.value;
  const rows = d?.rows ?? [];
  const summary = useMemo(
    () => ratingSummary(rows.map((r) => ({ memberId: r.member.id, eligible: r.eligibility.eligible, level: r.rating?.level, suggested: r.suggestion?.level, outstanding: r.rating?.outstanding })), d?.thresholds.excellentCapPct ?? 0, d?.goal),
    [rows, d],
  );
  // Names are folded for search when someone searches, once per read of the evidence.
  const folded = useMemo(() => new Map<string, string>(), [evidence.value]);
  const shown = useMemo(() => {
    const words = foldWords(q);
    if (filter === 'all' && !words.length) return rows;
    const name = (r: RatingRow) => folded.get(r.member.id) ?? folded.set(r.member.id, fold(r.member.fullName)).get(r.member.id)!;
    return rows.filter((r) => matches(r, filter) && words.every((w) => name(r).includes(w)));
  }, [rows, folded, filter, q]);
  // Counted once per rows, not on every keystroke in the search box.
  const counts = useMemo(() => ({ undecided: rows.filter((r) => matches(r, 'undecided')).length, override: rows.filter((r) => matches(r, 'override')).length, ineligible: rows.filter((r) => matches(r, 'ineligible')).length }), [rows]);
  const undecided = counts.undecided;
  const byId = useMemo(() => new Map(rows.map((r) => [r.member.id, r])), [rows]);

  const acceptAll = async () => {
    if (!confirm(tr('acceptConfirm', { n: undecided }))) return;
    setBusy(true);
    setError('');
    try {
      const { acceptSuggestions } = await import('./rating-repo');
      setNotice(tr('acceptedN', { n: await acceptSuggestions(year) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // Benchmark marks (test/perf/year-scale.mjs): the first rows painted, then the whole year.
  const loaded = !!d;
  const whole = !!d?.complete;
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() => performance.mark('scd:rating-rows'));
    // The percent format (its own ICU data, ~100 ms at 4×) made while the rest is read, in a task of its own.
    setTimeout(() => pct(0), 0);
  }, [loaded]);
  useEffect(() => {
    if (whole) requestAnimationFrame(() => performance.mark('scd:rating-ready'));
  }, [whole]);

  return (
    <main class="page rating">
      <a class="back" href="/members">← {tDynamic('members.title')}</a>
      <h1>{tr('title')}</h1>
      <YearNav year={year} href={(n) => `/rating?y=${n}`} label={tr('yearNav')} title={yearTitle(span)} sub={yearSub(span)} prev={tr('prevYear')} next={tr('nextYear')} />
      {notice && <p class="ok" role="status">{notice}</p>}
      {(error || data.error) && <p class="error" role="alert">{error || tDynamic('err.unexpected')}</p>}
      {!d ? (
        <p class="muted">{tDynamic('common.loading')}</p>
      ) : (
        // One tree for the first rows and the whole year: the search box and the unit's form
        // keep their state (and focus) when the rest arrives; what needs every member waits.
        <>
          <section class="card">
            <h2 style={{ marginTop: 0 }}>{tr('summaryTitle')}</h2>
            {!whole ? (
              <p class="muted small">{tDynamic('common.loading')}</p>
            ) : (
              <>
                <p class="small" style={{ margin: '0 0 0.25rem' }}>{tr('eligibleLine', { n: summary.eligible, decided: summary.decided })}</p>
                <TargetLine text={tr('goodLine', { pct: pct(summary.goodOrBetterRate), goal: pct(d.goal) })} goal={summary.decided < summary.eligible ? tr('projectedLine', { pct: pct(summary.projectedGoodOrBetterRate) }) : ''} rate={summary.goodOrBetterRate} met={summary.meetsTarget} metLabel={tr('reached')} unmetLabel={tr('notReached')} />
                {/* The plan's "no chi đoàn rated Không hoàn thành nhiệm vụ" is about a parent unit's
                    chi đoàn, not its members: from the children's recognised levels (ChildUnitsLine). */}
                {summary.notCompleted > 0 && <p class="small">{tr('someNotCompleted', { n: summary.notCompleted })}</p>}
                <p class="small" style={{ margin: '0.25rem 0' }}>
                  {RATING_LEVELS.map((l) => `${levelShort(l)}: ${summary.counts[l]}`).join(' · ')}
                </p>
                {summary.capWarning && <p class="warn-box small" role="alert">{tr('capWarning', { pct: pct(summary.excellentShare), cap: d.thresholds.excellentCapPct })}</p>}
                {d.eventCount === 0 && <p class="warn-box small">{tr('noEvents')}</p>}
                {!d.hasDues && <p class="muted small">{tr('noDues')}</p>}
              </>
            )}
          </section>
          {whole && (
            <details class="card group">
              <summary>{tr('candidatesTitle')} ({summary.candidates.length})</summary>
              {summary.candidates.length === 0 ? (
                <p class="muted small">{tr('noCandidates')}</p>
              ) : (
                <ul class="items">
                  {summary.candidates.map((id) => (
                    <li key={id}><a href={`/rating/${id}?y=${year}`}>{byId.get(id)?.member.fullName}</a></li>
                  ))}
                </ul>
              )}
            </details>
          )}
          <UnitRatingForm key={year} year={year} current={d.unitRating} recognition={d.recognition} />
          <ChildUnitsLine year={year} />
          <div class="link-block">
            {whole && undecided > 0 && <button class="btn primary w" disabled={busy} onClick={acceptAll}>{tr('acceptAll', { n: undecided })}</button>}
            <a class="btn w" href="/rating/settings">{tr('settings')}</a>
            <a class="btn" href={`/training?y=${year}`}>{tr('trainingLink')}</a>
          </div>
          {whole && (
            <FilterChips<Filter>
              value={filter}
              onChange={setFilter}
              label={tr('filters')}
              options={[
                { key: 'all', label: `${tr('filterAll')} (${rows.length})` },
                { key: 'undecided', label: `${tr('filterUndecided')} (${undecided})` },
                { key: 'override', label: `${tr('filterOverride')} (${counts.override})` },
                { key: 'ineligible', label: `${tr('filterIneligible')} (${counts.ineligible})` },
                { key: 'candidates', label: `${tr('filterCandidates')} (${summary.candidates.length})` },
              ]}
            />
          )}
          <input class="search" type="search" aria-label={tr('search')} placeholder={tr('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" spellcheck={false} />
          {shown.length === 0 && <p class="muted">{tr('noMatch')}</p>}
          <VirtualList items={shown} rowHeight={ROW} getKey={(r) => r.member.id} label={tr('listLabel')} renderRow={(r) => <Row r={r} year={year} />} />
          {!whole && <p class="muted small">{tDynamic('common.loading')}</p>}
        </>
      )}
    </main>
  );
}

function Row({ r, year }: { r: RatingRow; year: number }) {
  const lvl = r.rating?.level;
  const sub = !r.eligibility.eligible
    ? tr('rowIneligible')
    : [r.suggestion && tr('rowSuggested', { level: levelShort(r.suggestion.level) }), r.member.subGroup].filter(Boolean).join(' · ');
  return (
    <a class="yrow" href={`/rating/${r.member.id}?y=${year}`}>
      <span class="txt">
        <span class="name">{r.member.fullName}{r.rating?.outstanding ? ' ★' : ''}</span>
        <span class={`sub${r.eligibility.eligible ? '' : ' warn'}`}>{sub}</span>
      </span>
      {r.eligibility.eligible && <span class={`pill ${lvl || 'none'}`}>{lvl ? levelShort(lvl) : tr('undecided')}</span>}
    </a>
  );
}
