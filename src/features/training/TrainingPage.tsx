// /training?y=yyyy — the year's programme at a glance: registration and completion against
// the plan's targets (100 %, ≥ 90 %), who is missing, and every member's standing in a
// virtualised list (5,000 members paint like 30), from the year's view (training-view.ts: kept
// while nothing changes); names are folded for search only once someone searches. The first
// rows come before the rest of the year (useBulkLive's partial); the rates and filters wait for it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useBulkLive } from '../../data/live-bulk';
import { fold, foldWords } from '../../lib/fold';
import { VirtualList } from '../../ui/VirtualList';
import { FilterChips, TargetLine, YearNav } from '../../ui/YearNav';
import { TRAINING_TARGETS, trainingRates } from '../../protocol/training-rules';
import { loadTrainingGoals, TRAINING_YEAR_TABLES } from './training-queries';
import { loadTrainingView, type TrainingRowView, type TrainingView } from './training-view';
import { useLive } from '../../data/live';
import { errorText, tt, yearTitle, yearSub } from './i18n';
import { pct } from './year';
import { useUnitYear } from '../../data/use-unit-year';
import { yearLabel, type YearSpan } from '../../protocol/year';
import '../../ui/year-work.css';

type Filter = 'all' | 'notRegistered' | 'notAssessed' | 'notCompleting';
const ROW = 60;

function Row({ r, year }: { r: TrainingRowView; year: number }) {
  const registered = r.outcome !== undefined;
  const sub = registered ? [tt('rowProgress', { done: r.done, total: r.total }), r.subGroup].filter(Boolean).join(' · ') : tt('rowNotRegistered');
  return (
    <a class="yrow" href={`/training/${r.id}?y=${year}`}>
      <span class="txt">
        <span class="name">{r.fullName}</span>
        <span class={`sub${registered ? '' : ' warn'}`}>{sub}</span>
      </span>
      {registered && <span class={`pill ${r.outcome || 'none'}`}>{r.outcome ? tt(`outcome_${r.outcome}`) : tt('rowNotAssessed')}</span>}
    </a>
  );
}

export default function TrainingPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <TrainingYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function TrainingYearPage({ span }: { span: YearSpan }) {
  const year = span.year;
  // The year's view (one row while nothing changed, else ≈ 5,000 digests), reloaded when its tables change.
  const data = useBulkLive<TrainingView>((partial) => loadTrainingView(span, partial), TRAINING_YEAR_TABLES, [span.from, span.to]);
  // The year's goals (its targets, else the plan's 100 % / 90 %): small and live.
  const goals = useLive(() => loadTrainingGoals(year), [year]).value ?? TRAINING_TARGETS;
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const y = data.value;
  const rates = useMemo(() => (y?.complete ? trainingRates(y.rows.map((r) => r.id), y.rows.filter((r) => r.outcome !== undefined).map((r) => ({ memberId: r.id, outcome: r.outcome })), goals) : undefined), [y, goals]);
  const folded = useMemo(() => new Map<string, string>(), [y]);
  const shown = useMemo(() => {
    if (!y) return [];
    const pick = !rates || filter === 'all' ? undefined : new Set(filter === 'notRegistered' ? rates.notRegistered : filter === 'notAssessed' ? rates.notAssessed : rates.notCompleting);
    const words = foldWords(q);
    if (!pick && !words.length) return y.rows;
    const name = (r: TrainingRowView) => folded.get(r.id) ?? folded.set(r.id, fold(r.fullName)).get(r.id)!;
    return y.rows.filter((r) => (!pick || pick.has(r.id)) && words.every((w) => name(r).includes(w)));
  }, [y, rates, folded, filter, q]);

  const createDefault = async () => {
    setBusy(true);
    try {
      const { createDefaultProgramme } = await import('./training-repo');
      const items = await createDefaultProgramme(year);
      setNotice(tt('created', { n: items.length }));
    } catch (e) {
      setNotice(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // Benchmark marks (test/perf/year-scale.mjs): the first rows painted, then the whole year.
  const loaded = !!y;
  const whole = !!y?.complete;
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() => performance.mark('scd:training-rows'));
    // The percent format (its own ICU data, ~100 ms at 4×) made while the rest is read, in a task of its own.
    setTimeout(() => pct(0), 0);
  }, [loaded]);
  useEffect(() => {
    if (whole) requestAnimationFrame(() => performance.mark('scd:training-ready'));
  }, [whole]);

  return (
    <main class="page training">
      <a class="back" href="/members">← {tDynamic('members.title')}</a>
      <h1>{tt('title')}</h1>
      <YearNav year={year} href={(n) => `/training?y=${n}`} label={tt('yearNav')} title={yearTitle(span)} sub={yearSub(span)} prev={tt('prevYear')} next={tt('nextYear')} />
      {notice && <p class="ok" role="status">{notice}</p>}
      {data.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {!y ? (
        <p class="muted">{tDynamic('common.loading')}</p>
      ) : !y.items.length ? (
        <section class="card">
          <p>{tt('noProgramme', { year: yearLabel(span.year, span.kind) })}</p>
          <p class="muted small">{tt('noProgrammeHint')}</p>
          <div class="row w">
            <button class="btn primary" disabled={busy} onClick={createDefault}>{tt('createDefault')}</button>
            <a class="btn" href={`/training/setup?y=${year}`}>{tt('createOwn')}</a>
          </div>
        </section>
      ) : (
        <>
          {!whole && <p class="muted small">{tDynamic('common.loading')}</p>}
          {rates && (
            <section class="card">
              {rates.expected === 0 ? (
                <p class="muted">{tt('noRoster')}</p>
              ) : (
                <>
                  <TargetLine text={tt('registeredLine', { n: rates.registered, total: rates.expected, pct: pct(rates.registeredRate) })} goal={tt('targetRegistered', { pct: pct(goals.registered) })} rate={rates.registeredRate} met={rates.meetsRegistered} metLabel={tt('reached')} unmetLabel={tt('notReached')} />
                  <TargetLine text={tt('completingLine', { n: rates.completing, total: rates.expected, pct: pct(rates.completingRate) })} goal={tt('targetCompleting', { pct: pct(goals.completing) })} rate={rates.completingRate} met={rates.meetsCompleting} metLabel={tt('reached')} unmetLabel={tt('notReached')} />
                  <p class="muted small" style={{ margin: '0.4rem 0 0' }}>{tt('notAssessedLine', { n: rates.notAssessed.length })}</p>
                </>
              )}
            </section>
          )}
          <div class="link-block">
            {rates && rates.notRegistered.length > 0 && <a class="btn primary w" href={`/training/register?y=${year}`}>{tt('registerBulk')} ({rates.notRegistered.length})</a>}
            <a class="btn w" href={`/training/setup?y=${year}`}>{tt('editProgramme')}</a>
            <a class="btn" href={`/rating?y=${year}`}>{tt('ratingLink')}</a>
          </div>
          <details class="card group w">
            <summary>{tt('byItem')}</summary>
            <p class="muted small">{tt('byItemHint')}</p>
            <ul class="items">
              {y.items.map((it) => (
                <li key={it.id}>
                  <a href={`/training/item/${it.id}`}>{it.title}</a>
                  <div class="meta">{it.area}</div>
                </li>
              ))}
            </ul>
          </details>
          {rates && (
            <FilterChips<Filter>
              value={filter}
              onChange={setFilter}
              label={tt('filters')}
              options={[
                { key: 'all', label: `${tt('filterAll')} (${rates.expected})` },
                { key: 'notRegistered', label: `${tt('filterNotRegistered')} (${rates.notRegistered.length})` },
                { key: 'notAssessed', label: `${tt('filterNotAssessed')} (${rates.notAssessed.length})` },
                { key: 'notCompleting', label: `${tt('filterNotCompleting')} (${rates.notCompleting.length})` },
              ]}
            />
          )}
          <input class="search" type="search" aria-label={tt('search')} placeholder={tt('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" spellcheck={false} />
          {shown.length === 0 && <p class="muted">{tt('noMatch')}</p>}
          <VirtualList items={shown} rowHeight={ROW} getKey={(m) => m.id} label={tt('listLabel')} renderRow={(r) => <Row r={r} year={y.year} />} />
        </>
      )}
    </main>
  );
}
