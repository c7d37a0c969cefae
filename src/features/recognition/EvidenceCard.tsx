// The evidence behind a unit's proposal, as the unit's own year screen computes it: members
// rated good or better (the plan's target 2), registered in and completing the training
// programme (target 3) — values and the "why" lines of the year's target rules.
import type { TargetResult } from '../../protocol/target-rules';
import type { MemberEvidence } from './above-rating-queries';
import { tr, type RecognitionKey } from './i18n';
import { wholeVi } from '../../lib/vi-number';

const pct = (r?: TargetResult) => (r?.value === undefined ? tr('evNone') : wholeVi(r.value) + '%');

/** The rules' reasons (code → message): only the ones this card words. */
const WHY: Record<string, RecognitionKey> = { decided: 'evDecided', notCompleted: 'evNotCompleted', assessed: 'evAssessed' };

function Why({ r }: { r?: TargetResult }) {
  const lines = (r?.evidence.why ?? []).filter((w) => WHY[w.code]);
  if (!lines.length) return null;
  return <span class="muted small" style={{ display: 'block' }}>{lines.map((w) => tr(WHY[w.code], w.params)).join(' · ')}</span>;
}

export function EvidenceCard({ evidence }: { evidence: MemberEvidence }) {
  return (
    <section class="card" data-testid="evidence">
      <h2 style={{ marginTop: 0 }}>{tr('evidenceTitle')}</h2>
      <ul class="items">
        <li>{tr('evGood', { pct: pct(evidence.goodOrBetter) })}<Why r={evidence.goodOrBetter} /></li>
        <li>{tr('evRegistered', { pct: pct(evidence.registered) })}</li>
        <li>{tr('evCompleting', { pct: pct(evidence.completing) })}<Why r={evidence.completing} /></li>
      </ul>
    </section>
  );
}
