// Which figures changed between a sent version and the records now (issue 10: "the draft of
// the next version shows which figures have changed since"). Pure, no zod: the editor shows
// the list, and cấp trên's view can read the same answer between two versions.
//   - every number of ReportFigures is compared, except each rule's version `v` and the years;
//   - lists of objects are matched by their kind, id or name (a meeting kind held for the
//     first time is a change from nothing), lists of plain values (months without a regular
//     meeting) count as their length;
//   - a figure section present on one side only (targets set up later, ratings in a year
//     report) gives its numbers against nothing.
import type { ReportFigures } from './report-figures-schema';

export interface FigureChange {
  /** 'membership.end', 'meetings.byKind.regular.held', 'targets.items.target-0001.pct' */
  key: string;
  /** the figure section: 'membership', 'meetings' … */
  figure: string;
  /** the field inside the section or its list item: 'end', 'held', 'attendancePct' … */
  field: string;
  /** the list a changed item belongs to ('byKind', 'groups', 'items'), and the item's key */
  list?: string;
  item?: string;
  /** how a person names the item (a group's name, a project's or target's title) */
  itemLabel?: string;
  before?: number;
  after?: number;
}

type Obj = Record<string, unknown>;
const SKIP = new Set(['v', 'year']);

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const itemKey = (o: Obj): string => String(o.kind ?? o.id ?? o.name ?? '');
const itemLabel = (o: Obj): string | undefined => (typeof o.title === 'string' ? o.title : typeof o.name === 'string' ? o.name : undefined);

/** The numbers of one object (a figure section or a list item), by field; nested lists apart. */
function numbersOf(o: Obj | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k)) continue;
    if (typeof v === 'number') out.set(k, v);
    else if (Array.isArray(v) && !v.some(isObj)) out.set(k, v.length);
  }
  return out;
}

function fieldsOf(o: Obj | undefined): string[] {
  if (!o) return [];
  return Object.keys(o).filter((k) => !SKIP.has(k) && (typeof o[k] === 'number' || o[k] === undefined || (Array.isArray(o[k]) && !(o[k] as unknown[]).some(isObj))));
}

function compare(into: FigureChange[], base: Omit<FigureChange, 'field' | 'key' | 'before' | 'after'>, a: Obj | undefined, b: Obj | undefined): void {
  const before = numbersOf(a);
  const after = numbersOf(b);
  const fields = [...new Set([...fieldsOf(a), ...fieldsOf(b)])];
  for (const field of fields) {
    const x = before.get(field);
    const y = after.get(field);
    if (x === y) continue;
    const key = [base.figure, base.list, base.item, field].filter((p) => p !== undefined).join('.');
    into.push({ ...base, key, field, before: x, after: y });
  }
}

/** The numbers that differ between two sets of figures, in the figures' own order. */
export function figureChanges(before: ReportFigures, after: ReportFigures): FigureChange[] {
  const out: FigureChange[] = [];
  const a = before as unknown as Obj;
  const b = after as unknown as Obj;
  const sections = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => isObj(a[k]) || isObj(b[k]));
  for (const figure of sections) {
    const x = isObj(a[figure]) ? (a[figure] as Obj) : undefined;
    const y = isObj(b[figure]) ? (b[figure] as Obj) : undefined;
    compare(out, { figure }, x, y);
    const lists = [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])].filter((k) => [x?.[k], y?.[k]].some((l) => Array.isArray(l) && l.some(isObj)));
    for (const list of lists) {
      const xs = ((x?.[list] as unknown[]) ?? []).filter(isObj);
      const ys = ((y?.[list] as unknown[]) ?? []).filter(isObj);
      const keys = [...new Set([...xs.map(itemKey), ...ys.map(itemKey)])];
      for (const item of keys) {
        const xi = xs.find((o) => itemKey(o) === item);
        const yi = ys.find((o) => itemKey(o) === item);
        compare(out, { figure, list, item, itemLabel: itemLabel(yi ?? xi ?? {}) }, xi, yi);
      }
    }
  }
  return out;
}
