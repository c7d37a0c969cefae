// The year grid's read (/dues/grid): the same rows as dues-queries yearView — yearRow's rule,
// name order — from the member digests (data/member-digest.ts: each member's register entry,
// events, dues entries and exemptions in brief), so a 5,000-member unit reads 5,000 rows
// instead of its members, events and a year of ledger, and never holds the main thread long:
//   1. the digests (pages of src/data/paged.ts), the rates and where the book starts;
//   2. members in name order, a slice at a time;
//   3. the first HEAD members' rows → `onHead`, then every member's row in slices.
// Kept out of the precache with the grid (vite.config.ts); the field screens use yearView.
import { activeDb } from '../../data/session';
import { readMany } from '../../data/paged';
import { DIGEST_PAGE, exemptionsOf, type DigestMember, type MemberDigest } from '../../data/member-digest';
import { nameRankInSlices, placeByRank } from '../../lib/name-order';
import { afterPaint, breathe, mapInSlices } from '../../lib/slices';
import { countsDuring } from '../../protocol/headcount';
import { memberYear, type MemberYear, type PaidLike } from '../../protocol/dues-rules';
import type { DuesRate } from '../../protocol/dues';
import { readBookStart, type BookStart } from './dues-queries';

/** A member's row of the year (dues-queries DuesRow, with the member in brief). */
export interface GridRow {
  member: DigestMember;
  year: MemberYear;
}

export interface GridYear {
  year: number;
  current: string;
  rows: GridRow[];
  /** false: `rows` are only the top of the list (onHead); the rest is being worked out */
  complete: boolean;
}

/** Members whose rows are worked out before the rest of the year: a screen and its margin. */
export const HEAD = 40;

/** dues-queries yearRow over a digest: in the unit during the year, the year's dues. */
function gridRow(d: MemberDigest, year: number, current: string, rates: DuesRate[], start: BookStart): GridRow | undefined {
  const m = d.member!;
  const events = Object.values(d.events);
  if (!countsDuring(m, events, `${year}-01-01`, `${year}-12-31`)) return undefined;
  const from = `${year}-01`;
  const to = `${year}-12`;
  const entries: PaidLike[] = [];
  for (const [period, amount] of d.dues) if (period >= from && period <= to) entries.push({ period, amount });
  return { member: m, year: memberYear(m, entries, exemptionsOf(d), events, { year, current, rates, bookStart: start.bookStart }, start.openings.get(d.id)) };
}

const rowsOf = (list: readonly (GridRow | undefined)[]) => list.filter((r): r is GridRow => !!r);

export async function loadGridYear(year: number, current: string, onHead?: (first: GridYear) => void): Promise<GridYear> {
  const db = await activeDb();
  const read = readMany(db, [{ table: db.memberDigests }, { table: db.duesRates }] as const, DIGEST_PAGE);
  const started = readBookStart(db, current);
  const [[digests, rateRows], start] = await Promise.all([read, started]);
  const rates = rateRows.filter((r) => !r.deleted);
  await breathe();
  // sortByName's order (nameRank breaks name ties by id), sorted a slice at a time: one task of
  // several hundred ms at 20,000 members otherwise.
  const byId = new Map<string, MemberDigest>();
  const live: DigestMember[] = [];
  for (const d of digests) {
    if (!d.member) continue;
    byId.set(d.id, d);
    live.push(d.member);
  }
  const ordered = placeByRank(live, await nameRankInSlices(live));
  const row = (m: DigestMember) => gridRow(byId.get(m.id)!, year, current, rates, start);
  let head: (GridRow | undefined)[] = [];
  if (onHead && ordered.length > HEAD) {
    head = ordered.slice(0, HEAD).map(row);
    onHead({ year, current, rows: rowsOf(head), complete: false });
    // Let those rows reach the screen before the rest is worked out.
    await afterPaint();
  }
  // 100 a slice: a member's dues year (memberYear) is the costly step; 250 made tasks of ~280 ms at 4×.
  const rest = await mapInSlices(ordered.slice(head.length), row, 100);
  return { year, current, rows: rowsOf(head.concat(rest)), complete: true };
}
