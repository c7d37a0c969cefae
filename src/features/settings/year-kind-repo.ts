// Whose year (issue 9 item 0): the unit's setting, calendar year or school year, and the pins
// that keep every year already recorded as it was. One transaction writes the setting and,
// for each year the unit has records in (or is working in) that has no plan row yet, a
// yearPlans row `year:${y}` holding the kind that year had. Only `year` and `yearKind` are
// written: the plan's other fields (consolidation, startedFrom, note) belong to the targets
// screen and stay as they are (upsertRow merges field by field).
import type * as z from 'zod/mini';
import { commit } from '../../data/commit';
import type { UnitDb } from '../../data/db';
import { upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { currentUnitYear, settingYearKind, yearPlanId } from '../../data/unit-year';
import { todayIso } from '../../lib/dates';
import { UserError } from '../../lib/user-error';
import type { YearPlan } from '../../protocol/target';
import { UNIT_SETTINGS_ID, unitSettingsFields, type UnitSettings } from '../../protocol/unit-settings';
import { YEAR_KINDS, yearOf, type YearKind } from '../../protocol/year';

// The year range of protocol/training.ts `year`, which yearPlanFields uses. The pins are the
// app's own values (a year of the records, the kind the setting had) and are written only in
// that range, so they are not run through yearPlanFields: importing protocol/target.ts here
// would put the target and training schemas (~1.7 KB gz) in every phone's precache for a
// switch made once in a unit's life. The user's input, the kind, goes through unitSettingsFields.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

/** Years named by the records kept per year (training, ratings, targets, projects, plans). */
async function keyedYears(db: UnitDb): Promise<number[]> {
  const [plans, items, regs, ratings, targets, projects, unitRatings] = await Promise.all([
    db.yearPlans.orderBy('year').uniqueKeys(),
    db.trainingItems.orderBy('year').uniqueKeys(),
    db.trainingRegistrations.orderBy('year').uniqueKeys(),
    db.ratings.orderBy('year').uniqueKeys(),
    db.targets.orderBy('year').uniqueKeys(),
    db.youthProjects.orderBy('year').uniqueKeys(),
    db.unitRatings.toArray(),
  ]);
  return [...plans, ...items, ...regs, ...ratings, ...targets, ...projects, ...unitRatings.filter((r) => !r.deleted).map((r) => r.year)].map(Number);
}

/** The first day anything dated was held (a meeting or an activity); undefined: none. */
async function firstDatedDay(db: UnitDb): Promise<string | undefined> {
  const [meeting, activity] = await Promise.all([db.meetings.orderBy('startsAt').first(), db.activities.orderBy('date').first()]);
  const days = [meeting?.startsAt.slice(0, 10), activity?.date].filter((d): d is string => !!d);
  return days.sort()[0];
}

/**
 * The years to pin before the setting changes: every year named by a record, every year from
 * the first meeting or activity on (a run of years with only meetings recorded keeps its
 * meaning too), and the year in progress — each with the kind it has now. A unit that has
 * recorded nothing yet pins nothing: a new school unit choosing school years on its first
 * day gets the school year it is in, not a calendar year to finish first.
 */
async function yearsToPin(db: UnitDb, today: string): Promise<{ years: number[]; kind: YearKind }> {
  const kind = await settingYearKind(db);
  const years = new Set<number>(await keyedYears(db));
  const first = await firstDatedDay(db);
  if (years.size || first) {
    const current = await currentUnitYear(today, db);
    years.add(current.year);
    if (first) for (let y = Math.max(yearOf(first, kind), MIN_YEAR); y < current.year; y++) years.add(y);
  }
  const plans = await db.yearPlans.bulkGet([...years].map(yearPlanId));
  const pinned = new Set(plans.filter((p) => p && !p.deleted).map((p) => p!.year));
  return { years: [...years].filter((y) => y >= MIN_YEAR && y <= MAX_YEAR && !pinned.has(y)).sort((a, b) => a - b), kind };
}

/**
 * Sets whose year the unit keeps from now on. Years already recorded, and the year in
 * progress, keep the kind they had (pinned in the same transaction). Returns the years pinned.
 */
export async function setYearKind(kind: YearKind, today = todayIso()): Promise<number[]> {
  if (!YEAR_KINDS.includes(kind)) throw new UserError('yearKind.errYearKind');
  const { yearKind } = check(unitSettingsFields, { yearKind: kind });
  const db = await activeDb();
  const unitId = await activeUnitId();
  const tables = [db.unitSettings, db.yearPlans, db.trainingItems, db.trainingRegistrations, db.ratings, db.unitRatings, db.targets, db.youthProjects, db.meetings, db.activities];
  return commit(db, tables, async () => {
    const { years, kind: before } = await yearsToPin(db, today);
    if (before === yearKind) return [];
    const pins = years.map((y) => ({ id: yearPlanId(y), patch: { year: y, yearKind: before } }));
    if (pins.length) await upsertRows<YearPlan>(db, 'yearPlans', unitId, pins);
    const prev = await db.unitSettings.get(UNIT_SETTINGS_ID);
    await upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, prev?.unitId ?? unitId, { yearKind });
    return years;
  });
}
