// The records a report's figures are computed from (issue 10), as read by
// features/reports/report-queries.ts — like target-rules YearInputs. Tombstones may be among the
// rows: every rule skips them. Pure types and small helpers, no zod.
import type { RatingLevel } from '../rating-enums';
import type { MeetingFrequency, MeetingStatus } from '../meeting-enums';
import type { DuesCategory } from '../member-enums';
import type { YouthProjectStage } from '../youth-project-enums';
import type { YearSpan } from '../year';
import type { EntryLike, ExemptionLike, RateLike } from '../dues-rules';
import type { RegistrationLike } from '../training-rules';
import type { SeatLike, TermLike } from '../committee-rules';
import type { TargetLike } from '../target-rules';
import type { ReportRecords } from '../report-year-rules';

type Row = { deleted?: boolean };

export interface ReportMember extends Row {
  id: string;
  status: string;
  admissionDate?: string;
  archivedAt?: string;
  dateOfBirth?: string;
  subGroup?: string;
  duesCategory: DuesCategory;
}

export interface ReportMemberEvent extends Row {
  id: string;
  memberId: string;
  kind: string;
  date: string;
  disciplineLevel?: string;
}

export interface ReportMeeting extends Row {
  id: string;
  kind: string;
  status: MeetingStatus;
  /** 'yyyy-mm-ddThh:mm' */
  startsAt: string;
  /** a meeting of one sub-group: its roll holds that group's members */
  subGroup?: string;
}

export interface ReportActivity extends Row {
  id: string;
  kind: string;
  status: MeetingStatus | string;
  date: string;
}

export interface ReportProject extends Row {
  id: string;
  year: number;
  title: string;
  stage: YouthProjectStage;
  registeredOn: string;
  planApprovedOn?: string;
  startedOn?: string;
  completedOn?: string;
  acceptedOn?: string;
  droppedOn?: string;
}

export interface ReportInputs {
  /**
   * The unit's year the period's last counted day falls in — the year the year screens show on
   * that day (training, rating, targets, projects). A quarter of a school unit belongs to the
   * school year its last day is in.
   */
  span: YearSpan;
  /** the unit's sub-groups in its order (units.subGroups) */
  subGroups: readonly string[];
  meetingFrequency: MeetingFrequency;
  committeeMeetingFrequency: MeetingFrequency;
  members: readonly ReportMember[];
  /** all member events (the head count needs those before the period too) */
  memberEvents: readonly ReportMemberEvent[];
  /** meetings from the earlier of the year's and the period's first day (later ones are skipped) */
  meetings: readonly ReportMeeting[];
  activities: readonly ReportActivity[];
  /** the minutes of the period's held meetings, for the attendance frozen when finalized */
  minutes?: readonly (Row & { id: string; status: string; attendance?: { total: number; present: number } })[];
  /** the roll rows of the period's meetings and activities (others are skipped) */
  attendance: readonly (Row & { eventId: string; memberId: string; status: string })[];
  youthProjects: readonly ReportProject[];
  /** the year's training registrations */
  registrations: readonly (RegistrationLike & Row & { registeredAt?: string })[];
  /** the year's member ratings and the unit's own (decided on `decidedAt`) */
  ratings: readonly (Row & { memberId: string; level?: RatingLevel | ''; decidedAt?: string })[];
  unitRating?: Row & { level: RatingLevel; decidedAt?: string };
  /** ledger entries paid in the period, those for the year's months, and every opening balance (duplicates are fine) */
  dues: readonly EntryLike[];
  duesExemptions: readonly (ExemptionLike & { memberId: string })[];
  duesRates: readonly RateLike[];
  /** the earliest day anything was recorded in the ledger (dues-rules R7: the book's start) */
  firstPaidAt?: string;
  remittances: readonly (Row & { period: string; amount: number })[];
  /** the year's targets, committee terms and seats (for the targets section) */
  targets: readonly TargetLike[];
  terms: readonly TermLike[];
  seats: readonly SeatLike[];
  /** the year's reports, sent versions and reviews (the "reports sent on time" target), when a target counts them */
  reports?: ReportRecords;
}

export const live = <T extends Row>(rows: readonly T[]): T[] => rows.filter((r) => !r.deleted);

/** A share as a percentage 0–100 with one decimal; undefined when there is nothing to measure. */
export function pct1(n: number, of: number): number | undefined {
  if (!of) return undefined;
  return Math.min(100, Math.max(0, Math.round((n / of) * 1000) / 10));
}

/** `day` (or a longer stamp starting with one) within from..to, both included. */
export const within = (day: string, from: string, to: string): boolean => {
  const d = day.slice(0, 10);
  return from <= d && d <= to;
};

/** The months 'yyyy-mm' from one day's month to another's, both included. */
export function monthsFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) return out;
    out.push(month);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}
