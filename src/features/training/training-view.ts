// The training screen's view: each member's row (name, group, items done of chosen, outcome)
// worked out once for the whole year, and kept in the year views (data/year-views.ts) so that
// opening /training again reads one row, not 5,000 member digests (PERFORMANCE.md B9). The
// rates and filters are counted from the rows on the screen.
import type { TrainingItem } from '../../protocol/training';
import type { TrainingOutcome } from '../../protocol/training-enums';
import type { DigestMember } from '../../data/member-digest';
import { activeDb } from '../../data/session';
import { throughYearView, viewStamp, type ViewForm } from '../../data/year-views';
import { unitYearSpan } from '../../data/unit-year';
import { todayIso } from '../../lib/dates';
import { mapInSlices } from '../../lib/slices';
import type { YearLike, YearSpan } from '../../protocol/year';
import { loadTrainingYear, type TrainingYear } from './training-queries';

export interface TrainingRowView {
  id: string;
  fullName: string;
  subGroup?: string;
  /** registered: its outcome ('' not assessed yet); undefined: not registered */
  outcome?: TrainingOutcome | '';
  /** items done or credited, of the items chosen */
  done: number;
  total: number;
}

export interface TrainingView {
  year: number;
  items: TrainingItem[];
  /** the year's roster, by given name */
  rows: TrainingRowView[];
  /** false: the first rows only (the rest is being read) */
  complete: boolean;
}

/**
 * A member's row. Items done or credited of those chosen, counted as memberItemStates states
 * them (protocol/training-rules.ts), without its arrays and sets per member: 5,000 of those
 * before the year was ready cost ~0.35-0.7 s at 4x (year-scale.mjs, alternated with the
 * screen that counted only the rows drawn). `known`: the year's item ids.
 */
function rowOf(m: DigestMember, y: TrainingYear, known: ReadonlySet<string>): TrainingRowView {
  const reg = y.registrations.get(m.id);
  const row: TrainingRowView = { id: m.id, fullName: m.fullName, subGroup: m.subGroup, done: 0, total: 0 };
  if (!reg) return row;
  row.outcome = reg.outcome;
  const progress = y.progress.get(m.id);
  const credited = y.credited.get(m.id);
  for (const itemId of reg.itemIds) {
    if (!known.has(itemId)) continue;
    row.total++;
    if (credited?.has(itemId) || progress?.some((p) => p.itemId === itemId && p.done && p.memberId === m.id)) row.done++;
  }
  return row;
}

const itemIds = (y: TrainingYear) => new Set(y.items.map((i) => i.id));

async function viewOf(y: TrainingYear): Promise<TrainingView> {
  const known = itemIds(y);
  return { year: y.year, items: y.items, rows: await mapInSlices(y.roster, (m) => rowOf(m, y, known), 500), complete: y.complete };
}

/** Stored: the rows as columns. Outcome: -1 not registered, 0 not assessed, else 1 + its place in OUTCOMES. */
interface StoredTrainingView {
  year: number;
  items: TrainingItem[];
  ids: string[];
  names: string[];
  groups: (string | undefined)[];
  outcomes: Int8Array;
  done: Uint16Array;
  total: Uint16Array;
}

const OUTCOMES: readonly TrainingOutcome[] = ['excellent', 'good', 'completed', 'not_completed'];

export const TRAINING_VIEW_FORM: ViewForm<TrainingView, StoredTrainingView> = {
  pack(v) {
    const n = v.rows.length;
    const s: StoredTrainingView = { year: v.year, items: v.items, ids: new Array(n), names: new Array(n), groups: new Array(n), outcomes: new Int8Array(n), done: new Uint16Array(n), total: new Uint16Array(n) };
    v.rows.forEach((r, i) => {
      s.ids[i] = r.id;
      s.names[i] = r.fullName;
      s.groups[i] = r.subGroup;
      s.outcomes[i] = r.outcome === undefined ? -1 : r.outcome === '' ? 0 : 1 + OUTCOMES.indexOf(r.outcome);
      s.done[i] = r.done;
      s.total[i] = r.total;
    });
    return s;
  },
  unpack(s) {
    const rows: TrainingRowView[] = new Array(s.ids.length);
    for (let i = 0; i < rows.length; i++) {
      const o = s.outcomes[i];
      const row: TrainingRowView = { id: s.ids[i], fullName: s.names[i], subGroup: s.groups[i], done: s.done[i], total: s.total[i] };
      if (o >= 0) row.outcome = o === 0 ? '' : OUTCOMES[o - 1];
      rows[i] = row;
    }
    return { year: s.year, items: s.items, rows, complete: true };
  },
};

/**
 * The year's training view: from the year views while nothing was written since it was
 * worked out, else from the member digests (loadTrainingYear; `onHead` gets the first rows
 * before the rest is counted).
 */
export async function loadTrainingView(year: YearLike, onHead?: (first: TrainingView) => void, today = todayIso()): Promise<TrainingView> {
  const db = await activeDb();
  const span: YearSpan = typeof year === 'number' ? await unitYearSpan(year, db) : year;
  const head =
    onHead &&
    ((y: TrainingYear) => {
      const known = itemIds(y);
      onHead({ year: y.year, items: y.items, rows: y.roster.map((m) => rowOf(m, y, known)), complete: false });
    });
  const work = async () => viewOf(await loadTrainingYear(span, head, today));
  // The code's address names its build (its chunk's hash covers what it imports): a new
  // version of the rules never shows a view the old one worked out.
  return throughYearView(db, `training:${span.from}`, viewStamp(import.meta.url, today, span.from, span.to), work, TRAINING_VIEW_FORM);
}
