// The draft's names outside the database: the form's id for the update prompt (pwa/dirty.ts)
// and the key of its synchronous local copy (minutes' draft-rescue.ts), one per version.
export const REPORT_FORM_ID = 'report-form';
export const rescueKeyOf = (id: string, version: number): string => `scd:report-draft:${id}:v${version}`;
