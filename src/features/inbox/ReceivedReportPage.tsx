// /above/unit/:unitId/reports/:reportId — a unit's report as cấp trên receives it: the latest
// sent version as the document it is (read-only, frozen), earlier versions to open, whether it
// came on time, and the review: "Đã nhận", or "Trả lại" with a comment (required), which the
// unit sees on its report screen with "Làm bản n+1" (reports/SentPanel).
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { formatDate, todayIso } from '../../lib/dates';
import { TextAreaField } from '../../ui/fields';
import { loadSentDocument, periodLabel } from '../reports';
import { daysBetween } from '../../protocol/report-year-rules';
import type { ReviewDecision } from '../../protocol/report-enums';
import type { ReportVersion } from '../../protocol/report';
import { loadReceivedReport, submitReview, type ReceivedReport } from './review-queries';
import { errorText, stamp, ti } from './i18n';
import { useReload } from './use-reload';
import '../../ui/year-work.css';
import './inbox.css';


type DocPart = Awaited<ReturnType<typeof loadSentDocument>>;

function SentDocument({ v, r }: { v: ReportVersion; r: ReceivedReport }) {
  const [part, setPart] = useState<DocPart>();
  useEffect(() => {
    let alive = true;
    loadSentDocument().then((p) => alive && setPart(() => p)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  if (!part) return null;
  return <part.View doc={part.build(part.input(v, r.unitKind))} />;
}

function ReviewForm({ r, v, onDone }: { r: ReceivedReport; v: ReportVersion; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (decision: ReviewDecision) => {
    setBusy(true);
    setError(undefined);
    try {
      await submitReview(r.unitId, { reportId: r.id, version: v.version, decision, comment });
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
    setBusy(false);
  };
  return (
    <section class="card ib-review" aria-labelledby="ib-review-h">
      <h2 id="ib-review-h">{ti('reviewTitle', { n: v.version })}</h2>
      <TextAreaField id="ib-comment" label={ti('commentLabel')} hint={ti('commentHint')} value={comment} onInput={setComment} rows={3} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="ib-actions">
        <button type="button" class="btn primary" disabled={busy} onClick={() => send('received')}>{ti('receive')}</button>
        <button type="button" class="btn" disabled={busy} onClick={() => send('returned')}>{ti('return')}</button>
      </div>
    </section>
  );
}

function Review({ r, v }: { r: ReceivedReport; v: ReportVersion }) {
  const review = r.reviews.find((x) => x.version === v.version);
  if (!review) return null;
  return (
    <div class={`ib-notice ${review.decision}`} role="status" data-testid="ib-review">
      <p>{ti(review.decision === 'returned' ? 'reviewed_returned' : 'reviewed_received', { n: v.version, time: stamp(review.reviewedAt) })}</p>
      {review.comment && <p><span class="muted">{ti('reviewComment')}</span> {review.comment}</p>}
      {review.reviewerName && <p class="muted small">{ti('reviewedBy', { name: review.reviewerName })}</p>}
    </div>
  );
}

export default function ReceivedReportPage() {
  const { params } = useRoute();
  const unitId = decodeURIComponent(params.unitId ?? '');
  const id = decodeURIComponent(params.reportId ?? '');
  const today = todayIso();
  const [shown, setShown] = useState<number>();
  const data = useReload(() => loadReceivedReport(unitId, id, today), [unitId, id, today]);
  const r = data.value;
  const latest = r?.versions[r.versions.length - 1];
  const v = r?.versions.find((x) => x.version === shown) ?? latest;
  const s = r?.standing;
  return (
    <main class="page inbox">
      <a class="back" href="/above/reports">← {ti('completenessTitle')}</a>
      <h1>{r ? periodLabel(r.period) : ti('completenessTitle')}</h1>
      {r && <p class="muted">{ti('reportTitle', { unit: r.unitName })}</p>}
      {!data.isLoaded && <p class="muted">{ti('loading')}</p>}
      {data.error !== undefined && <p class="error" role="alert">{ti('loadError')}</p>}
      {data.isLoaded && !data.error && !r && <p>{ti('notFound')}</p>}
      {r && !latest && <p class="warn-box">{ti('notSent', { date: formatDate(r.standing.dueOn) })}</p>}
      {r && v && s && (
        <>
          <p>
            {ti('versionOf', { n: v.version, time: stamp(v.submittedAt) })}
            {v.submittedBy && <span class="muted"> · {ti('by', { name: v.submittedBy })}</span>}
          </p>
          {s.onTime !== undefined && (
            <p class="small">{s.onTime ? ti('sentOnTime', { date: formatDate(s.dueOn) }) : ti('sentLate', { n: daysBetween(s.dueOn, s.firstSentOn!), date: formatDate(s.dueOn) })}</p>
          )}
          <Review r={r} v={v} />
          {v === latest && !r.reviews.some((x) => x.version === v.version) && <ReviewForm r={r} v={v} onDone={data.reload} />}
          {r.versions.length > 1 && (
            <section class="card" aria-labelledby="ib-earlier-h">
              <h2 id="ib-earlier-h">{ti('earlier')}</h2>
              <ul class="ib-versions">
                {[...r.versions].reverse().map((x) => (
                  <li key={x.version}>
                    <button type="button" class="btn block" aria-pressed={x === v} onClick={() => setShown(x.version)}>
                      {ti('showVersion', { n: x.version })} · {stamp(x.submittedAt)}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <SentDocument key={v.version} v={v} r={r} />
        </>
      )}
    </main>
  );
}
