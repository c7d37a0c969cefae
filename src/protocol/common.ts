// Shapes shared by every synced record. No DOM, Dexie or Node imports here: client and
// server both validate with these schemas.
// zod/mini (functional API, no classic methods): the classic build drags JSON-Schema
// generation into the bundle (PERFORMANCE.md B1).
import * as z from 'zod/mini';
import { isValidIsoDate } from '../lib/dates';

/** Error messages are i18n keys (src/i18n/vi/*.json), so forms, import and server speak one language. */
export const isoDate = z.string().check(z.refine(isValidIsoDate, { message: 'err.date' }));
export const optionalIsoDate = z.optional(z.union([z.literal(''), isoDate]));
export const id = z.string().check(z.minLength(8), z.maxLength(100), z.regex(/^[0-9A-Za-z:_-]+$/, { message: 'err.id' }));
export const text = (max = 200) => z.string({ error: 'err.required' }).check(z.trim(), z.maxLength(max, { message: 'err.tooLong' }));
export const optionalText = (max = 200) => z.optional(text(max));

/** Meta carried by every synced row (DESIGN.md "Local data"). */
export const syncMeta = {
  id,
  unitId: id,
  /** field → server version last seen; 0 or absent = never synced */
  rev: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Fields a user never writes through a form: they are set by the repo layer (record-ids.ts: no zod). */
export { META_FIELDS } from './record-ids';
