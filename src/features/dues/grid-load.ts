// The year grid's read (/dues/grid): the same rows as dues-queries yearView — yearBook and
// yearRow, name order — read so that a 5,000-member unit never holds the main thread long and
// the first rows paint before the whole ledger is in:
//   1. members, exemptions, stays and rates (pages of src/data/paged.ts), members in name order;
//   2. the first HEAD members' ledger, read member by member → `onHead` (rows of the top of the
//      list, exactly as the whole read will have them: filtering a stable name sort keeps order);
//   3. the year's ledger a month at a time, every member's row in slices → the whole year.
// Kept out of the precache with the grid (vite.config.ts); the field screens use yearView.
import { activeDb } from '../../data/session';
import { PAGE, readMany } from '../../data/paged';
import { compareNames } from '../../lib/names';
import { nameRankInSlices, placeByRank } from '../../lib/name-order';
import { formatMoney } from '../../lib/money';
import { afterPaint, breathe, mapInSlices } from '../../lib/slices';
import type { DuesEntry } from '../../protocol/dues';
import type { Member } from '../../protocol/member';
import { readBookStart, yearBook, yearRow, type DuesRow, type YearBook, type YearView } from './dues-queries';

export interface GridYear extends YearView {
  /** false: `rows` are only the top of the list (onHead); the rest is being read */
  complete: boolean;
}

/** Members whose rows are worked out before the rest of the year is read: a screen and its margin. */
export const HEAD = 40;

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

function addEntries(book: YearBook, rows: readonly DuesEntry[], year: number): void {
  for (const e of rows) {
    if (e.deleted || e.period < `${year}-01` || e.period > `${year}-12`) continue;
    const list = book.entries.get(e.memberId);
    if (list) list.push(e);
    else book.entries.set(e.memberId, [e]);
  }
}

const rowsOf = (list: readonly (DuesRow | undefined)[]) => list.filter((r): r is DuesRow => !!r);

export async function loadGridYear(year: number, current: string, onHead?: (first: GridYear) => void): Promise<GridYear> {
  const db = await activeDb();
  const read = readMany(db, [{ table: db.members }, { table: db.duesExemptions }, { table: db.memberEvents }, { table: db.duesRates }] as const);
  const started = readBookStart(db, current);
  // A page's first Intl collator and number format each load ICU's Vietnamese data (~100-200 ms
  // at 4× CPU): made now, each in a task of its own while the register is read, rather than
  // inside the name sort and the first rows' render (the owed amounts).
  await breathe();
  compareNames('a', 'b');
  await breathe();
  formatMoney(0);
  const [[members, exemptions, events, rates], start] = await Promise.all([read, started]);
  await breathe();
  // sortByName's order (members come in id order; nameRank breaks name ties by id), sorted a
  // slice at a time: one task of several hundred ms at 20,000 members otherwise.
  const live = members.filter((m) => !m.deleted);
  const ordered: Member[] = placeByRank(live, await nameRankInSlices(live));
  if (onHead && ordered.length > HEAD) {
    const head = ordered.slice(0, HEAD);
    const book = yearBook([], exemptions, events, rates, start);
    // Small answers (a member's ledger): more of them out at a time.
    addEntries(book, (await readMany(db, head.map((m) => ({ table: db.dues, index: 'memberId', key: m.id })), PAGE, 8)).flat(), year);
    onHead({ year, current, rows: rowsOf(head.map((m) => yearRow(m, book, year, current))), complete: false });
    // Let those rows reach the screen before the year's pages start arriving.
    await afterPaint();
  }
  const book = yearBook([], exemptions, events, rates, start);
  for (const rows of await readMany(db, months(year).map((p) => ({ table: db.dues, index: 'period', key: p })))) {
    await breathe();
    addEntries(book, rows, year);
  }
  return { year, current, rows: rowsOf(await mapInSlices(ordered, (m) => yearRow(m, book, year, current))), complete: true };
}
