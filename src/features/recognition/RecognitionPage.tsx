// /above/unit/:unitId/rating?y=yyyy — the level above's view of a unit's year-end rating
// (issue 11 items 4 and 8): what the unit proposes and the evidence behind it (the members'
// levels and the training programme, by the year's own target rules), the chi đoàn under it
// with the plan's "no chi đoàn rated Không hoàn thành nhiệm vụ", the level cấp trên recognises
// (the plan's target 1), and the year's consolidation mark.
// Read once and again after each save, not live: the unit's database is opened beside the
// current one and closed after each read (openUnitDbApart).
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { YearNav } from '../../ui/YearNav';
import { yearLabel } from '../../protocol/year';
import { loadAboveRating, type AboveRatingView } from './above-rating-queries';
import { supervisedUnits } from '../above/registry';
import { EvidenceCard } from './EvidenceCard';
import { ChildrenCard } from './ChildrenCard';
import { RecogniseForm } from './RecogniseForm';
import { ConsolidationForm } from './ConsolidationForm';
import { levelLabel, tr } from './i18n';
import '../../ui/year-work.css';

/** ?y=yyyy, else undefined: the unit's current year. */
function yearParam(s: string | undefined): number | undefined {
  const y = Number(s);
  return s && /^\d{4}$/.test(s) && y >= 2000 && y <= 2100 ? y : undefined;
}

export default function RecognitionPage() {
  const { params } = useRoute();
  const { query } = useLocation();
  const unitId = params.unitId ?? '';
  const today = todayIso();
  const asked = yearParam(query.y);
  const [view, setView] = useState<AboveRatingView | null>();
  const [error, setError] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    setError(false);
    // Only a unit this phone supervises: never open (and so create) a database for another id.
    supervisedUnits()
      .then((units) => (units.some((u) => u.unitId === unitId) ? loadAboveRating(unitId, asked, today) : null))
      .then((v) => alive && setView(v), () => alive && setError(true));
    return () => {
      alive = false;
    };
  }, [unitId, asked, today, version]);
  const reload = () => setVersion((n) => n + 1);
  const back = `/above/unit/${encodeURIComponent(unitId)}`;
  return (
    <main class="page recognition">
      <a class="back" href={back}>← {view?.unit?.name ?? tr('back')}</a>
      <h1>{tr('title')}</h1>
      {error && <p class="error" role="alert">{tDynamic('err.unexpected')}</p>}
      {view === undefined ? (
        !error && <p class="muted">{tDynamic('common.loading')}</p>
      ) : view === null ? (
        <p class="muted">{tr('notSupervised')}</p>
      ) : (
        <YearBody view={view} unitId={unitId} onSaved={reload} />
      )}
    </main>
  );
}

/** One year of the unit: its proposal and evidence, its chi đoàn, and the level above's two forms. */
function YearBody({ view, unitId, onSaved }: { view: AboveRatingView; unitId: string; onSaved: () => void }) {
  const year = view.span.year;
  return (
    <>
      <YearNav
        year={year}
        href={(n) => `/above/unit/${encodeURIComponent(unitId)}/rating?y=${n}`}
        label={tr('yearNav')}
        title={tr('yearTitle', { label: yearLabel(year, view.span.kind) })}
        prev={tr('prevYear')}
        next={tr('nextYear')}
      />
      <section class="card">
        <h2 style={{ marginTop: 0 }}>{tr('proposalTitle')}</h2>
        {view.proposal ? (
          <>
            <p data-testid="proposal"><strong>{tr('proposalLine', { level: levelLabel(view.proposal.level), date: formatDate(view.proposal.decidedAt) })}</strong></p>
            {view.proposal.note && <p class="small">{view.proposal.note}</p>}
          </>
        ) : (
          <p class="muted">{tr('noProposal')}</p>
        )}
      </section>
      <EvidenceCard evidence={view.evidence} />
      {view.children.held && <ChildrenCard units={view.children.children} />}
      <RecogniseForm key={`r${year}:${view.recognition?.updatedAt ?? ''}`} unitId={unitId} year={year} current={view.recognition} proposal={view.proposal?.level} onSaved={onSaved} />
      <ConsolidationForm key={`c${year}:${view.consolidation?.updatedAt ?? ''}`} unitId={unitId} year={year} yearText={yearLabel(year, view.span.kind)} current={view.consolidation} onSaved={onSaved} />
    </>
  );
}
