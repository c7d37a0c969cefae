// Whose year, read from the unit's records: the setting (unitSettings.yearKind, absent =
// calendar) and each year's pinned kind (yearPlans `year:${y}`.yearKind), so a year already
// recorded keeps its meaning when the setting changes (issue 9 item 0). Every year screen —
// training, rating, targets, projects, later reports — asks here for its span. No zod.
import type { UnitDb } from './db';
import { activeDb } from './session';
import { yearOf, yearSpan, type YearKind, type YearSpan } from '../protocol/year';

/** src/protocol/unit-settings.ts UNIT_SETTINGS_ID (that module loads zod). */
const SETTINGS_ID = 'settings:unit';

/** The unit's setting: the kind of years not yet pinned. */
export async function settingYearKind(db?: UnitDb): Promise<YearKind> {
  const d = db ?? (await activeDb());
  return (await d.unitSettings.get(SETTINGS_ID))?.yearKind ?? 'calendar';
}

/** The kind of one year: pinned by its plan row, else the setting. */
export async function yearKindOf(year: number, db?: UnitDb): Promise<YearKind> {
  const d = db ?? (await activeDb());
  const plan = await d.yearPlans.get(`year:${year}`);
  return plan && !plan.deleted ? plan.yearKind : settingYearKind(d);
}

/** The days of a year of this unit. */
export async function unitYearSpan(year: number, db?: UnitDb): Promise<YearSpan> {
  const d = db ?? (await activeDb());
  return yearSpan(year, await yearKindOf(year, d));
}

/**
 * The year that holds `today`. A pinned year that holds the day wins (a calendar year 2026
 * recorded before the unit switched to school years still runs to 31/12/2026); otherwise the
 * setting's kind decides.
 */
export async function currentUnitYear(today: string, db?: UnitDb): Promise<YearSpan> {
  const d = db ?? (await activeDb());
  const kind = await settingYearKind(d);
  for (const y of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1]) {
    const plan = await d.yearPlans.get(`year:${y}`);
    if (plan && !plan.deleted) {
      const span = yearSpan(y, plan.yearKind);
      if (span.from <= today && today <= span.to) return span;
    }
  }
  return yearSpan(yearOf(today, kind), kind);
}
