// The dues grid's view: each member's row (name, card, group, the twelve months' states, what
// is owed) worked out once for the year (grid-load.ts), and kept in the year views
// (data/year-views.ts) so that opening /dues/grid again reads one row, not 5,000 member
// digests and a dues year each (PERFORMANCE.md B9).
import type { CellState } from '../../protocol/dues-rules';
import { activeDb } from '../../data/session';
import { throughYearView, viewStamp, type ViewForm } from '../../data/year-views';
import { todayIso } from '../../lib/dates';
import { loadGridYear, type GridRow, type GridYear } from './grid-load';

export interface GridRowView {
  id: string;
  fullName: string;
  cardNumber?: string;
  subGroup?: string;
  /** the twelve months, January first */
  states: CellState[];
  paidMonths: number;
  owedMonths: number;
  partialMonths: number;
  /** đồng still owed up to the current month */
  owedAmount: number;
}

export interface GridView {
  year: number;
  current: string;
  rows: GridRowView[];
  /** false: the first rows only (the rest is being worked out) */
  complete: boolean;
}

export function gridRowView({ member: m, year: y }: GridRow): GridRowView {
  return { id: m.id, fullName: m.fullName, cardNumber: m.cardNumber, subGroup: m.subGroup, states: y.months.map((c) => c.state), paidMonths: y.paidMonths, owedMonths: y.owedMonths, partialMonths: y.partialMonths, owedAmount: y.owedAmount };
}

const viewOf = (y: GridYear): GridView => ({ year: y.year, current: y.current, rows: y.rows.map(gridRowView), complete: y.complete });

/** Stored: the rows as columns; a month's state as its place in STATES, twelve a row. */
interface StoredGridView {
  year: number;
  current: string;
  ids: string[];
  names: string[];
  cards: (string | undefined)[];
  groups: (string | undefined)[];
  states: Uint8Array;
  counts: Uint8Array;
  owed: Float64Array;
}

const STATES: readonly CellState[] = ['paid', 'partial', 'owed', 'upcoming', 'exempt', 'none', 'settled', 'unknown'];
const MONTHS = 12;

export const GRID_VIEW_FORM: ViewForm<GridView, StoredGridView> = {
  pack(v) {
    const n = v.rows.length;
    const s: StoredGridView = { year: v.year, current: v.current, ids: new Array(n), names: new Array(n), cards: new Array(n), groups: new Array(n), states: new Uint8Array(n * MONTHS), counts: new Uint8Array(n * 3), owed: new Float64Array(n) };
    v.rows.forEach((r, i) => {
      if (r.states.length !== MONTHS) throw new Error(`a grid row of ${r.states.length} months`);
      s.ids[i] = r.id;
      s.names[i] = r.fullName;
      s.cards[i] = r.cardNumber;
      s.groups[i] = r.subGroup;
      r.states.forEach((st, k) => (s.states[i * MONTHS + k] = STATES.indexOf(st)));
      s.counts.set([r.paidMonths, r.owedMonths, r.partialMonths], i * 3);
      s.owed[i] = r.owedAmount;
    });
    return s;
  },
  unpack(s) {
    const rows: GridRowView[] = new Array(s.ids.length);
    for (let i = 0; i < rows.length; i++) {
      const states: CellState[] = new Array(MONTHS);
      for (let k = 0; k < MONTHS; k++) states[k] = STATES[s.states[i * MONTHS + k]];
      rows[i] = { id: s.ids[i], fullName: s.names[i], cardNumber: s.cards[i], subGroup: s.groups[i], states, paidMonths: s.counts[i * 3], owedMonths: s.counts[i * 3 + 1], partialMonths: s.counts[i * 3 + 2], owedAmount: s.owed[i] };
    }
    return { year: s.year, current: s.current, rows, complete: true };
  },
};

/**
 * The year's grid: from the year views while nothing was written since it was worked out, else
 * from the member digests (grid-load.ts; `onHead` gets the first rows before the rest).
 */
export async function loadGridView(year: number, current: string, onHead?: (first: GridView) => void, today = todayIso()): Promise<GridView> {
  const db = await activeDb();
  const work = async () => viewOf(await loadGridYear(year, current, onHead && ((head) => onHead(viewOf(head)))));
  // The code's address names its build (its chunk's hash covers what it imports).
  return throughYearView(db, `grid:${year}`, viewStamp(import.meta.url, today, String(year), current), work, GRID_VIEW_FORM);
}
