// The year's plan reads: the targets of a year and the records their rules need, by index or
// key range, then the pure rules (protocol/target-rules.ts). No zod.
// Only what the year's rules need is read: a plan without a training target never reads the
// registrations. The members and their events (the head count) are the big read: paged
// (data/paged.ts), so 5,000 members arrive in short tasks. The rules themselves load on first
// use (computeInSlices): this module rides in the 'data' chunk every screen loads.
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { DIGEST_PAGE, type DigestMember, type MemberDigest } from '../../data/member-digest';
import { currentUnitYear, unitYearSpan } from '../../data/unit-year';
import { keyPrefix, readMany } from '../../data/paged';
import { breathe, mapInSlices } from '../../lib/slices';
import { yearMonths, type YearSpan } from '../../protocol/year';
import type { Target, YearPlan } from '../../protocol/target';
import type { TargetRule } from '../../protocol/target-enums';
import type { TargetResult, YearInputs } from '../../protocol/target-rules';
import { STATUS_RANK, isOnPace } from '../../protocol/target-pace';
import { yearReports } from '../reports/report-list-queries';
import { childUnitsOf, serverUnitIdOf, yearMarks } from '../recognition/recognition-queries';
import type { Consolidation } from '../../protocol/oversight';

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

/** The tables a year's targets are computed from (useLive reloads when one changes). */
export const TARGET_TABLES = [
  'yearPlans', 'targets', 'members', 'memberEvents', 'ratings', 'unitRatings', 'unitRecognitions', 'consolidations', 'trainingRegistrations', 'youthProjects',
  'meetings', 'activities', 'committeeTerms', 'committeeSeats', 'remittances', 'units', 'unitSettings',
  'reports', 'reportVersions', 'reportReviews',
] as const;

const NEEDS_MEMBERS: ReadonlySet<TargetRule> = new Set(['goodOrBetterPct', 'trainingRegisteredPct', 'trainingCompletingPct', 'committeeComplete', 'membersAdmitted', 'partyIntroductions']);
const NEEDS_MEETINGS: ReadonlySet<TargetRule> = new Set(['committeeComplete', 'regularMeetingsHeld']);


/** The unit's record's meeting frequency (units table: the server's id or this phone's). */
async function meetingFrequency(db: UnitDb): Promise<'monthly' | 'quarterly'> {
  const serverId = (await db.syncState.get('device'))?.server?.unitId;
  // this phone's own unit id only when the server's finds no record: a supervisor's phone may
  // have no unit of its own (issue 11), and the units it reads carry the server's id
  for (const next of serverId ? [async () => serverId, activeUnitId] : [activeUnitId]) {
    const u = await db.units.get(await next());
    if (u && !u.deleted) return u.meetingFrequency ?? 'monthly';
  }
  return 'monthly';
}

/** The register entries, their events and the year's registrations held in the member digests. */
function fromDigests(digests: readonly MemberDigest[], year: number): Pick<YearInputs, 'members' | 'memberEvents' | 'registrations'> {
  const members: DigestMember[] = [];
  const memberEvents: YearInputs['memberEvents'][number][] = [];
  const registrations: YearInputs['registrations'][number][] = [];
  const key = String(year);
  for (const d of digests) {
    if (d.member) members.push(d.member);
    for (const [id, e] of Object.entries(d.events)) memberEvents.push({ id, memberId: d.id, ...e });
    const reg = d.training[key];
    if (reg) registrations.push({ memberId: d.id, itemIds: reg.itemIds, outcome: reg.outcome });
  }
  return { members, memberEvents, registrations };
}

/** The records of a year that `targets` need (empty lists for the rest). */
export async function loadYearInputs(db: UnitDb, span: YearSpan, targets: readonly Target[], today: string): Promise<YearInputs> {
  const rules = new Set(targets.filter((t) => !t.deleted && t.source === 'computed' && t.rule).map((t) => t.rule!));
  const has = (r: TargetRule) => rules.has(r);
  const need = (set: ReadonlySet<TargetRule>) => [...rules].some((r) => set.has(r));
  const y = span.year;
  const months = yearMonths(span);
  const none = Promise.resolve([] as never[]);
  const wantsRegistrations = has('trainingRegisteredPct') || has('trainingCompletingPct');
  const [digests, ratings, unitRating, youthProjects, meetings, activities, terms, seats, remittances, settings, frequency] = await Promise.all([
    // The register, its events and the year's registrations: the member digests
    // (data/member-digest.ts), one row per member instead of three tables' rows.
    need(NEEDS_MEMBERS) || wantsRegistrations ? readMany(db, [{ table: db.memberDigests }] as const, DIGEST_PAGE).then(([d]) => d) : none,
    // rating id = `${year}:${memberId}`: the year is one key range, read in pages (5,000 rows in
    // one getAll would be one long task at 4× CPU)
    has('goodOrBetterPct') ? readMany(db, [{ table: db.ratings, range: keyPrefix(`${y}:`) }] as const).then(([r]) => r.filter((x) => x.year === y)) : none,
    // the unit's proposal and the level cấp trên recognised (the plan's target 1 is the recognised one)
    has('unitRatingLevel') ? yearMarks(db, y) : Promise.resolve(undefined),
    has('projectsAccepted') ? db.youthProjects.where('year').equals(y).toArray() : none,
    need(NEEDS_MEETINGS) ? db.meetings.where('startsAt').between(span.from, `${span.to}T99`, true, true).toArray() : none,
    has('activitiesOfKind') ? db.activities.where('date').between(span.from, span.to, true, true).toArray() : none,
    has('committeeComplete') ? db.committeeTerms.toArray() : none,
    has('committeeComplete') ? db.committeeSeats.toArray() : none,
    has('duesRemittedMonths') ? db.remittances.where('period').between(months[0], months[11], true, true).toArray() : none,
    db.unitSettings.get('settings:unit'),
    has('regularMeetingsHeld') ? meetingFrequency(db) : Promise.resolve('monthly' as const),
  ]);
  const people = fromDigests(digests, y);
  return {
    span,
    today,
    members: people.members,
    memberEvents: people.memberEvents,
    ratings: live(ratings),
    unitRating: unitRating?.proposal,
    unitRecognition: unitRating?.recognition,
    // a parent unit's children, when this phone supervises them (target 2's "no chi đoàn rated not completed")
    childUnits: has('goodOrBetterPct') ? (await childUnitsOf(await serverUnitIdOf(db), y)).children : undefined,
    registrations: wantsRegistrations ? people.registrations : [],
    youthProjects: live(youthProjects),
    meetings: live(meetings),
    activities: live(activities),
    terms: live(terms),
    seats: live(seats),
    remittances: live(remittances),
    meetingFrequency: frequency,
    committeeMeetingFrequency: (settings && !settings.deleted && settings.committeeMeetingFrequency) || 'monthly',
    reports: has('reportsOnTime') ? await yearReports(db, span, settings) : undefined,
  };
}

export interface YearTargets {
  span: YearSpan;
  plan?: YearPlan;
  results: TargetResult[];
  /** met or on track, of all targets */
  onPace: number;
  total: number;
}

export async function listTargets(db: UnitDb, year: number): Promise<Target[]> {
  return live(await db.targets.where('year').equals(year).toArray()).sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

export interface YearView {
  year: YearTargets;
  /** the year before has targets to copy */
  previousHasTargets: boolean;
  /** cấp trên marked the unit weak for this year (its plan should be the consolidation template) */
  consolidation?: Consolidation;
}

/** The /year screen: the given year, or the unit's current one; and whether the year before can be copied. */
export async function loadYearView(year: number | undefined, today: string): Promise<YearView> {
  const db = await activeDb();
  const span = year === undefined ? await currentUnitYear(today, db) : await unitYearSpan(year, db);
  const [y, previous, marks] = await Promise.all([computeYear(db, span, today), db.targets.where('year').equals(span.year - 1).toArray(), yearMarks(db, span.year)]);
  return { year: y, previousHasTargets: previous.some((t) => !t.deleted), consolidation: marks.consolidation?.weak ? marks.consolidation : undefined };
}

/** A year's plan and its targets computed as of `today`. */
export async function loadYearTargets(year: number, today: string): Promise<YearTargets> {
  const db = await activeDb();
  const span = await unitYearSpan(year, db);
  return computeYear(db, span, today);
}

async function computeYear(db: UnitDb, span: YearSpan, today: string): Promise<YearTargets> {
  const [plan, targets] = await Promise.all([db.yearPlans.get(`year:${span.year}`), listTargets(db, span.year)]);
  const inputs = await loadYearInputs(db, span, targets, today);
  const results = await computeInSlices(targets, inputs);
  return { span, plan: plan && !plan.deleted ? plan : undefined, results, onPace: results.filter((r) => isOnPace(r.status)).length, total: results.length };
}

/** Members per slice: the head count and eligibility of 500 members is a few ms (4× CPU: ~25 ms). */
const SLICE = 500;

/**
 * The rules over the year, the per-member part (head count, who can be rated) in slices with
 * the browser given a turn in between, then the targets one per task
 * (test/perf/targets-compute.ts measures both).
 */
export async function computeInSlices(targets: readonly Target[], inputs: YearInputs): Promise<TargetResult[]> {
  // A year without targets (Home's card before the plan is made) has nothing to compute, and
  // Home does not load the rules for it (issue 13, B2: a long module evaluation after its paint).
  if (!targets.length) return [];
  // The rules load with the first year computed: *-queries.ts travel in the 'data' chunk every
  // screen loads (vite.config.ts), and the member list must not bring the year's rules.
  const { computeSteps, memberFact, needsEligibility, yearBasis, yearContext } = await import('../../protocol/target-rules');
  const { day, moves } = yearBasis(inputs);
  const withEligibility = needsEligibility(targets);
  await breathe();
  const facts = await mapInSlices(inputs.members, (m) => memberFact(m, inputs, day, moves, withEligibility), SLICE);
  await breathe();
  // One target per task; a measure per task (test/perf/targets-year.mjs reads them).
  let t0 = performance.now();
  const steps = computeSteps(targets, inputs, yearContext(inputs, facts, withEligibility));
  for (;;) {
    const r = steps.next();
    performance.measure('scd:targets-compute', { start: t0, end: performance.now() });
    if (r.done) return r.value;
    await breathe();
    t0 = performance.now();
  }
}

/** The worst first: out of reach, behind, not measurable, on track, met; then the plan's order. */
export function worstFirst(results: readonly TargetResult[]): TargetResult[] {
  return [...results].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.target.sortOrder - b.target.sortOrder);
}

export interface YearSummary {
  span: YearSpan;
  /** false: the year has no targets yet (Home offers to start it) */
  started: boolean;
  onPace: number;
  total: number;
  /** the worst-slipping target, when one is behind or out of reach */
  worst?: TargetResult;
}

/** Home's card: the unit's current year, x/y on track, the worst-slipping target. */
export async function yearSummary(today: string): Promise<YearSummary> {
  const db = await activeDb();
  const span = await currentUnitYear(today, db);
  const y = await computeYear(db, span, today);
  const worst = worstFirst(y.results)[0];
  return { span, started: y.total > 0, onPace: y.onPace, total: y.total, worst: worst && (worst.status === 'behind' || worst.status === 'unreachable') ? worst : undefined };
}

/** One target with its year's results (the detail screen: the evidence of one needs the others for target 4). */
export async function loadTarget(id: string, today: string): Promise<{ year: YearTargets; result: TargetResult } | null> {
  const db = await activeDb();
  const t = await db.targets.get(id);
  if (!t || t.deleted) return null;
  const year = await loadYearTargets(t.year, today);
  const result = year.results.find((r) => r.target.id === id);
  return result ? { year, result } : null;
}

export interface EvidenceNames {
  members: Map<string, string>;
  meetings: Map<string, { title: string; date: string }>;
  activities: Map<string, { title: string; date: string }>;
  projects: Map<string, string>;
  targets: Map<string, string>;
}

/** Names of what the evidence lists (at most `cap` of each list: a long list shows its first rows). */
export async function evidenceNames(result: TargetResult, cap = 200): Promise<EvidenceNames> {
  const db = await activeDb();
  const e = result.evidence;
  const ids = (xs?: string[]) => (xs ?? []).slice(0, cap);
  const [members, meetings, activities, projects, targets] = await Promise.all([
    db.members.bulkGet([...ids(e.members), ...ids(e.missingMembers)]),
    db.meetings.bulkGet(ids(e.meetings)),
    db.activities.bulkGet(ids(e.activities)),
    db.youthProjects.bulkGet(ids(e.projects)),
    db.targets.bulkGet([...ids(e.targets), ...ids(e.missingTargets)]),
  ]);
  return {
    members: new Map(live(members).map((m) => [m.id, m.fullName])),
    meetings: new Map(live(meetings).map((m) => [m.id, { title: m.title, date: m.startsAt.slice(0, 10) }])),
    activities: new Map(live(activities).map((a) => [a.id, { title: a.title, date: a.date }])),
    projects: new Map(live(projects).map((p) => [p.id, p.title])),
    targets: new Map(live(targets).map((t) => [t.id, t.title])),
  };
}

export interface TargetView {
  result: TargetResult;
  span: YearSpan;
  names: EvidenceNames;
}

/** The detail screen: one target computed with its year, and the names of its evidence. */
export async function loadTargetView(id: string, today: string): Promise<TargetView | null> {
  const found = await loadTarget(id, today);
  if (!found) return null;
  return { result: found.result, span: found.year.span, names: await evidenceNames(found.result) };
}

/** One target row (the edit form). */
export async function getTarget(id: string): Promise<Target | null> {
  const t = await (await activeDb()).targets.get(id);
  return t && !t.deleted ? t : null;
}
