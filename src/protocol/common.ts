// Shapes shared by every synced record. No DOM, Dexie or Node imports here: client and
// server both validate with these schemas.
import * as z from 'zod';
import { isValidIsoDate } from '../lib/dates';

/** Error messages are i18n keys (src/i18n/vi/*.json), so forms, import and server speak one language. */
export const isoDate = z.string().refine(isValidIsoDate, { message: 'err.date' });
export const optionalIsoDate = z.union([z.literal(''), isoDate]).optional();
export const id = z.string().min(8).max(100).regex(/^[0-9A-Za-z:_-]+$/, { message: 'err.id' });
export const text = (max = 200) => z.string({ error: 'err.required' }).trim().max(max, { message: 'err.tooLong' });
export const optionalText = (max = 200) => text(max).optional();

/** Meta carried by every synced row (DESIGN.md "Local data"). */
export const syncMeta = {
  id,
  unitId: id,
  /** field → server version last seen; 0 or absent = never synced */
  rev: z.record(z.string(), z.number().int().nonnegative()),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Fields a user never writes through a form: they are set by the repo layer. */
export const META_FIELDS = ['id', 'unitId', 'rev', 'deleted', 'createdAt', 'updatedAt'] as const;
