// The training year of a whole unit read in pages with the first rows first gives what the
// plain reads gave (the reference: the previous implementation's indexed toArray reads; the
// screen now reads the member digests, so the rows are compared in the digests' brief).
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { activeDb } from '../../../src/data/session';
import { createDefaultProgramme, updateTrainingItem } from '../../../src/features/training/training-repo';
import { HEAD, isOnRoster, loadTrainingYear, rosterDay, type TrainingYear } from '../../../src/features/training/training-queries';
import { yearSpan } from '../../../src/protocol/year';
import { movesByMember } from '../../../src/protocol/headcount';
import { creditedItems } from '../../../src/protocol/training-rules';
import { compareNames } from '../../../src/lib/names';

const Y = 2026;
beforeEach(() => freshUnit());

async function reference(year: number) {
  const db = await activeDb();
  const items = (await db.trainingItems.where('year').equals(year).toArray()).filter((i) => !i.deleted);
  const regs = (await db.trainingRegistrations.where('year').equals(year).toArray()).filter((r) => !r.deleted);
  const progress = (await db.trainingProgress.where('[year+memberId]').between([year, Dexie.minKey], [year, Dexie.maxKey]).toArray()).filter((p) => !p.deleted);
  const eventIds = [...new Set(items.flatMap((i) => i.eventIds))];
  const facts = (await Promise.all(eventIds.map((id) => db.attendance.where('eventId').equals(id).toArray()))).flat().filter((f) => !f.deleted);
  const moves = movesByMember(await db.memberEvents.toArray());
  const roster = (await db.members.toArray()).filter((m) => isOnRoster(m, moves, rosterDay(yearSpan(year)))).sort((a, b) => compareNames(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1));
  return {
    roster,
    regs: new Map(regs.map((r) => [r.memberId, { memberId: r.memberId, itemIds: r.itemIds, outcome: r.outcome ?? '' }])),
    progress: progress.map((p) => ({ memberId: p.memberId, itemId: p.itemId, done: p.done })),
    credited: creditedItems(items, facts),
  };
}

describe('the training year, read in pages with the first rows first', () => {
  it('same roster order, registrations, progress and credits as the plain reads; the first rows are the top of it', async () => {
    const items = await createDefaultProgramme(Y);
    await updateTrainingItem(items[1].id, { eventIds: ['meeting-0', 'meeting-3'] });
    await seedYear(Y, 90, { itemIds: items.map((i) => i.id) });
    const ref = await reference(Y);
    const heads: TrainingYear[] = [];
    const whole = await loadTrainingYear(Y, (h) => heads.push(h));
    expect(whole.complete).toBe(true);
    expect(whole.roster.map((m) => m.id)).toEqual(ref.roster.map((m) => m.id));
    expect(whole.registrations).toEqual(ref.regs);
    const order = (a: { memberId: string; itemId: string }, b: { memberId: string; itemId: string }) => a.memberId.localeCompare(b.memberId) || a.itemId.localeCompare(b.itemId);
    expect([...whole.progress.values()].flat().sort(order)).toEqual(ref.progress.sort(order));
    expect(ref.progress.length).toBeGreaterThan(10);
    expect(whole.credited).toEqual(ref.credited);
    expect(whole.credited.size).toBeGreaterThan(10);

    expect(heads).toHaveLength(1);
    const [head] = heads;
    expect(head.complete).toBe(false);
    expect(head.roster).toEqual(whole.roster.slice(0, HEAD));
    for (const m of head.roster) {
      expect(head.registrations.get(m.id)).toEqual(whole.registrations.get(m.id));
      expect(head.progress.get(m.id)).toEqual(whole.progress.get(m.id));
      expect(head.credited.get(m.id)).toEqual(whole.credited.get(m.id));
    }
  });
});
