// The scorecard's reads (issue 11 item 3): one supervised unit's row from its own local
// database, through the loaders and pure rules the unit's own screens use (report figures for
// the year, the year's targets, the reports list's standings, Home's meeting warning, the
// check-in rules), and a cache per unit version so opening the scorecard recomputes only the
// units whose records moved.
//
// A unit's version is what can change its figures on this phone: the server version pulled
// (syncState.device.cursor), the local writes not yet pushed (the outbox count), the day (every
// figure counts up to today) and the rules' versions. Same key: the cached row is the answer.
import { getMany, set } from 'idb-keyval';
import { openUnitDbApart, type UnitDb } from '../../../data/db';
import { currentUnitYear } from '../../../data/unit-year';
import { loadYearGoals } from '../../../data/year-goals';
import { breathe } from '../../../lib/slices';
import { asOfFor } from '../../../protocol/report-figures/as-of';
import { reportId, reportPeriod } from '../../../protocol/report-period';
import { standingsOf, yearReportPeriods } from '../../../protocol/report-year-rules';
import { consolidationId } from '../../../protocol/oversight-enums';
import {
  SCORECARD_RULES_V, actionFacts, checkInFacts, duesFacts, lastReportFacts, meetingFacts, projectFacts, type ScorecardRow,
} from '../../../protocol/scorecard-rules';
import { loadReportInputs } from '../../reports/report-queries';
import { getReportDueDays, unitSince } from '../../reports/report-list-queries';
import { computeInSlices, listTargets, loadYearInputs } from '../../targets/targets-queries';
import type { SupervisedUnit } from '../registry';

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

/** The unit's name: its record (the server's id), else the name it joined under. */
async function unitName(db: UnitDb, unitId: string): Promise<string> {
  const server = (await db.syncState.get('device'))?.server;
  const u = (await db.units.get(server?.unitId ?? unitId)) ?? (await db.units.get(unitId));
  return (u && !u.deleted && u.name) || server?.unitName || unitId;
}

/** The reports of this unit year and the one before, where each stands today. */
async function reportStandings(db: UnitDb, year: number, kind: 'calendar' | 'school', today: string) {
  const periods = [...yearReportPeriods(year - 1, kind), ...yearReportPeriods(year, kind)];
  const ids = [...new Set(periods.map(reportId))];
  const [rows, versions, reviews, due, since] = await Promise.all([
    db.reports.bulkGet(ids),
    db.reportVersions.where('reportId').anyOf(ids).toArray(),
    db.reportReviews.where('reportId').anyOf(ids).toArray(),
    getReportDueDays(db),
    unitSince(db),
  ]);
  const items = standingsOf(periods, { rows: live(rows), versions: live(versions), reviews: live(reviews), dueDays: due.days }, today);
  return lastReportFacts(items, today, since);
}

/** Counts of the computations made (the cache's test and the bench read it). */
export const scorecardStats = { computed: 0 };

/** One unit's row as of today, from its database (read only; the caller opens and closes it). */
export async function loadScorecardRow(db: UnitDb, unitId: string, today: string): Promise<ScorecardRow> {
  scorecardStats.computed++;
  const span = await currentUnitYear(today, db);
  const period = reportPeriod('year', span.year, 1, span.kind);
  const y = Number(today.slice(0, 4));
  const [name, inputs, rules, goals, targets, report, checkIns, actions, weak, calendarMeetings, since] = await Promise.all([
    unitName(db, unitId),
    loadReportInputs(db, period, today),
    import('../../../protocol/report-figures'),
    loadYearGoals(span.year, db),
    listTargets(db, span.year),
    reportStandings(db, span.year, span.kind, today),
    db.checkIns.toArray(),
    db.checkInActions.toArray(),
    db.consolidations.get(consolidationId(span.year)),
    // Home's warning reads the calendar year's meetings, planned ones to come included
    db.meetings.where('startsAt').between(`${y}-01-01`, `${y}-12-31T99`, true, true).toArray(),
    unitSince(db),
  ]);
  // The year's figures in steps (a 5,000-member unit gives the browser turns in between).
  const steps = rules.figureSteps(inputs, period, asOfFor(period, today));
  let r = steps.next();
  while (!r.done) {
    await breathe();
    r = steps.next();
  }
  const f = r.value;
  // The year's targets exactly as /year computes them (the figures' targets lack the reports).
  const results = targets.length ? await computeInSlices(targets, await loadYearInputs(db, span, targets, today)) : [];
  const ratings = f.ratings;
  return {
    unitId,
    name,
    today,
    span,
    weak: !!weak && !weak.deleted && weak.weak,
    goals,
    meeting: meetingFacts(live(calendarMeetings), inputs.meetingFrequency, today, f.meetings.monthsWithoutRegular, since),
    members: { count: f.membership.end },
    training: {
      roster: f.training.roster, registered: f.training.registered, registeredPct: f.training.registeredPct,
      assessed: f.training.assessed, completing: f.training.completing, completingPct: f.training.completingPct,
    },
    rating: {
      eligible: ratings?.eligible ?? 0,
      goodOrBetter: (ratings?.excellent ?? 0) + (ratings?.good ?? 0),
      goodOrBetterPct: ratings?.goodOrBetterPct,
      undecided: ratings?.undecided ?? 0,
    },
    targets: {
      onPace: results.filter((x) => x.status === 'met' || x.status === 'onTrack').length,
      total: results.length,
      slipping: results.filter((x) => x.status === 'behind' || x.status === 'unreachable').map((x) => x.target.title),
    },
    project: projectFacts(f.projects.items),
    dues: duesFacts(inputs.remittances, span, today, since),
    report,
    checkIn: checkInFacts(live(checkIns), today, since),
    actions: actionFacts(live(actions), today),
  };
}

// --- the cache per unit version ---------------------------------------------------------------

/** The figure rules' versions ride in the key: a changed rule recomputes every row. */
async function ruleVersion(): Promise<string> {
  const { FIGURE_RULES } = await import('../../../protocol/report-figures');
  return `${SCORECARD_RULES_V}:${FIGURE_RULES.map((r) => r.version).join('.')}`;
}

/** What a unit's row depends on, apart from the rules: the server version pulled, the unsent writes, the day. */
export async function unitVersion(db: UnitDb, today: string): Promise<string> {
  const [device, outbox] = await Promise.all([db.syncState.get('device'), db.outbox.count()]);
  return `${device?.cursor ?? 0}:${outbox}:${today}:${await ruleVersion()}`;
}

interface Cached {
  key: string;
  row: ScorecardRow;
}

const cacheKey = (unitId: string) => `scorecard:${unitId}`;

/** The cached rows of these units (whatever their version), in one read: shown first. */
export async function cachedRows(unitIds: readonly string[]): Promise<Map<string, { key: string; row: ScorecardRow }>> {
  const got = await getMany<Cached | undefined>(unitIds.map(cacheKey));
  return new Map(unitIds.flatMap((id, i) => (got[i] ? [[id, got[i]!] as const] : [])));
}

/** A unit's row: the cached one when its version has not moved, else computed and cached. */
export async function scorecardRow(db: UnitDb, unitId: string, today: string, cached?: Cached): Promise<{ row: ScorecardRow; fresh: boolean }> {
  const key = await unitVersion(db, today);
  const hit = cached ?? (await cachedRows([unitId])).get(unitId);
  if (hit?.key === key) return { row: hit.row, fresh: false };
  const row = await loadScorecardRow(db, unitId, today);
  await set(cacheKey(unitId), { key, row } satisfies Cached);
  return { row, fresh: true };
}

/** Units whose version is checked at once: opening a database is waiting on storage, not work. */
const VERSION_CHECKS_AT_ONCE = 6;

/** fn over items, at most `n` at a time. */
async function inPool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/**
 * The scorecard's rows, progressively: every cached row at once (possibly of an older
 * version); then each unit's version, a few databases opened apart at a time, which confirms
 * the cached rows still current; then the units whose version moved, recomputed one after
 * another (the work is the CPU's: one at a time keeps each step short). `onRow` is called with
 * each row as it is known, `current` once its version is checked.
 */
export async function loadScorecard(units: readonly SupervisedUnit[], today: string, onRow: (row: ScorecardRow, current: boolean) => void): Promise<void> {
  const cached = await cachedRows(units.map((u) => u.unitId));
  for (const u of units) {
    const c = cached.get(u.unitId);
    if (c) onRow(c.row, false);
  }
  const moved = new Set<string>();
  await inPool(units, VERSION_CHECKS_AT_ONCE, async (u) => {
    const db = openUnitDbApart(u.unitId);
    try {
      const c = cached.get(u.unitId);
      if (c && c.key === (await unitVersion(db, today))) onRow(c.row, true);
      else moved.add(u.unitId);
    } finally {
      db.close();
    }
  });
  for (const u of units.filter((x) => moved.has(x.unitId))) {
    const db = openUnitDbApart(u.unitId);
    try {
      onRow((await scorecardRow(db, u.unitId, today, cached.get(u.unitId))).row, true);
    } finally {
      db.close();
    }
    await breathe();
  }
}

/** One unit's row for its detail (cached when current). */
export async function loadScorecardUnit(unitId: string, today: string): Promise<ScorecardRow> {
  const db = openUnitDbApart(unitId);
  try {
    return (await scorecardRow(db, unitId, today)).row;
  } finally {
    db.close();
  }
}
