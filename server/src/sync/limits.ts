// What a device may store on the server (issue 12): how big one row may grow, and from which
// app versions fields the server does not know are kept. Both bound what a pull must carry:
// a unit's rows once grew (from a device claiming any schemaVersion) until one pull of 1,000
// rows passed V8's longest string and no phone of the unit could sync again.
import { SCHEMA_VERSION } from '../../../src/protocol/sync';
import type { RowState } from './types';

/**
 * A row's stored JSON (its fields plus their versions, as a pull page counts it) may not pass
 * 512 KiB. Every record the app can write fits: the largest are a report and a sent report
 * version with all ten sections at their 16,000 characters (160,000 characters: about 210 KB
 * of Vietnamese at the 1.3 bytes a character measured on our texts, 480 KB even if every
 * character took three bytes) and minutes at every limit (about 380 KB at three bytes a
 * character, plus about 40 bytes a member on a frozen roll). At the cap a pull page
 * (PULL_MAX_BYTES, 4 MiB) still holds eight rows, and 1,000 rows at the cap stay under V8's
 * longest string even if something built them into one answer.
 */
export const MAX_ROW_BYTES = 512 * 1024;

/**
 * The newest schemaVersion whose unknown fields are kept: the next one. The app is served by
 * this server, so a phone runs a newer app only when it loaded one from a newer server — a
 * process of the next release during a rolling update, or before the server was rolled back —
 * and that is one step ahead. Anything further is not a version the server can name: its
 * unknown fields are refused ('err.schemaTooNew', the user sees it and keeps the change)
 * instead of stored blindly; its known fields are checked and kept as from any app.
 */
export const NEWEST_NAMEABLE_SCHEMA = SCHEMA_VERSION + 1;

/**
 * True when `row` passes MAX_ROW_BYTES and is bigger than `before` (the row as stored, or
 * null): a row stored over the cap before the cap existed can still be edited without
 * growing, or deleted. Most rows are judged by an upper bound of their JSON's size, walked
 * without building any text (a push checks 1,000 rows: stringifying each cost ~2 ms a batch);
 * only a row whose bound passes the cap is measured exactly.
 */
export function rowTooLarge(row: RowState, before: RowState | null): boolean {
  if (boundBytes(row.data, MAX_ROW_BYTES) + boundBytes(row.versions, MAX_ROW_BYTES) <= MAX_ROW_BYTES) return false;
  if (rowBytes(row) <= MAX_ROW_BYTES) return false;
  return !before || rowBytes(row) > rowBytes(before);
}

/**
 * At least the UTF-8 bytes of JSON.stringify(value) (a UTF-16 unit is at most six bytes of
 * JSON, "\u001f"), or a number past `cap` as soon as the walk passes it. Values that
 * JSON.stringify leaves out (undefined, functions) count as the "null" they may become.
 */
export function boundBytes(value: unknown, cap: number): number {
  switch (typeof value) {
    case 'string':
      return 2 + 6 * value.length;
    // the longest a double prints: "-0.0000012345678901234567" (below 1e-5 JSON still writes
    // the zeros out, down to 1e-6), 25 characters; exponents write "-1.2345678901234567e-308", 24
    case 'number':
    case 'bigint':
      return 25;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      let total = 2;
      if (Array.isArray(value)) {
        for (const item of value) {
          total += 1 + boundBytes(item, cap);
          if (total > cap) return total;
        }
        return total;
      }
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        total += 4 + 6 * key.length + boundBytes((value as Record<string, unknown>)[key], cap);
        if (total > cap) return total;
      }
      return total;
    }
    default:
      return 4;
  }
}

/** The row's stored JSON in UTF-8 bytes, as Store.pull counts it. */
export function rowBytes(row: Pick<RowState, 'data' | 'versions'>): number {
  return Buffer.byteLength(JSON.stringify(row.data)) + Buffer.byteLength(JSON.stringify(row.versions));
}
