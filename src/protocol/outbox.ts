// The outbox entry: what sync will push (DESIGN.md "Sync protocol").
import * as z from 'zod/mini';

export const SYNCED_TABLES = [
  'units',
  'members',
  'memberEvents',
  'meetings',
  'activities',
  'attendance',
  'minutes',
  'minutesAddenda',
  // schema 3 (training, dues, rating)
  'trainingItems',
  'trainingRegistrations',
  'trainingProgress',
  'dues',
  'duesExemptions',
  'duesRates',
  'remittances',
  'ratings',
  'unitRatings',
  'unitSettings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

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
