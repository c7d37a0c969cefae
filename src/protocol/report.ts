// Reports to cấp trên (báo cáo quý / 6 tháng / năm) — DOMAIN.md "A report to cấp trên",
// issue 10. Three synced tables:
//   reports         id = reportId(period) (report-period.ts): one per unit and period, the
//                   working copy — the narrative's sections (one field each), the header's
//                   number, place, recipients and signer; `status` draft or submitted and the
//                   `version` it is (the draft of version n, or version n as sent)
//   reportVersions  id = `${reportId}:v${n}`: each sent version, frozen — figures, sections,
//                   header, who sent it and when. Append-only: the server refuses any change.
//   reportReviews   id = `${reportId}:v${n}:review`: cấp trên's decision on a version
//                   (received, or returned with a comment → the unit makes version n+1).
//                   Append-only; written by cấp trên only (the server refuses it from a unit's
//                   phone). The unit's screens show it.
import * as z from 'zod/mini';
import { id, optionalIsoDate, optionalText, syncMeta, text } from './common';
import { YEAR_KINDS } from './year';
import { REPORT_KINDS, REPORT_STATUSES, REVIEW_DECISIONS, SIGNER_TITLES } from './report-enums';
import { reportFigures } from './report-figures-schema';
export * from './report-enums';

const reportYear = z.int().check(z.gte(2000, 'err.year'), z.lte(2100, 'err.year'));
const periodIndex = z.int().check(z.gte(1), z.lte(4));
const versionNo = z.int().check(z.gte(1), z.lte(1000));
const sectionText = optionalText(16000);

/** The narrative, one field per section (REPORT_SECTIONS). */
export const reportSections = {
  opening: sectionText,
  situation: sectionText,
  politicalEducation: sectionText,
  movements: sectionText,
  buildingUnion: sectionText,
  strengths: sectionText,
  weaknesses: sectionText,
  causes: sectionText,
  difficulties: sectionText,
  direction: sectionText,
};
const sectionsObject = z.object(reportSections);
export type ReportSectionsText = z.infer<typeof sectionsObject>;

/** The header and the signature block (the usual administrative layout). */
export const reportHeader = {
  /** "Số: 05-BC/CĐ" without "Số:" */
  docNumber: optionalText(60),
  /** the place of "…, ngày … tháng … năm …" */
  place: optionalText(100),
  /** "Nơi nhận", one per line */
  recipients: optionalText(1000),
  signerTitle: z.optional(z.enum(SIGNER_TITLES)),
  signerName: optionalText(100),
};

export const reportFields = z.object({
  kind: z.enum(REPORT_KINDS),
  year: reportYear,
  index: periodIndex,
  /** whose year a half-year or year follows, pinned when the report starts */
  yearKind: z.enum(YEAR_KINDS),
  status: z.enum(REPORT_STATUSES),
  /** the version this copy is: the draft of it, or it as sent */
  version: versionNo,
  ...reportSections,
  ...reportHeader,
});
export type ReportFields = z.infer<typeof reportFields>;
export const reportRecord = z.extend(reportFields, syncMeta);
export type Report = z.infer<typeof reportRecord>;

export const reportVersionFields = z.object({
  reportId: id,
  version: versionNo,
  kind: z.enum(REPORT_KINDS),
  year: reportYear,
  index: periodIndex,
  yearKind: z.enum(YEAR_KINDS),
  /** the period's first and last day */
  from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'err.date')),
  to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'err.date')),
  /** the due date when sent, to judge timeliness later */
  dueOn: optionalIsoDate,
  /** the unit's and cấp trên's names as printed */
  unitName: text(150),
  parentUnit: text(150),
  figures: reportFigures,
  sections: sectionsObject,
  ...reportHeader,
  submittedAt: z.string().check(z.maxLength(40)),
  /** who sent it, as the phone knows its user (the signer's name, or the device's label) */
  submittedBy: optionalText(100),
});
export type ReportVersionFields = z.infer<typeof reportVersionFields>;
export const reportVersionRecord = z.extend(reportVersionFields, syncMeta);
export type ReportVersion = z.infer<typeof reportVersionRecord>;

export const reportReviewFields = z.object({
  reportId: id,
  version: versionNo,
  decision: z.enum(REVIEW_DECISIONS),
  /** why it is returned, or a word on receipt */
  comment: optionalText(4000),
  reviewedAt: z.string().check(z.maxLength(40)),
  reviewerName: optionalText(100),
});
export type ReportReviewFields = z.infer<typeof reportReviewFields>;
export const reportReviewRecord = z.extend(reportReviewFields, syncMeta);
export type ReportReview = z.infer<typeof reportReviewRecord>;
