// The "field-columns" form of a pull page (issue 13, B6: ≤ 60 bytes a change on the wire), the
// pull side of push-columns.ts. A page of new members, row by row with sparse versions, costs
// ~68 bytes a member of gzip; its values field by field (every gender, every ethnicity, every
// admission place side by side) ~47. The phone asks with the request header below; a server
// that knows it answers
//
//   { cols: { names: [field name, …],          every field name of the page, once
//             shapes: [[name index, …], …],    the field lists the rows use
//             rows: [[table, id, shape, version, deleted?, versions?], …],
//             values: [[[value, …], …], …] },  values[shape][j]: the j-th field of every row of that shape, in order
//     cursor, hasMore, … }                     as in a page of rows
//
//   version   the first row's version; after it, the difference from the row before
//   deleted   1 deleted, 0 not; left out (with versions) when 0 and versions is empty
//   versions  the sparse versions (sparse-versions.ts): left out when empty
//
// A server that does not know the header answers `rows` as before, and the phone reads both, so
// neither side has to upgrade first.
import type { PulledRow } from './sync';
import { fieldShapes } from './push-columns';

export const PULL_FORM_HEADER = 'X-Scd-Pull-Form';
export const FIELD_COLUMNS_PULL = 'field-columns';

export interface PullColumns {
  names: string[];
  shapes: number[][];
  rows: unknown[][];
  values: unknown[][][];
}

/** The columns of a page's rows (the server's side; `versions` already sparse). */
export function toPullColumns(rows: readonly PulledRow[]): PullColumns {
  const { names, shapes, shapeOf } = fieldShapes();
  const values: unknown[][][] = [];
  let prev = 0;
  const out = rows.map((r, i) => {
    const keys = Object.keys(r.fields);
    const s = shapeOf(keys);
    if (s === values.length) values.push(keys.map(() => []));
    keys.forEach((k, j) => values[s][j].push(r.fields[k]));
    const row: unknown[] = [r.table, r.id, s, i ? r.version - prev : r.version];
    prev = r.version;
    const sparse = Object.keys(r.versions).length > 0;
    if (r.deleted || sparse) row.push(r.deleted ? 1 : 0);
    if (sparse) row.push(r.versions);
    return row;
  });
  return { names, shapes, rows: out, values };
}

/** The rows of a columns page (the phone's side); throws on one that does not read. */
export function fromPullColumns(cols: PullColumns): PulledRow[] {
  const { names, shapes, rows, values } = cols ?? ({} as PullColumns);
  const isList = Array.isArray;
  if (!isList(names) || !isList(shapes) || !isList(rows) || !isList(values) || values.length !== shapes.length) throw new Error('malformed pull columns');
  const taken = shapes.map(() => 0);
  let version = 0;
  const out = rows.map((row, i): PulledRow => {
    const [table, id, s, dVersion, deleted = 0, versions = {}] = isList(row) ? row : [];
    const fields: Record<string, unknown> = {};
    const shape = Number.isInteger(s) ? shapes[s as number] : undefined;
    const cols = shape && values[s as number];
    if (!isList(shape) || !isList(cols) || cols.length !== shape.length || typeof dVersion !== 'number') throw new Error(`malformed pulled row ${i}`);
    const at = taken[s as number]++;
    shape.forEach((k, j) => {
      if (!isList(cols[j]) || cols[j].length <= at) throw new Error(`malformed pulled row ${i}`);
      // a field named __proto__ (JSON.parse keeps it as a field) stays a field, not the prototype
      Object.defineProperty(fields, names[k], { value: cols[j][at], enumerable: true, writable: true, configurable: true });
    });
    version = i ? version + dVersion : dVersion;
    return { table: table as PulledRow['table'], id: id as string, fields, versions: versions as Record<string, number>, deleted: deleted === 1, version };
  });
  if (values.some((cols, s) => cols.some((col) => col.length !== taken[s]))) throw new Error('malformed pull columns: values left over');
  return out;
}
