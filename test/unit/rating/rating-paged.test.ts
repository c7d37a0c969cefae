// The rating's reads of a whole unit (pages, the first rows first, the roll counted a month at a
// time) give exactly what the plain reads and one pass over them give (the reference below is
// the previous implementation: bulk toArray reads, yearAttendanceByMember over the whole year).
// Since issue 13 the screen reads the member digests; the reference still reads the rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { activeDb } from '../../../src/data/session';
import { buildRatingYear, buildRatingYearInSlices, HEAD, loadRatingDecisions, loadRatingEvidence, type RatingEvidence } from '../../../src/features/rating/rating-queries';
import { finishRowsInSlices } from '../../../src/features/rating/rating-view';
import { prepareRows } from './rating-reference';
import { countedEvents } from '../../../src/protocol/attendance-rules';
import { memberYear } from '../../../src/protocol/dues-rules';
import { memberBrief } from '../../../src/data/member-digest';
import type { TrainingOutcome } from '../../../src/protocol/training-enums';

const Y = 2026;
const TODAY = '2026-11-20';
beforeEach(() => freshUnit());

/** The previous whole-unit read, kept as the reference. */
async function reference(year: number, today: string) {
  const db = await activeDb();
  const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(`${year}-01-01`, `${year}-12-31T99`, true, true).toArray(),
    db.activities.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
  ]);
  const events = countedEvents(live(meetings), live(activities), today);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const members = await db.members.toArray();
  const memberEvents = live(await db.memberEvents.toArray());
  const facts = live((await Promise.all(events.map((e) => db.attendance.where('eventId').equals(e.id).toArray()))).flat());
  const regs = await db.trainingRegistrations.where('year').equals(year).toArray();
  const dues = (await Promise.all(months.map((p) => db.dues.where('period').equals(p).toArray()))).flat();
  const exemptions = live(await db.duesExemptions.toArray());
  const rates = live(await db.duesRates.toArray());
  const hasDues = dues.some((d) => !d.deleted && d.period.startsWith(`${year}-`));
  const outcomes = new Map<string, TrainingOutcome | ''>();
  for (const r of regs) if (!r.deleted) outcomes.set(r.memberId, r.outcome ?? '');
  const mine = <T extends { memberId: string }>(rows: T[], id: string) => rows.filter((r) => r.memberId === id);
  const current = today.slice(0, 7) < `${year}-12` ? today.slice(0, 7) : `${year}-12`;
  const duesMap = new Map<string, { paid: number; owed: number }>();
  if (hasDues) {
    for (const m of members) {
      if (m.deleted) continue;
      const y = memberYear(m, mine(live(dues), m.id), mine(exemptions, m.id), mine(memberEvents, m.id), { year, current, rates });
      duesMap.set(m.id, { paid: y.paidMonths, owed: y.owedMonths });
    }
  }
  // The screens read members through their digests (data/member-digest.ts): the brief of each.
  const prepared = prepareRows({ year, members, memberEvents, events, facts, outcomes, dues: hasDues ? duesMap : undefined });
  return { prepared: prepared.map((r) => ({ ...r, member: memberBrief(r.member) })), eventCount: events.length, hasDues };
}

describe('the rating of a whole unit, read in pages with the first rows first', () => {
  it('gives the same evidence as one pass over plain reads, and the first rows are the top of it', async () => {
    const f = await seedYear(Y, 90);
    const ref = await reference(Y, TODAY);
    const heads: RatingEvidence[] = [];
    const whole = await loadRatingEvidence(Y, TODAY, undefined, (h) => heads.push(h));
    expect(whole.complete).toBe(true);
    expect(whole.prepared).toEqual(ref.prepared);
    expect({ eventCount: whole.eventCount, hasDues: whole.hasDues }).toEqual({ eventCount: ref.eventCount, hasDues: ref.hasDues });
    expect(whole.eventCount).toBe(5);
    expect(whole.prepared.some((r) => r.evidence.unexcusedMonths)).toBe(true);
    expect(whole.prepared.some((r) => r.evidence.duesMonthsOwed && r.evidence.duesMonthsPaid)).toBe(true);
    expect(whole.prepared.some((r) => r.evidence.trainingOutcome === 'excellent')).toBe(true);
    expect(whole.prepared.some((r) => !r.eligibility.eligible)).toBe(true);
    expect(whole.prepared.some((r) => !r.listed)).toBe(true);

    expect(heads).toHaveLength(1);
    const [head] = heads;
    expect(head.complete).toBe(false);
    expect(head.prepared.filter((r) => r.listed)).toHaveLength(HEAD);
    expect(head.prepared).toEqual(whole.prepared.slice(0, head.prepared.length));
    expect(head.hasDues).toBe(true);

    // One member's screen reads their digest alone, with the same figures.
    for (const m of f.members.slice(10, 14)) {
      const one = await loadRatingEvidence(Y, TODAY, m.id);
      expect(one.prepared).toEqual(ref.prepared.filter((r) => r.member.id === m.id));
    }
  });

  it('the rows made in slices (the screen) are the rows made in one pass, whatever the slice', async () => {
    await seedYear(Y, 90);
    const ev = await loadRatingEvidence(Y, TODAY);
    const d = await loadRatingDecisions(Y);
    const once = buildRatingYear(ev, d);
    expect(once.rows.some((r) => r.suggestion) && once.rows.some((r) => !r.eligibility.eligible)).toBe(true);
    expect(await buildRatingYearInSlices(ev, d)).toEqual(once);
    for (const slice of [1, 7, 89, 90, 1000]) expect(await finishRowsInSlices(ev.prepared, d.ratings, d.thresholds, slice)).toEqual(once.rows);
  });

  it('a small unit comes whole at once (no first rows)', async () => {
    await seedYear(Y, 20);
    const heads: RatingEvidence[] = [];
    const whole = await loadRatingEvidence(Y, TODAY, undefined, (h) => heads.push(h));
    expect(heads).toHaveLength(0);
    expect(whole.prepared).toEqual((await reference(Y, TODAY)).prepared);
  });
});
