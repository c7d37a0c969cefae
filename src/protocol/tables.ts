// The synced tables, in one place and without zod: the protocol (outbox.ts) and the local
// database (src/data/db.ts, on the first screen's path, where zod must not load) both use it.

export const SYNCED_TABLES = [
  'units',
  'members',
  'memberEvents',
  'meetings',
  'activities',
  'attendance',
  'minutes',
  'minutesAddenda',
  // schema 3 (training, dues, rating)
  'trainingItems',
  'trainingRegistrations',
  'trainingProgress',
  'dues',
  'duesExemptions',
  'duesRates',
  'remittances',
  'ratings',
  'unitRatings',
  'unitSettings',
  // schema 3 (the unit's year: targets, youth projects, committee, photos)
  'yearPlans',
  'targets',
  'youthProjects',
  'youthProjectLogs',
  'committeeTerms',
  'committeeSeats',
  'fileRefs',
  // schema 3 (reports to cấp trên, issue 10)
  'reports',
  'reportVersions',
  'reportReviews',
  // schema 3 (the level above, issue 11): written by cấp trên, some answered by the unit
  'checkIns',
  'checkInActions',
  'unitNotes',
  'unitRecognitions',
  'consolidations',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
