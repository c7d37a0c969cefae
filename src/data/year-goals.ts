// The goals of a year's plan that the training and rating screens measure against (issue 9:
// "the goals that today are code constants come from the year's targets"). Read from the
// year's computed targets (targets table: rule goodOrBetterPct / trainingRegisteredPct /
// trainingCompletingPct, goal in percent 0–100). Only the goals the year set are returned: the
// callers fall back to the plan's figures, the rules' defaults (DOMAIN.md "The seed plan's
// targets": GOOD_OR_BETTER_TARGET 80 %, TRAINING_TARGETS 100 % / 90 %) — not imported here, so
// the reads every screen shares do not carry the rating and training rules. Fractions out, as
// the pure rules take them. No zod.
import type { UnitDb } from './db';
import { activeDb } from './session';
import type { TargetRule } from '../protocol/target-enums';

export interface YearGoals {
  /** fractions 0–1 */
  goodOrBetter: number;
  registered: number;
  completing: number;
}

const RULE_OF: Record<keyof YearGoals, TargetRule> = {
  goodOrBetter: 'goodOrBetterPct',
  registered: 'trainingRegisteredPct',
  completing: 'trainingCompletingPct',
};

/** The goals the year's targets set (absent: the year has no such target; use the plan's). */
export async function loadYearGoals(year: number, db?: UnitDb): Promise<Partial<YearGoals>> {
  const d = db ?? (await activeDb());
  const rows = (await d.targets.where('year').equals(year).toArray())
    .filter((t) => !t.deleted && t.year === year && t.source === 'computed' && Number.isFinite(t.goal))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const goals: Partial<YearGoals> = {};
  for (const key of Object.keys(RULE_OF) as (keyof YearGoals)[]) {
    const t = rows.find((r) => r.rule === RULE_OF[key]);
    if (t) goals[key] = Math.min(100, Math.max(0, t.goal)) / 100;
  }
  return goals;
}
