// What the printed plan is made of: the unit, whose year it is, and the year's targets in
// plan order. No zod.
import { activeDb } from '../../data/session';
import { currentUnitYear, unitYearSpan } from '../../data/unit-year';
import { getUnit } from '../setup/unit-queries';
import type { PlanDocInput } from './plan-document';

/** `year` absent: the unit's year holding `today`. */
export async function loadPlanPrint(year: number | undefined, today: string): Promise<PlanDocInput> {
  const db = await activeDb();
  const span = year === undefined ? await currentUnitYear(today, db) : await unitYearSpan(year, db);
  const [unit, plan, targets] = await Promise.all([
    getUnit(),
    db.yearPlans.get(`year:${span.year}`),
    db.targets.where('year').equals(span.year).toArray(),
  ]);
  return {
    unit,
    year: span.year,
    yearKind: span.kind,
    consolidation: plan?.consolidation,
    targets: targets.filter((t) => !t.deleted).sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id)),
    today,
  };
}
