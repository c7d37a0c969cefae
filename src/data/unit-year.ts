// Whose year, read from the unit's records: the setting (unitSettings.yearKind, absent =
// calendar) and each year's pinned kind (yearPlans `year:${y}`.yearKind), so a year already
// recorded keeps its meaning when the setting changes (issue 9 item 0). Every year screen —
// training, rating, targets, projects, later reports — asks here for its span. No zod.
//
// The switch-over (docs/decisions.md "Whose year"): a calendar year ends on 31/12 and a school
// year starts on 1/9, and a year is named by the calendar year it starts in, so calendar 2026
// and school year 2026–2027 would both be "2026". A unit that switches to school years while
// calendar 2026 is pinned therefore starts its first school year on 01/09/2027 (2027–2028);
// the months 01/2027–08/2027 lie between the two and the app already shows the coming school
// year there (its preparations: programme, plan). The other way, school 2026–2027 pinned then
// calendar: 2027 runs 01/01–31/12/2027 as for every calendar unit, once 2026–2027 has ended.
import type { UnitDb } from './db';
import { activeDb } from './session';
import { parseYear } from '../lib/dates';
import { yearOf, yearSpan, type YearKind, type YearSpan } from '../protocol/year';

/** src/protocol/unit-settings.ts UNIT_SETTINGS_ID (that module loads zod). */
const SETTINGS_ID = 'settings:unit';

/** protocol/target.ts yearPlanId (that module loads zod): the plan row that pins a year's kind. */
export const yearPlanId = (year: number): string => `year:${year}`;

/** The unit's setting: the kind of years not yet pinned. */
export async function settingYearKind(db?: UnitDb): Promise<YearKind> {
  const d = db ?? (await activeDb());
  const s = await d.unitSettings.get(SETTINGS_ID);
  return (s && !s.deleted ? s.yearKind : undefined) ?? 'calendar';
}

/** The kind a year is pinned to by its plan row; undefined: not pinned (the setting decides). */
export async function pinnedYearKind(year: number, db?: UnitDb): Promise<YearKind | undefined> {
  const d = db ?? (await activeDb());
  const plan = await d.yearPlans.get(yearPlanId(year));
  return plan && !plan.deleted ? plan.yearKind : undefined;
}

/** The kind of one year: pinned by its plan row, else the setting. */
export async function yearKindOf(year: number, db?: UnitDb): Promise<YearKind> {
  const d = db ?? (await activeDb());
  return (await pinnedYearKind(year, d)) ?? settingYearKind(d);
}

/** The days of a year of this unit. */
export async function unitYearSpan(year: number, db?: UnitDb): Promise<YearSpan> {
  const d = db ?? (await activeDb());
  return yearSpan(year, await yearKindOf(year, d));
}

/**
 * The year that holds `today`. A pinned year that holds the day wins (a calendar year 2026
 * recorded before the unit switched to school years still runs to 31/12/2026). Otherwise the
 * setting's kind decides — unless that year's number is pinned to the other kind and has
 * already ended (calendar 2026 pinned, school years set, today 03/2027): then the unit is
 * between its last old year and its first new one, and the next year of the setting's kind
 * whose number is free is the current one (school year 2027–2028).
 */
export async function currentUnitYear(today: string, db?: UnitDb): Promise<YearSpan> {
  const d = db ?? (await activeDb());
  const kind = await settingYearKind(d);
  const y0 = Number(today.slice(0, 4));
  for (const y of [y0, y0 - 1]) {
    const pinned = await pinnedYearKind(y, d);
    if (pinned) {
      const span = yearSpan(y, pinned);
      if (span.from <= today && today <= span.to) return span;
    }
  }
  // A few steps at most: each step passes a pinned year that ended before today.
  for (let y = yearOf(today, kind); ; y++) {
    const pinned = await pinnedYearKind(y, d);
    if (!pinned) return yearSpan(y, kind);
    const span = yearSpan(y, pinned);
    if (span.to >= today) return span;
  }
}

/**
 * The year a year screen shows: `?y=2025` is the unit's year that starts in 2025 (calendar 2025
 * or school year 2025–2026, as that year is); without it (or a bad one), the current year.
 */
export async function unitYearFor(param: string | undefined, today: string, db?: UnitDb): Promise<YearSpan> {
  const d = db ?? (await activeDb());
  const y = parseYear(param);
  return y === undefined ? currentUnitYear(today, d) : unitYearSpan(y, d);
}
