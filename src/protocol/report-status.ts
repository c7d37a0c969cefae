// Where a period's report stands (issue 10): not started, being written, sent, received or
// returned by cấp trên; whether it was sent on time, is late, or is due soon. Pure, no zod:
// the reports list, Home's reminder, the "reports sent on time" target and, later, cấp trên's
// completeness table (issue 11) read the same answer.
//   - the state follows the latest sent version and cấp trên's review of it; a working copy
//     after a returned version is the draft of the next one;
//   - on time means the FIRST version was sent by the due date frozen into it (a correction
//     after a return does not make a report late); a report not sent after its due date is late;
//   - a report not sent is due soon from REPORT_REMIND_DAYS before its due date.
import { REPORT_REMIND_DAYS, type ReportStatus, type ReviewDecision } from './report-enums';
import { addDays } from './report-period';

export type ReportState = 'notStarted' | 'draft' | 'submitted' | 'received' | 'returned';

export interface ReportRowLike {
  status: ReportStatus;
  version: number;
  deleted?: boolean;
}
export interface VersionLike {
  version: number;
  submittedAt: string;
  dueOn?: string;
  deleted?: boolean;
}
export interface ReviewLike {
  version: number;
  decision: ReviewDecision;
  comment?: string;
  reviewedAt: string;
  deleted?: boolean;
}

export interface ReportStanding {
  state: ReportState;
  /** the latest sent version's number, 0 when none was sent */
  sent: number;
  /** the working copy is the draft of this version (after a return, or a correction) */
  drafting?: number;
  /** the day the first version was sent (yyyy-mm-dd) */
  firstSentOn?: string;
  /** the first version was sent by its due date; undefined while none is sent */
  onTime?: boolean;
  /** nothing sent and the due date has passed */
  late: boolean;
  /** nothing sent and the due date is within the reminder window (or today) */
  dueSoon: boolean;
  dueOn: string;
  /** cấp trên's review of the latest sent version */
  review?: ReviewLike;
}

/** The standing of one period's report as of `today` (yyyy-mm-dd). */
export function reportStanding(
  row: ReportRowLike | undefined,
  versions: readonly VersionLike[],
  reviews: readonly ReviewLike[],
  dueOn: string,
  today: string,
): ReportStanding {
  const sentVersions = versions.filter((v) => !v.deleted).sort((a, b) => a.version - b.version);
  const latest = sentVersions[sentVersions.length - 1];
  const first = sentVersions[0];
  const review = latest ? reviews.find((r) => !r.deleted && r.version === latest.version) : undefined;
  const live = row && !row.deleted ? row : undefined;
  const firstSentOn = first?.submittedAt.slice(0, 10);
  const sentBy = first?.dueOn || dueOn;
  const standing: ReportStanding = {
    state: 'notStarted',
    sent: latest?.version ?? 0,
    firstSentOn,
    onTime: firstSentOn ? firstSentOn <= sentBy : undefined,
    late: !first && today > dueOn,
    dueSoon: !first && today <= dueOn && today >= addDays(dueOn, -REPORT_REMIND_DAYS),
    dueOn: first?.dueOn || dueOn,
    review,
  };
  if (live?.status === 'draft' && live.version > standing.sent) {
    standing.drafting = live.version;
    // a draft after a sent version: a correction (or the answer to a return) is under way
    standing.state = latest ? (review?.decision === 'returned' ? 'returned' : 'draft') : 'draft';
    return standing;
  }
  if (latest) standing.state = review ? review.decision : 'submitted';
  else if (live) standing.state = 'draft';
  return standing;
}
