// What other features use from the reports: the periods' names (the year's targets list the
// reports behind "reports sent on time") and Home's reports card, whose code loads only when
// Home asks for it after its first paint (its own chunk, not this module's).
import type { ComponentType } from 'preact';

export { periodLabel } from './period-label';

export const loadReportCard = (): Promise<ComponentType> => import('./ReportCard').then((m) => m.default);

/** A sent version as its document, for cấp trên's screen (issue 11): the view and its builder, in their own chunks. */
export const loadSentDocument = () =>
  Promise.all([import('./ReportDocumentView'), import('./report-document')]).then(([v, d]) => ({ View: v.ReportDocumentView, build: d.buildReportDoc, input: d.versionDocInput }));
