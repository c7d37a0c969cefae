// The rating's evidence as a view (src/features/rating/evidence-view.ts): worked out it is the
// digests' evidence; kept in the year views it is read back as it was (every kind of row:
// ineligible with its reason, no attendance, no dues, each outcome), and only while nothing
// was written since.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear, viewSaved } from '../year-fixture';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { commit } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { VIEW_TABLE, type YearViewRow } from '../../../src/data/year-views';
import { loadRatingEvidence } from '../../../src/features/rating/rating-queries';
import { EVIDENCE_VIEW_FORM, loadEvidenceView } from '../../../src/features/rating/evidence-view';

const Y = 2026;
const TODAY = '2026-11-20';
beforeEach(() => freshUnit());

describe('the rating evidence view', () => {
  it('is the digests’ evidence, and its columns read back the same', async () => {
    await seedYear(Y, 80, { linkedEvent: true });
    const view = await loadEvidenceView(Y, TODAY);
    expect(view).toEqual(await loadRatingEvidence(Y, TODAY));
    const rows = view.prepared;
    expect(rows.some((r) => !r.eligibility.eligible)).toBe(true);
    expect(rows.some((r) => r.eligibility.eligible)).toBe(true);
    expect(rows.some((r) => !r.listed)).toBe(true);
    expect(EVIDENCE_VIEW_FORM.unpack(structuredClone(EVIDENCE_VIEW_FORM.pack(view)))).toEqual(view);
    // Nothing stored as undefined where the digests' evidence leaves a field out.
    const back = EVIDENCE_VIEW_FORM.unpack(structuredClone(EVIDENCE_VIEW_FORM.pack(view)));
    back.prepared.forEach((r, i) => expect(Object.keys(r.evidence).sort()).toEqual(Object.keys(view.prepared[i].evidence).filter((k) => view.prepared[i].evidence[k as keyof typeof r.evidence] !== undefined).sort()));
  });

  it('is read from the year views while nothing changes, and worked out again after a roll mark and on a new day', async () => {
    const fx = await seedYear(Y, 30);
    const first = await loadEvidenceView(Y, TODAY);
    const db = await activeDb();
    /** The kept view, its names marked with a star: what the next opening shows if it reads the view. */
    const star = async () => {
      const kept = (await viewSaved(`rating:${Y}-01-01`)) as YearViewRow & { data: { member: { fullName: string[] } } };
      expect(kept.data.member.fullName).toEqual(first.prepared.map((r) => r.member.fullName));
      await db.table(VIEW_TABLE).put({ ...kept, data: { ...kept.data, member: { ...kept.data.member, fullName: kept.data.member.fullName.map((n) => `${n}*`) } } });
    };
    await star();
    expect((await loadEvidenceView(Y, TODAY)).prepared[0].member.fullName).toBe(`${first.prepared[0].member.fullName}*`);
    // A roll mark for one member that changes their status (the same status again writes
    // nothing, and rightly keeps the view): the evidence as the digests now give it.
    const who = first.prepared.find((r) => r.eligibility.eligible)!.member.id;
    const unitId = await activeUnitId();
    const eventId = fx.meetingIds[0];
    const before = await db.attendance.get(`${eventId}:${who}`);
    const status = before?.status === 'absent_unexcused' ? 'present' : 'absent_unexcused';
    await commit(db, [db.attendance], () => upsertRow(db, 'attendance', `${eventId}:${who}`, unitId, { eventId, memberId: who, status }));
    const after = await loadEvidenceView(Y, TODAY);
    expect(after).toEqual(await loadRatingEvidence(Y, TODAY));
    expect(after.prepared[0].member.fullName).toBe(first.prepared[0].member.fullName);
    // Kept again; a new day works it out afresh.
    await star();
    expect((await loadEvidenceView(Y, TODAY)).prepared[0].member.fullName).toBe(`${first.prepared[0].member.fullName}*`);
    expect((await loadEvidenceView(Y, '2026-11-21')).prepared[0].member.fullName).toBe(first.prepared[0].member.fullName);
  });
});
