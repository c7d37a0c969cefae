// The "columns" form of a push batch (issue 13, B6: ≤ 60 bytes a change on the wire). A
// batch of 1,000 new members as plain mutations repeats every field name twice a change (in
// `fields` and in `base`) and spells out seq, op and the HLC's device each time: ~81 bytes a
// member of gzip, of which the values themselves are ~40. Here the field names go once per
// batch, each change is an array, and what the server can derive is left out:
//
//   { protocol, schemaVersion, deviceId, form: "columns",
//     names: [field name, …],                 every field name of the batch, once
//     shapes: [[name index, …], …],           the field lists the changes use
//     changes: [[seq, table, rowId, op, shape, values, base, hlc, mid?], …] }
//
//   seq     the first change's seq; after it, the difference from the change before
//   op      0 upsert, 1 delete
//   values  the fields' values in the shape's order
//   base    0 when every field's base is 0 (a new row), else the bases in the shape's order
//   hlc     for a stamp of today's format on this batch's device: [0, counter − the counter
//           before] in the same millisecond as the stamp before, else [ms − the ms before,
//           counter] (the first: [ms, counter]); any other stamp as text
//   mid     left out when it is the stamp itself (lib/hlc.ts midOf), else the mid
//
// The "field-columns" form is the same with the values taken out of the changes and sent field
// by field: `values[shape][j]` lists, in order, the j-th field's value of every change of that
// shape, and a change is [seq, table, rowId, op, shape, base, hlc, mid?]. A field's values side
// by side (every gender, every ethnicity, every admission date) gzip far better than row by
// row: 1,000 generated members 58.6 → 49.6 bytes a change (budget 60; B6).
// base is 0 too when every base entry is 0 and names one of the change's fields: a new row's
// createdAt has no base entry (data/outbox.ts), and a missing base is 0 to the server
// (server/src/sync/merge.ts), so the server reads the same change.
//
// A server that reads these forms says so in its push and pull answers (`pushForms`); the phone
// sends one only after hearing that (field-columns before columns), and goes back to plain
// mutations when a server answers a columns batch with 400 (a server rolled back).
// `expandColumns` gives back the plain batch it stands for (base 0 as a 0 for each field), so
// everything after it on the server is unchanged.
import type { Mutation } from './outbox';

export const COLUMNS_FORM = 'columns';
export const FIELD_COLUMNS_FORM = 'field-columns';
export type PushForm = 'plain' | typeof COLUMNS_FORM | typeof FIELD_COLUMNS_FORM;

/** The form to send a server that said it reads `forms`. */
export function pushFormFor(forms: readonly string[] | undefined): PushForm {
  return forms?.includes(FIELD_COLUMNS_FORM) ? FIELD_COLUMNS_FORM : forms?.includes(COLUMNS_FORM) ? COLUMNS_FORM : 'plain';
}

export interface ColumnsBatch {
  protocol: number;
  schemaVersion: number;
  deviceId: string;
  form: typeof COLUMNS_FORM | typeof FIELD_COLUMNS_FORM;
  names: string[];
  shapes: number[][];
  changes: unknown[][];
  /** field-columns: each shape's values, field by field */
  values?: unknown[][][];
}

interface PlainBatch {
  protocol: number;
  schemaVersion: number;
  deviceId: string;
  mutations: Mutation[];
}

const STAMP = /^(\d{13}):(\d{4}):(.+)$/;

/**
 * Field names, each once, and the field lists (shapes) made of them, each once: `shapeOf` gives
 * a list's shape index, a new one at the end (also the pull's field-columns form, pull-columns.ts).
 */
export function fieldShapes() {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const shapeOf = (keys: string[]): number => {
    const shape = keys.map((k) => nameIndex.get(k) ?? (nameIndex.set(k, names.push(k) - 1), names.length - 1));
    const key = shape.join(',');
    let s = shapeIndex.get(key);
    if (s === undefined) shapeIndex.set(key, (s = shapes.push(shape) - 1));
    return s;
  };
  return { names, shapes, shapeOf };
}

/** The columns form of a plain batch, or its field-columns form (the phone's side). */
export function toColumns(batch: PlainBatch, form: ColumnsBatch['form'] = COLUMNS_FORM): ColumnsBatch {
  const byField: unknown[][][] | undefined = form === FIELD_COLUMNS_FORM ? [] : undefined;
  const { names, shapes, shapeOf } = fieldShapes();
  const changes: unknown[][] = [];
  let prevSeq = 0;
  let prevMs = 0;
  let prevCounter = 0;
  for (const m of batch.mutations) {
    const keys = Object.keys(m.fields);
    const s = shapeOf(keys);
    if (byField && s === byField.length) byField.push(keys.map(() => []));
    // a base entry for each field and nothing else, or it cannot go as a list
    const baseKeys = Object.keys(m.base);
    const baseFits = baseKeys.length === keys.length && baseKeys.every((k) => k in m.fields);
    const allZero = baseKeys.every((k) => k in m.fields && m.base[k] === 0);
    const base = allZero ? 0 : baseFits ? keys.map((k) => m.base[k]) : m.base;
    const stamp = STAMP.exec(m.hlc);
    let hlc: unknown = m.hlc;
    if (stamp && stamp[3] === batch.deviceId) {
      const [ms, counter] = [Number(stamp[1]), Number(stamp[2])];
      // within one millisecond the counter counts up: its difference is 1, change after change
      hlc = ms === prevMs ? [0, counter - prevCounter] : [ms - prevMs, counter];
      prevMs = ms;
      prevCounter = counter;
    }
    const change: unknown[] = [changes.length ? m.seq - prevSeq : m.seq, m.table, m.rowId, m.op === 'delete' ? 1 : 0, s, base, hlc];
    if (byField) keys.forEach((k, j) => byField[s][j].push(m.fields[k]));
    else change.splice(5, 0, keys.map((k) => m.fields[k]));
    if (m.mid !== m.hlc) change.push(m.mid);
    prevSeq = m.seq;
    changes.push(change);
  }
  return { protocol: batch.protocol, schemaVersion: batch.schemaVersion, deviceId: batch.deviceId, form, names, shapes, changes, ...(byField ? { values: byField } : {}) };
}

/** Thrown for a columns batch that does not read (the server answers 400). */
export class ColumnsError extends Error {}

/**
 * The plain batch of a columns one (the server's side), or ColumnsError. Only the form is
 * checked here; every mutation is then checked as any pushed mutation is.
 */
export function expandColumns(body: Record<string, unknown>): PlainBatch {
  const { protocol, schemaVersion, deviceId, names, shapes, changes, values: byField } = body as Partial<ColumnsBatch>;
  const fieldColumns = body.form === FIELD_COLUMNS_FORM;
  const isList = (v: unknown): v is unknown[] => Array.isArray(v);
  if (typeof deviceId !== 'string' || !isList(names) || !isList(shapes) || !isList(changes)) throw new ColumnsError('a columns batch needs deviceId, names, shapes and changes');
  if (!names.every((n) => typeof n === 'string')) throw new ColumnsError('names must be texts');
  const fieldLists = shapes.map((s, i) => {
    if (!isList(s) || !s.every((k) => Number.isInteger(k) && (k as number) >= 0 && (k as number) < names.length)) throw new ColumnsError(`shapes.${i} must list name indexes`);
    return (s as number[]).map((k) => names[k]);
  });
  // field-columns: each shape's columns, and how many of each are read so far
  if (fieldColumns && !(isList(byField) && byField.length === shapes.length && byField.every((cols, s) => isList(cols) && cols.length === fieldLists[s].length && cols.every(isList)))) {
    throw new ColumnsError('values must hold a list per field of each shape');
  }
  const taken = shapes.map(() => 0);
  const mutations: Mutation[] = [];
  let seq = 0;
  let ms = 0;
  let counter = 0;
  changes.forEach((c: unknown, i) => {
    const size = fieldColumns ? 7 : 8;
    if (!isList(c) || c.length < size || c.length > size + 1) throw new ColumnsError(`changes.${i} must be a list of ${size} or ${size + 1}`);
    if (fieldColumns) c = [...c.slice(0, 5), [], ...c.slice(5)];
    const [dSeq, table, rowId, op, shape, inline, base, hlc, mid] = c as unknown[];
    const keys = Number.isInteger(shape) ? fieldLists[shape as number] : undefined;
    let values = inline;
    if (keys && fieldColumns) {
      const at = taken[shape as number]++;
      const cols = (byField as unknown[][][])[shape as number];
      if (cols.some((col) => col.length <= at)) throw new ColumnsError(`changes.${i}: values run out`);
      values = cols.map((col) => col[at]);
    }
    if (!keys || !isList(values) || values.length !== keys.length) throw new ColumnsError(`changes.${i}: shape and values do not match`);
    if (typeof dSeq !== 'number' || (op !== 0 && op !== 1)) throw new ColumnsError(`changes.${i}: seq and op must be numbers`);
    seq = i === 0 ? dSeq : seq + dSeq;
    let stamp: string;
    if (isList(hlc)) {
      const [dMs, n] = hlc;
      if (hlc.length !== 2 || !Number.isSafeInteger(dMs) || !Number.isInteger(n)) throw new ColumnsError(`changes.${i}: hlc`);
      counter = dMs === 0 ? counter + (n as number) : (n as number);
      ms += dMs as number;
      if (counter < 0 || counter > 9999 || ms < 0 || ms > 9_999_999_999_999) throw new ColumnsError(`changes.${i}: hlc`);
      stamp = `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${deviceId}`;
    } else if (typeof hlc === 'string') stamp = hlc;
    else throw new ColumnsError(`changes.${i}: hlc`);
    let bases: Record<string, number>;
    if (base === 0) bases = Object.fromEntries(keys.map((k) => [k, 0]));
    else if (isList(base)) {
      if (base.length !== keys.length) throw new ColumnsError(`changes.${i}: base and shape do not match`);
      bases = Object.fromEntries(keys.map((k, j) => [k, base[j] as number]));
    } else if (base && typeof base === 'object') bases = base as Record<string, number>;
    else throw new ColumnsError(`changes.${i}: base`);
    mutations.push({
      mid: mid === undefined ? stamp : (mid as string),
      seq,
      table: table as Mutation['table'],
      rowId: rowId as string,
      op: op === 1 ? 'delete' : 'upsert',
      fields: Object.fromEntries(keys.map((k, j) => [k, values[j]])),
      base: bases,
      hlc: stamp,
    });
  });
  if (fieldColumns && (byField as unknown[][][]).some((cols, s) => cols.some((col) => col.length !== taken[s]))) throw new ColumnsError('values left over');
  return { protocol: protocol as number, schemaVersion: schemaVersion as number, deviceId, mutations };
}
