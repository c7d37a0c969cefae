// cấp trên's review of a sent report (issue 11 item 6): "Đã nhận", or "Trả lại" with a comment
// that says what to change — the unit's report screen shows it and offers the next version
// (reports/SentPanel). One row per version, id reportReviewId(report, version), append-only
// like the server keeps it: a version already reviewed is not reviewed again (the unit answers
// a return with a new version, which gets its own review). Only a supervisor's copy of the unit
// may write it (data/commit.ts refuses the unit's own phone before anything is written).
import * as z from 'zod/mini';
import type { UnitDb } from '../../data/db';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { UserError } from '../../lib/user-error';
import { keyOf } from './unit-db-queries';
import { reportReviewFields, type ReportReview } from '../../protocol/report';
import { reportReviewId } from '../../protocol/report-period';
import type { ReviewDecision } from '../../protocol/report-enums';
import { rowUnitId } from './unit-db-queries';

export interface ReviewInput {
  reportId: string;
  version: number;
  decision: ReviewDecision;
  comment?: string;
  /** the level above's account name on this phone */
  reviewerName?: string;
}

export async function reviewReport(db: UnitDb, input: ReviewInput, now = new Date()): Promise<ReportReview> {
  const comment = input.comment?.trim() || undefined;
  // a return says why, or the unit cannot answer it
  if (input.decision === 'returned' && !comment) throw new UserError('inbox.errComment');
  const parsed = z.safeParse(reportReviewFields, {
    reportId: input.reportId,
    version: input.version,
    decision: input.decision,
    comment,
    reviewedAt: now.toISOString(),
    reviewerName: input.reviewerName?.trim() || undefined,
  });
  if (!parsed.success) throw new UserError(keyOf(parsed.error.issues[0]?.message), parsed.error);
  const versions = (await db.reportVersions.where('reportId').equals(input.reportId).toArray()).filter((v) => !v.deleted);
  const latest = Math.max(0, ...versions.map((v) => v.version));
  // only the version the unit stands by is reviewed: an older one was already superseded
  if (latest === 0 || input.version !== latest) throw new UserError('inbox.errNotLatest');
  const unitId = await rowUnitId(db);
  const id = reportReviewId(input.reportId, input.version);
  return commit(db, [db.reportReviews], async () => {
    const prev = await db.reportReviews.get(id);
    if (prev && !prev.deleted) throw new UserError('inbox.errReviewed');
    return upsertRow<ReportReview>(db, 'reportReviews', id, unitId, parsed.data);
  });
}
