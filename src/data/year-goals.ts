// The goals of a year's plan that the training and rating screens measure against (issue 9:
// "the goals that today are code constants come from the year's targets"). Read from the
// year's computed targets (targets table: rule goodOrBetterPct / trainingRegisteredPct /
// trainingCompletingPct, goal in percent 0–100); a year without such a target keeps the
// plan's figure (DOMAIN.md "The seed plan's targets": 80 %, 100 %, 90 %). Fractions out,
// as the pure rules take them. No zod.
import type { UnitDb } from './db';
import { activeDb } from './session';
import { GOOD_OR_BETTER_TARGET } from '../protocol/rating-rules';
import { TRAINING_TARGETS } from '../protocol/training-rules';
import type { TargetRule } from '../protocol/target-enums';

export interface YearGoals {
  /** fractions 0–1 */
  goodOrBetter: number;
  registered: number;
  completing: number;
}

export const DEFAULT_GOALS: YearGoals = { goodOrBetter: GOOD_OR_BETTER_TARGET, registered: TRAINING_TARGETS.registered, completing: TRAINING_TARGETS.completing };

const RULE_OF: Record<keyof YearGoals, TargetRule> = {
  goodOrBetter: 'goodOrBetterPct',
  registered: 'trainingRegisteredPct',
  completing: 'trainingCompletingPct',
};

export async function loadYearGoals(year: number, db?: UnitDb): Promise<YearGoals> {
  const d = db ?? (await activeDb());
  const rows = (await d.targets.where('year').equals(year).toArray())
    .filter((t) => !t.deleted && t.year === year && t.source === 'computed' && Number.isFinite(t.goal))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const goals = { ...DEFAULT_GOALS };
  for (const key of Object.keys(RULE_OF) as (keyof YearGoals)[]) {
    const t = rows.find((r) => r.rule === RULE_OF[key]);
    if (t) goals[key] = Math.min(100, Math.max(0, t.goal)) / 100;
  }
  return goals;
}
