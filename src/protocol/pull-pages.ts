// Pull pages filled to a byte size (issue 13, B6): a page of 1,000 rows is a round trip per
// 1,000 rows, 562 ms each on Slow 4G before a byte moves, whatever the rows weigh (a member is
// about 700 bytes stored; an attendance tick 150). The phone asks with the request header below
// for pages of about that many bytes of stored JSON; the server then fills each page up to it
// (never past its own PULL_MAX_BYTES) and up to MAX_PAGE_ROWS rows, in place of the body's
// `limit`. A server that does not know the header keeps to `limit` (≤ 1,000), and the body stays
// what such a server accepts, so neither side has to upgrade first: the phone only ever follows
// `cursor` and `hasMore`.
export const PAGE_BYTES_HEADER = 'X-Scd-Page-Bytes';

/**
 * What the phone asks for: about 3,000 members a page. Bigger pages save round trips but the
 * phone holds two at once (one applied while the next arrives, sync/engine.ts) inside B7's
 * 40 MB during a sync, and the last page's apply is never hidden behind a download.
 */
export const PHONE_PAGE_BYTES = 2 * 1024 * 1024;

/** The most rows of a byte-filled page, however small they are (the server's bound on one answer's rows). */
export const MAX_PAGE_ROWS = 10_000;

/** The byte size a request header asks for, or undefined when it is absent or not a positive whole number. */
export function askedPageBytes(header: string | undefined): number | undefined {
  const n = header === undefined || !/^\s*\d{1,12}\s*$/.test(header) ? NaN : Number(header);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
