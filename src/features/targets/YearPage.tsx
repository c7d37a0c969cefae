// /year?y=yyyy — the year's plan (chương trình công tác năm) of the unit's current year, or
// another: "x/y đúng tiến độ", the worst-slipping target named in the header, then every target
// as a card in the plan's order. Plan order, not worst first: the plan's numbering (1–6) is how
// cấp trên and the printed plan read it, and a card that stays in its place is found again with
// one glance; the header already names the worst. An empty year offers three ways to start.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useBulkLive } from '../../data/live-bulk';
import { todayIso } from '../../lib/dates';
import { YearNav } from '../../ui/YearNav';
import { loadYearView, TARGET_TABLES, worstFirst, type YearView } from './targets-queries';
import { TargetCard } from './TargetCard';
import { spanLabel, warningText } from './format';
import { errorText, ty } from './i18n';
import '../../ui/year-work.css';
import './targets.css';

function yearParam(query: Record<string, string>): number | undefined {
  const s = query.y ?? '';
  const y = Number(s);
  return /^\d{4}$/.test(s) && y >= 2000 && y <= 2100 ? y : undefined;
}

function StartYear({ v }: { v: YearView }) {
  const span = v.year.span;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const start = async (kind: 'template' | 'copy' | 'empty') => {
    setBusy(true);
    setError('');
    try {
      const { startYear } = await import('./targets-repo');
      await startYear(span.year, kind === 'copy' ? { kind, year: span.year - 1 } : { kind });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card">
      <p>{ty('empty', { label: spanLabel(span) })}</p>
      {/* cấp trên marked the unit weak: the consolidation plan's targets are the way to start */}
      {v.consolidation ? <p class="warn-box small">{ty('consolidationOffer')}</p> : <p class="muted small">{ty('emptyHint')}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="start-buttons w">
        <button class="btn primary" disabled={busy} onClick={() => start('template')}>{ty('startTemplate')}</button>
        {v.previousHasTargets && (
          <button class="btn" disabled={busy} onClick={() => start('copy')}>
            {ty('startCopy', { label: spanLabel({ ...span, year: span.year - 1 }) })}
          </button>
        )}
        <button class="btn" disabled={busy} onClick={() => start('empty')}>{ty('startEmpty')}</button>
      </div>
    </section>
  );
}

export default function YearPage() {
  const { query } = useLocation();
  const asked = yearParam(query);
  const today = todayIso();
  const data = useBulkLive<YearView>(() => loadYearView(asked, today), TARGET_TABLES, [asked, today]);
  const v = data.value;
  const y = v?.year;
  const worst = y ? worstFirst(y.results)[0] : undefined;
  // Benchmark mark (test/perf/targets-year.mjs): the plan painted with its figures.
  const ready = !!y;
  useEffect(() => {
    if (ready) requestAnimationFrame(() => performance.mark('scd:year-ready'));
  }, [ready]);
  const slipping = worst && (worst.status === 'behind' || worst.status === 'unreachable') ? worst : undefined;
  return (
    <main class="page year-plan">
      <a class="back" href="/">← {tDynamic('home.title')}</a>
      <h1>{ty('title')}</h1>
      {data.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {!y ? (
        <p class="muted">{tDynamic('common.loading')}</p>
      ) : (
        <>
          <YearNav year={y.span.year} href={(n) => `/year?y=${n}`} label={ty('yearNav')} title={ty('yearTitle', { label: spanLabel(y.span) })} prev={ty('prevYear')} next={ty('nextYear')} />
          {v!.consolidation && <p class="warn-box small" data-testid="consolidation-mark">{ty('consolidationMarked', { year: spanLabel(y.span) })}{v!.consolidation.note ? ` — ${v!.consolidation.note}` : ''}</p>}
          {!y.total ? (
            <StartYear v={v!} />
          ) : (
            <>
              <section class="year-head">
                <p class="pace">{ty('onPace', { n: y.onPace, total: y.total })}</p>
                {!v!.consolidation && y.plan?.consolidation && <p class="muted small">{ty('consolidation')}</p>}
                {slipping ? (
                  <p class="small">
                    <strong>{ty('worstLabel')}</strong> {slipping.target.title} — {warningText(slipping)}
                  </p>
                ) : (
                  <p class="ok small">✓ {ty('allOnPace')}</p>
                )}
                <p class="muted small">{ty('orderNote')}</p>
              </section>
              {y.results.map((r) => <TargetCard key={r.target.id} r={r} />)}
              <div class="link-block">
                <a class="btn w" href={`/year/targets/new?y=${y.span.year}`}>+ {ty('add')}</a>
                <a class="btn" href={`/year/print?y=${y.span.year}`}>{ty('print')}</a>
                <a class="btn" href={`/reports?y=${y.span.year}`}>{ty('reports')}</a>
              </div>
            </>
          )}
        </>
      )}
    </main>
  );
}
