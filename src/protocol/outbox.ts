// The outbox entry: what sync will push (DESIGN.md "Sync protocol").
import * as z from 'zod/mini';

import { SYNCED_TABLES } from './tables';
export { SYNCED_TABLES, type SyncedTable } from './tables';

export const mutation = z.object({
  /** idempotent id of this mutation */
  mid: z.string().check(z.minLength(8), z.maxLength(64)),
  /** counts up per device with no gaps */
  seq: z.number().check(z.int(), z.positive()),
  table: z.enum(SYNCED_TABLES),
  rowId: z.string().check(z.minLength(8), z.maxLength(100)),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  /** server version of each changed field the device had when it edited */
  base: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  /** hybrid logical clock stamp */
  hlc: z.string().check(z.maxLength(64)),
});
export type Mutation = z.infer<typeof mutation>;
