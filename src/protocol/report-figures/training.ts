// training-v1 (issue 10): the training programme of the unit's year, as the training screen
// shows it on the day computed: training-rules trainingRates over the roster of that day (the
// members in the unit then, headcount.ts), counting registrations made by that day. Outcomes are
// the year's as recorded: they are judged at the year's end and belong to it, so a year report
// sent after a late assessment carries them. completingPct is absent until an outcome is
// assessed (as the year's target: 0 % would read as a result).
import type { TrainingFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { trainingRates } from '../training-rules';
import { live, pct1, type ReportInputs } from './inputs';
import { allFacts, type MemberFacts } from './member-facts';

export const TRAINING_V = 1;

/** The year's registrations made by `asOf` (the training screen's list on that day). */
export const registrationsBy = (inputs: ReportInputs, asOf: string): ReportInputs['registrations'] =>
  live(inputs.registrations).filter((r) => !r.registeredAt || r.registeredAt <= asOf);

/** Members in the unit on the day computed, sorted by id (the roster). */
export const rosterOf = (facts: readonly MemberFacts[]): string[] => facts.filter((f) => f.atEnd).map((f) => f.id).sort();

export function trainingFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[]): TrainingFigure {
  const roster = rosterOf(facts ?? allFacts(inputs, period, asOf, false));
  const r = trainingRates(roster, registrationsBy(inputs, asOf));
  return {
    v: TRAINING_V,
    year: inputs.span.year,
    roster: r.expected,
    registered: r.registered,
    registeredPct: pct1(r.registered, r.expected),
    assessed: r.assessed,
    completing: r.completing,
    completingPct: r.assessed ? pct1(r.completing, r.expected) : undefined,
  };
}
