// Wire messages of the sync protocol (DESIGN.md "Sync protocol"). Client and server both
// validate with these; the record schemas of each table validate `fields`.
import * as z from 'zod/mini';
import { mutation, SYNCED_TABLES } from './outbox';

export const PROTOCOL_VERSION = 1;
/** Bumped with every Dexie version that changes a synced record's shape. */
export const SCHEMA_VERSION = 3;
export const MAX_BATCH = 1000;

export const ROLES = ['admin', 'supervisor', 'secretary', 'deputy', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may write a unit's records. */
export const WRITER_ROLES: readonly Role[] = ['secretary', 'deputy'];

export const pushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  schemaVersion: z.number().check(z.int(), z.positive()),
  deviceId: z.string().check(z.minLength(8), z.maxLength(64)),
  mutations: z.array(mutation).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const PUSH_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected', 'gap'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export const pushResult = z.object({
  mid: z.string(),
  status: z.enum(PUSH_STATUSES),
  version: z.optional(z.number().check(z.int())),
  conflictId: z.optional(z.string()),
  /** for rejected: an i18n key or a plain reason the user can act on */
  error: z.optional(z.string()),
  /** for rejected: the one field at fault, when there is one (docs/sync-api.md) */
  field: z.optional(z.string()),
});
export type PushResult = z.infer<typeof pushResult>;

export const pushResponse = z.object({
  results: z.array(pushResult),
  lastSeq: z.number().check(z.int(), z.nonnegative()),
  /** push forms the server reads besides plain mutations (push-columns.ts); an older server sends none */
  pushForms: z.optional(z.array(z.string())),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullRequest = z.object({
  cursor: z.number().check(z.int(), z.nonnegative()),
  limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_BATCH)), MAX_BATCH),
  schemaVersion: z.optional(z.number().check(z.int(), z.positive())),
});
export type PullRequest = z.infer<typeof pullRequest>;

export const pulledRow = z.object({
  table: z.enum(SYNCED_TABLES),
  id: z.string(),
  /** every field of the row as the server has it */
  fields: z.record(z.string(), z.unknown()),
  /** field → unit version that last wrote it (becomes the row's `rev`) */
  versions: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  deleted: z.boolean(),
  version: z.number().check(z.int(), z.positive()),
});
export type PulledRow = z.infer<typeof pulledRow>;

export const pullResponse = z.object({
  rows: z.array(pulledRow),
  cursor: z.number().check(z.int(), z.nonnegative()),
  hasMore: z.boolean(),
  /** the device's lastSeq as the server has it (a fresh device learns where to resume) */
  deviceLastSeq: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** as in the push answer */
  pushForms: z.optional(z.array(z.string())),
});
export type PullResponse = z.infer<typeof pullResponse>;

export const apiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof apiError>;
