// Eligibility and the suggestion in plain words (rating.* messages). Pure but for t().
import type { Eligibility, Evidence } from '../../protocol/rating-rules';
import { formatDate } from '../../lib/dates';
import { tDynamic } from '../../i18n';
import { tr, type RatingKey } from './i18n';

export function eligibilityText(e: Eligibility): string {
  if (e.eligible) return tr('eligibleFrom', { from: formatDate(e.from), to: formatDate(e.to) });
  const r = e.reason;
  switch (r.code) {
    case 'notYetInUnit':
    case 'joinedLate':
      return tr(`reason_${r.code}`, { date: formatDate(r.date) });
    case 'leftBefore':
    case 'leftEarly':
      return tr(`reason_${r.code}`, { date: formatDate(r.date), kind: r.kind ? tr(`kind_${r.kind}` as RatingKey) : '' });
    case 'shortStays':
      return tr('reason_shortStays', { days: r.days });
    case 'leftNoDate':
      return tr('reason_leftNoDate', { status: tDynamic(`members.status_${r.status}`) });
  }
}

/** The rule's sentence; params are numbers from the rule (percent, months, thresholds). */
export function ruleText(rule: string | undefined, params: Record<string, number> = {}): string {
  if (!rule) return '';
  return tr(`rule_${rule}` as RatingKey, params);
}

/** The dues line of the evidence: months owed, "nothing owed", or no figures (before the book, R7). */
export function duesText(ev: Evidence): string {
  if (ev.duesMonthsOwed === undefined) return tr('evDuesUnknown');
  return ev.duesMonthsOwed ? tr('evDuesOwed', { n: ev.duesMonthsOwed }) : tr('evDuesNone');
}
