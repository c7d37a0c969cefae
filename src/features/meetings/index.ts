// What other features use from meetings besides its reads (meeting-queries.ts) and writes
// (meetings-repo.ts): the labels of meeting and activity kinds, statuses and times. STYLE.md:
// another feature imports this module, never the files behind it. It is part of the meetings
// chunk (vite.config.ts, featureChunk): re-export only what those screens already load; date
// helpers shared more widely live in lib/dates.
export { activityKindLabel, dayLabel, meetingKindLabel, statusLabel, whenLabel } from './labels';
