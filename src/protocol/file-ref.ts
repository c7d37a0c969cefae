// Files (photos) are content-addressed blobs kept beside the records, not inside them
// (DESIGN.md "Files"). A record holds the blobs' sha256; `fileRefs` (id = sha256) tells every
// phone of the unit that the file exists, its size and kind, so it can be fetched on demand
// from PUT/GET /api/v1/units/:unit/files/:sha256.
import * as z from 'zod/mini';
import { syncMeta } from './common';

export const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'err.sha256' }));
/** photos attached to one record */
export const photoList = z.array(sha256Hex).check(z.maxLength(20, { message: 'err.tooMany' }));

/** what the file endpoint and the phone accept */
export const FILE_MIME_TYPES = ['image/jpeg'] as const;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const fileRefFields = z.object({
  sha256: sha256Hex,
  mime: z.enum(FILE_MIME_TYPES),
  bytes: z.int().check(z.gte(1), z.lte(MAX_FILE_BYTES)),
  width: z.optional(z.int().check(z.gte(1), z.lte(10000))),
  height: z.optional(z.int().check(z.gte(1), z.lte(10000))),
});
export type FileRefFields = z.infer<typeof fileRefFields>;
export const fileRefRecord = z.extend(fileRefFields, syncMeta);
export type FileRef = z.infer<typeof fileRefRecord>;
