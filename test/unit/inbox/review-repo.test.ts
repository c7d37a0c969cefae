// cấp trên's review of a sent report over real Dexie: written on a supervisor's copy of the
// unit, with the outbox entry that carries it to the unit; refused on the unit's own database
// (nothing written); a return needs a comment; only the latest version, once.
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../helpers';
import { reviewReport } from '../../../src/features/inbox/review-repo';
import { loadReceivedReport, submitReview } from '../../../src/features/inbox/review-queries';
import { putVersion, supervise, supervisedDb, wipeUnits } from './fixture';

const Q1 = 'report:2026:q1';

beforeEach(async () => {
  await wipeUnits();
  await supervise([{ unitId: 'u-a', name: 'Chi đoàn A' }]);
});

describe('report review', () => {
  it('is written on a supervisor copy, id per version, with its outbox entry', async () => {
    const db = await supervisedDb('u-a', 'Chi đoàn A');
    await putVersion(db, Q1, 1, '2026-04-08', '2026-04-10');
    const r = await reviewReport(db, { reportId: Q1, version: 1, decision: 'returned', comment: '  Bổ sung số liệu  ', reviewerName: 'bt.phuong7' });
    expect(r).toMatchObject({ id: `${Q1}:v1:review`, unitId: 'u-a', decision: 'returned', comment: 'Bổ sung số liệu', reviewerName: 'bt.phuong7' });
    const out = await db.outbox.toArray();
    expect(out.map((m) => [m.table, m.rowId])).toEqual([['reportReviews', `${Q1}:v1:review`]]);
    // append-only: the version is reviewed once
    expect(await refusal(reviewReport(db, { reportId: Q1, version: 1, decision: 'received' }))).toBe('inbox.errReviewed');
    db.close();
  });

  it('refuses the unit’s own database and writes nothing', async () => {
    const db = await supervisedDb('u-a', 'Chi đoàn A', '2025-01-01', 'secretary');
    await putVersion(db, Q1, 1, '2026-04-08', '2026-04-10');
    expect(await refusal(reviewReport(db, { reportId: Q1, version: 1, decision: 'received' }))).toBe('err.readOnly');
    expect(await db.reportReviews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('needs a comment to return, and reviews only the latest version', async () => {
    const db = await supervisedDb('u-a', 'Chi đoàn A');
    await putVersion(db, Q1, 1, '2026-04-08', '2026-04-10');
    await putVersion(db, Q1, 2, '2026-04-20', '2026-04-10');
    expect(await refusal(reviewReport(db, { reportId: Q1, version: 2, decision: 'returned', comment: '   ' }))).toBe('inbox.errComment');
    expect(await refusal(reviewReport(db, { reportId: Q1, version: 1, decision: 'received' }))).toBe('inbox.errNotLatest');
    expect(await refusal(reviewReport(db, { reportId: 'report:2026:q2', version: 1, decision: 'received' }))).toBe('inbox.errNotLatest');
    expect(await db.reportReviews.count()).toBe(0);
    db.close();
  });

  it('signs with the account on this phone and reads back what the level above sees', async () => {
    const db = await supervisedDb('u-a', 'Chi đoàn A');
    await putVersion(db, Q1, 1, '2026-04-13', '2026-04-10');
    db.close();
    await submitReview('u-a', { reportId: Q1, version: 1, decision: 'received', comment: '' });
    const seen = await loadReceivedReport('u-a', Q1, '2026-05-01');
    expect(seen).toMatchObject({ unitName: 'Chi đoàn A', period: { kind: 'quarter', index: 1 } });
    expect(seen!.versions.map((v) => v.version)).toEqual([1]);
    expect(seen!.reviews[0]).toMatchObject({ decision: 'received', reviewerName: 'bt.phuong7' });
    expect(seen!.standing).toMatchObject({ state: 'received', onTime: false, dueOn: '2026-04-10' });
    expect(await loadReceivedReport('u-a', 'nonsense', '2026-05-01')).toBeUndefined();
  });
});
