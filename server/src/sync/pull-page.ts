// A pull answer written straight into one buffer of UTF-8 bytes. The stored JSON of each row
// goes in as it is (SQLite hands it over as bytes, never as a JavaScript string), so a page
// of 1,000 rows builds no per-row strings and no page-sized UTF-16 text: with 20 phones
// pulling a 15,000-row unit at once those strings were most of the server's memory (issue 13,
// B7).
import { sparseVersionsJson } from '../../../src/protocol/sparse-versions';
import { toPullColumns } from '../../../src/protocol/pull-columns';
import type { PullPage, RawPulledRow } from '../store/types';

export interface PullAnswerExtras {
  cursor: number;
  /** the device's lastSeq, for a device's pull */
  deviceLastSeq?: number;
  resetRequired?: boolean;
  /**
   * The phone asked for sparse versions (X-Scd-Versions: sparse, src/protocol/sparse-versions.ts):
   * a field written at the row's own version goes without its entry.
   */
  sparseVersions?: boolean;
  /** the push forms the server reads (src/protocol/push-columns.ts) */
  pushForms?: readonly string[];
  /** the phone asked for the field-columns form (src/protocol/pull-columns.ts); versions go sparse in it */
  fieldColumns?: boolean;
}

const ROWS_OPEN = '{"rows":[';

/** The answer `{"rows":[…],"cursor":…,"hasMore":…[,"deviceLastSeq":…][,"resetRequired":true][,"pushForms":[…]]}`. */
export function pullAnswer(page: PullPage, extras: PullAnswerExtras): Buffer {
  if (extras.fieldColumns) return columnsAnswer(page, extras);
  const heads = page.rows.map(rowHead);
  const versions = extras.sparseVersions ? page.rows.map(sparse) : page.rows.map((r) => r.versionsJson);
  const tail = `]${answerTail(page, extras)}`;
  let size = ROWS_OPEN.length + Buffer.byteLength(tail);
  page.rows.forEach((r, i) => {
    size += (i ? 1 : 0) + Buffer.byteLength(heads[i]) + byteLength(r.fieldsJson) + VERSIONS.length + byteLength(versions[i]) + Buffer.byteLength(rowTail(r));
  });
  const out = Buffer.allocUnsafe(size);
  let at = out.write(ROWS_OPEN, 0, 'latin1');
  page.rows.forEach((r, i) => {
    if (i) at += out.write(',', at, 'latin1');
    at += out.write(heads[i], at, 'utf8');
    at += put(out, r.fieldsJson, at);
    at += out.write(VERSIONS, at, 'latin1');
    at += put(out, versions[i], at);
    at += out.write(rowTail(r), at, 'utf8');
  });
  at += out.write(tail, at, 'utf8');
  if (at !== size) throw new Error(`pull answer: wrote ${at} of ${size} bytes`);
  return out;
}

/** `,"cursor":…,"hasMore":…[,…]}`: what follows the rows (or the columns). */
function answerTail(page: PullPage, extras: PullAnswerExtras): string {
  let tail = `,"cursor":${extras.cursor},"hasMore":${page.hasMore}`;
  if (extras.deviceLastSeq !== undefined) tail += `,"deviceLastSeq":${extras.deviceLastSeq}`;
  if (extras.resetRequired) tail += ',"resetRequired":true';
  if (extras.pushForms) tail += `,"pushForms":${JSON.stringify(extras.pushForms)}`;
  return `${tail}}`;
}

/**
 * `{"cols":{…},"cursor":…}`: the rows parsed (the sparse versions parse them anyway), their
 * values gathered field by field, and written one field's list at a time.
 */
function columnsAnswer(page: PullPage, extras: PullAnswerExtras): Buffer {
  const rows = page.rows.map((r) => {
    const fields = JSON.parse(text(r.fieldsJson)) as Record<string, unknown>;
    // sparse versions (sparse-versions.ts) from the fields already parsed: a field written at
    // the row's own version goes without its entry
    const versions = JSON.parse(text(r.versionsJson)) as Record<string, number>;
    for (const k of Object.keys(versions)) if (versions[k] === r.version && Object.hasOwn(fields, k)) delete versions[k];
    return { table: r.table, id: r.id, fields, versions, deleted: r.deleted, version: r.version };
  });
  const { names, shapes, rows: heads, values } = toPullColumns(rows);
  rows.length = 0;
  const parts = [Buffer.from(`{"cols":{"names":${JSON.stringify(names)},"shapes":${JSON.stringify(shapes)},"rows":${JSON.stringify(heads)},"values":[`)];
  values.forEach((cols, s) => {
    parts.push(Buffer.from(s ? ',[' : '['));
    cols.forEach((col, j) => parts.push(Buffer.from((j ? ',' : '') + JSON.stringify(col))));
    parts.push(Buffer.from(']'));
  });
  parts.push(Buffer.from(`]}${answerTail(page, extras)}`));
  return Buffer.concat(parts);
}

const VERSIONS = ',"versions":';
const rowHead = (r: RawPulledRow) => `{"table":${JSON.stringify(r.table)},"id":${JSON.stringify(r.id)},"fields":`;
const rowTail = (r: RawPulledRow) => `,"deleted":${r.deleted},"version":${r.version}}`;
const text = (json: string | Uint8Array) => (typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
const sparse = (r: RawPulledRow) => sparseVersionsJson(() => text(r.fieldsJson), text(r.versionsJson), r.version);
const byteLength = (json: string | Uint8Array) => (typeof json === 'string' ? Buffer.byteLength(json) : json.byteLength);

function put(out: Buffer, json: string | Uint8Array, at: number): number {
  if (typeof json === 'string') return out.write(json, at, 'utf8');
  out.set(json, at);
  return json.byteLength;
}
