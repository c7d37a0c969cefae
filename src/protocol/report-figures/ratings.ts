// ratings-v1 (issue 10; year reports only): the members' levels of the unit's year and the
// unit's own proposed level, as on the rating screen: rating-rules eligibility (≥ 6 consecutive
// months in the unit within the year) and ratingSummary over the decided levels. goodOrBetterPct
// is absent until a level is decided (as the year's target 2: 0 % would read as a result).
import type { RatingsFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { ratingSummary, type SummaryRow } from '../rating-rules';
import { live, pct1, type ReportInputs } from './inputs';
import { allFacts, type MemberFacts } from './member-facts';

export const RATINGS_V = 1;

export function ratingsFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[]): RatingsFigure {
  const all = facts ?? allFacts(inputs, period, asOf, true);
  const levels = new Map(live(inputs.ratings).map((r) => [r.memberId, r.level || undefined]));
  const rows: SummaryRow[] = all.map((f) => ({ memberId: f.id, eligible: f.eligible, level: levels.get(f.id) }));
  const s = ratingSummary(rows, 0);
  const unit = inputs.unitRating && !inputs.unitRating.deleted ? inputs.unitRating.level : undefined;
  return {
    v: RATINGS_V,
    eligible: s.eligible,
    excellent: s.counts.excellent,
    good: s.counts.good,
    completed: s.counts.completed,
    notCompleted: s.counts.not_completed,
    undecided: s.eligible - s.decided,
    goodOrBetterPct: s.decided ? pct1(s.counts.excellent + s.counts.good, s.eligible) : undefined,
    unitLevel: unit,
  };
}
