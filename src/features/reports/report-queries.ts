// A report's figures from this phone's records (issue 10): the rows of the period and of the
// unit's year it falls in, read by index or key range, then the pure figure rules
// (protocol/report-figures/). No zod. Like the year's plan (targets-queries.ts), the big reads
// come in pages (data/paged.ts) and the rules run in steps with the browser given a turn in
// between, so a 5,000-member quarter never holds the main thread long (test/perf/report-figures.mjs).
// The rules load on first use: this module may ride with any screen that shows a report's state.
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { currentUnitYear } from '../../data/unit-year';
import { keyPrefix, readMany, type Read } from '../../data/paged';
import { breathe } from '../../lib/slices';
import { yearMonths } from '../../protocol/year';
import type { ReportPeriod } from '../../protocol/report-period';
import type { ReportFigures } from '../../protocol/report-figures-schema';
import type { ReportInputs } from '../../protocol/report-figures/inputs';
import type { TrainingRegistration } from '../../protocol/training';
import type { Rating } from '../../protocol/rating';
import type { DuesEntry } from '../../protocol/dues';
import type { Attendance } from '../../protocol/meeting';
import { asOfFor } from '../../protocol/report-figures/as-of';
import { yearReports } from './report-list-queries';

/** The tables a report's figures are computed from (useLive reloads when one changes). */
export const REPORT_TABLES = [
  'members', 'memberEvents', 'meetings', 'activities', 'attendance', 'youthProjects', 'trainingRegistrations', 'ratings', 'unitRatings',
  'dues', 'duesExemptions', 'duesRates', 'remittances', 'targets', 'yearPlans', 'committeeTerms', 'committeeSeats', 'units', 'unitSettings',
  // a report sent or returned moves "reports sent on time" (not 'reports': its working copy
  // is saved as the secretary types, and the figures would be computed again at each save)
  'reportVersions', 'reportReviews',
] as const;

/** Members per page: a member record is wide; 250 keep each page a short task at 4× CPU (targets-queries.ts). */
const MEMBER_PAGE = 250;

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

/** The unit's record (units table: the server's id or this phone's). */
async function unitRow(db: UnitDb) {
  const serverId = (await db.syncState.get('device'))?.server?.unitId;
  // this phone's own unit id only when the server's finds no record: a supervisor's phone may
  // have no unit of its own (issue 11), and the units it reads carry the server's id
  for (const next of serverId ? [async () => serverId, activeUnitId] : [activeUnitId]) {
    const u = await db.units.get(await next());
    if (u && !u.deleted) return u;
  }
  return undefined;
}

/**
 * The ledger the figures need: entries for the year's months up to asOf, those received in the
 * period, and the opening balances (dues-rules R7) — each row once. A month's entries in one
 * index read are one long task for 5,000 members (their objects are made at once), so the index
 * gives only the ids (cheap strings), and the rows come in pages along the primary key between
 * the lowest and the highest of them (data/paged.ts), keeping the ids asked for.
 */
async function ledgerIds(db: UnitDb, months: readonly string[], from: string, asOf: string): Promise<{ wanted: Set<string>; range?: IDBKeyRange }> {
  const [byMonth, byDay] = await Promise.all([
    months.length ? db.dues.where('period').between(months[0], months[months.length - 1], true, true).primaryKeys() : Promise.resolve([] as string[]),
    db.dues.where('paidAt').between(from, asOf, true, true).primaryKeys(),
  ]);
  const wanted = new Set([...byMonth, ...byDay]);
  let lo = '\uffff';
  let hi = '';
  for (const id of wanted) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return { wanted, range: wanted.size ? IDBKeyRange.bound(lo, hi) : undefined };
}

/**
 * The records a period's figures need, counted up to asOf (the period's last day, or today while
 * it runs): the head count's members and events, the meetings, activities and projects of the
 * year and the period, the period's rolls, the year's training, ratings and targets, and the
 * ledger (the year's months up to asOf, what was paid in the period, the opening balances).
 * The small reads first, all at once; then the big ones in pages, in ONE readMany after another,
 * so no more than two pages are ever out (answers arriving together are handled in one task).
 */
export async function loadReportInputs(db: UnitDb, period: ReportPeriod, today: string): Promise<ReportInputs> {
  const asOf = asOfFor(period, today);
  const span = await currentUnitYear(asOf, db);
  const y = span.year;
  const from = span.from < period.from ? span.from : period.from;
  const months = yearMonths(span).filter((m) => m <= asOf.slice(0, 7));
  const [meetings, activities, youthProjects, targets, unitRating, settings, unit, first, openings, exemptions, rates, remittances, terms, seats, ledger] = await Promise.all([
    db.meetings.where('startsAt').between(from, `${asOf}T99`, true, true).toArray(),
    db.activities.where('date').between(from, asOf, true, true).toArray(),
    db.youthProjects.where('year').equals(y).toArray(),
    db.targets.where('year').equals(y).toArray(),
    db.unitRatings.get(`unit:${y}`),
    db.unitSettings.get('settings:unit'),
    unitRow(db),
    db.dues.orderBy('paidAt').first(),
    db.dues.where('receiptNo').equals('opening').toArray(),
    db.duesExemptions.toArray(),
    db.duesRates.toArray(),
    db.remittances.where('period').between(from.slice(0, 7), asOf.slice(0, 7), true, true).toArray(),
    db.committeeTerms.toArray(),
    db.committeeSeats.toArray(),
    ledgerIds(db, months, period.from, asOf),
  ]);
  const liveTargets = live(targets);
  const needsRatings = period.kind === 'year' || liveTargets.some((t) => t.source === 'computed' && t.rule === 'goodOrBetterPct');
  // Members are wide rows: pages of their own size.
  const [members, memberEvents] = await readMany(db, [{ table: db.members }, { table: db.memberEvents }] as const, MEMBER_PAGE);
  // The period's rolls: attendance id = `${eventId}:${memberId}`, one key range per event held.
  const events = [...live(meetings).filter((m) => m.status === 'held' && m.startsAt.slice(0, 10) >= period.from), ...live(activities).filter((a) => a.status === 'held' && a.date >= period.from)];
  type Row = { id: string; deleted?: boolean };
  const reads: Read<Row>[] = [
    // registration and rating ids = `${year}:${memberId}`: the year is one key range
    { table: db.trainingRegistrations, range: keyPrefix(`${y}:`) },
    ...(needsRatings ? [{ table: db.ratings, range: keyPrefix(`${y}:`) }] : []),
    ...(ledger.range ? [{ table: db.dues, range: ledger.range }] : []),
    ...events.map((e) => ({ table: db.attendance, range: keyPrefix(`${e.id}:`) })),
  ];
  const [got, minutes] = await Promise.all([
    readMany(db, reads),
    // the attendance frozen with finalized minutes (minutes id = meeting id)
    db.minutes.bulkGet(events.filter((e) => 'startsAt' in e).map((e) => e.id)),
  ]);
  const registrations = got[0] as unknown as TrainingRegistration[];
  const ratings = (needsRatings ? got[1] : []) as unknown as Rating[];
  const dues = ledger.range ? (got[needsRatings ? 2 : 1] as unknown as DuesEntry[]).filter((r) => ledger.wanted.has(r.id)) : [];
  const attendance = got.slice(reads.length - events.length).flat() as unknown as Attendance[];
  const openingIds = new Set(openings.map((o) => o.id));
  const s = settings && !settings.deleted ? settings : undefined;
  return {
    span,
    subGroups: unit?.subGroups ?? [],
    meetingFrequency: unit?.meetingFrequency ?? 'monthly',
    committeeMeetingFrequency: s?.committeeMeetingFrequency ?? 'monthly',
    members,
    memberEvents: live(memberEvents),
    meetings: live(meetings),
    activities: live(activities),
    attendance: live(attendance),
    minutes: live(minutes.filter((m) => !!m)),
    youthProjects: live(youthProjects),
    registrations: live(registrations).filter((r) => r.year === y),
    ratings: live(ratings).filter((r) => r.year === y),
    unitRating: unitRating && !unitRating.deleted ? unitRating : undefined,
    dues: live([...openings, ...dues.filter((d) => !openingIds.has(d.id))]),
    duesExemptions: live(exemptions),
    duesRates: live(rates),
    firstPaidAt: first?.paidAt,
    remittances: live(remittances),
    targets: liveTargets,
    terms: live(terms),
    seats: live(seats),
    reports: liveTargets.some((t) => t.source === 'computed' && t.rule === 'reportsOnTime') ? await yearReports(db, span, settings) : undefined,
  };
}

/**
 * The figures of a period as of today (its last day once over), computed in steps: the members
 * in slices, then one figure or target per task (a measure 'scd:report-figures-step' each; the
 * mark 'scd:report-figures' when done — test/perf/report-figures.mjs reads them).
 */
export async function loadReportFigures(period: ReportPeriod, today: string): Promise<ReportFigures> {
  const db = await activeDb();
  const [inputs, rules] = await Promise.all([loadReportInputs(db, period, today), import('../../protocol/report-figures')]);
  await breathe();
  const steps = rules.figureSteps(inputs, period, asOfFor(period, today));
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    performance.measure('scd:report-figures-step', { start: t0, end: performance.now() });
    if (r.done) {
      performance.mark('scd:report-figures');
      return r.value;
    }
    await breathe();
  }
}
