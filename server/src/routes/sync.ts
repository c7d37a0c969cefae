// POST /units/:unit/push (secretary or deputy device of the unit) and POST /units/:unit/pull
// (any device of the unit, an admin, an assigned supervisor). The push runs as ONE store
// transaction around server/src/sync/push.ts; a transient database failure rolls it back and
// answers 503 with Retry-After (nothing of the batch happened). The pull answer is built from
// the stored JSON text without parsing it again.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { COLUMNS_FORM, ColumnsError, expandColumns, FIELD_COLUMNS_FORM } from '../../../src/protocol/push-columns';
import { FIELD_COLUMNS_PULL, PULL_FORM_HEADER } from '../../../src/protocol/pull-columns';
import { askedPageBytes, MAX_PAGE_ROWS, PAGE_BYTES_HEADER } from '../../../src/protocol/pull-pages';
import { SPARSE_VERSIONS_HEADER, SPARSE_VERSIONS_VALUE } from '../../../src/protocol/sparse-versions';
import { MAX_BATCH, PROTOCOL_VERSION } from '../../../src/protocol/sync';
import { requireUnit } from '../auth/principal';
import { ApiError } from '../http/errors';
import { Gate } from '../http/gate';
import { jsonAnswer } from '../http/gzip-answer';
import { parseWith, readJson, receiveJson } from '../http/json-body';
import { pullAnswer } from '../sync/pull-page';
import { hasMidAndSeq, type RawMutation } from '../sync/push';
import { StoreUnavailableError } from '../store/types';
import type { ApiDeps } from './deps';

const pushEnvelope = z.strictObject({
  protocol: z.number(),
  schemaVersion: z.number().check(z.int(), z.positive()),
  deviceId: z.string().check(z.minLength(8), z.maxLength(64)),
  mutations: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

const pullBody = z.strictObject({
  cursor: z.number().check(z.int(), z.nonnegative()),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_BATCH))),
  schemaVersion: z.optional(z.number().check(z.int(), z.positive())),
});

/**
 * Stored JSON per pull page: a unit whose rows carry large fields is sent in more pages (hasMore
 * carries on) instead of one answer too big to build. A page always holds at least one row.
 */
export const PULL_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Pushes and pulls a process works on at once (http/gate.ts); more wait their turn. Four keep
 * both cores and a Postgres pool busy; beyond that they only add memory.
 */
export const SYNC_CONCURRENCY = 4;
/** The bytes of a pull page that weigh one place at the pull gate. */
const PULL_WEIGHT_BYTES = 1024 * 1024;

/** The push forms this server reads besides plain mutations (src/protocol/push-columns.ts), told in every push and pull answer. */
const PUSH_FORMS = [COLUMNS_FORM, FIELD_COLUMNS_FORM];

/** A push body in a columns form as the plain batch it stands for; any other body as it is. */
function plainBatch(body: unknown): unknown {
  const form = body && typeof body === 'object' ? (body as { form?: unknown }).form : undefined;
  if (form !== COLUMNS_FORM && form !== FIELD_COLUMNS_FORM) return body;
  try {
    return expandColumns(body as Record<string, unknown>);
  } catch (e) {
    if (e instanceof ColumnsError) throw new ApiError(400, 'invalid_columns', e.message);
    throw e;
  }
}

export function syncRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  const pushes = new Gate(SYNC_CONCURRENCY);
  const pulls = new Gate(SYNC_CONCURRENCY);

  app.post('/units/:unit/push', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'push');
    if (p.kind !== 'device') throw new ApiError(403, 'forbidden', 'Only a device pushes');
    const received = await receiveJson(c, deps.pushMaxBodyBytes);
    return pushes.run(async () => {
      const body = parseWith(pushEnvelope, plainBatch(await received.parse()));
      if (body.protocol !== PROTOCOL_VERSION) {
        throw new ApiError(400, 'unsupported_protocol', `This server speaks sync protocol ${PROTOCOL_VERSION}; update the app`);
      }
      if (body.deviceId !== p.device.deviceId) throw new ApiError(403, 'device_mismatch', "deviceId is not this token's device");
      // Every entry needs a mid and a seq to be answered at all; everything else about an entry
      // is checked one by one inside the batch (a bad entry is 'rejected', never the batch).
      const bad = body.mutations.findIndex((m) => !hasMidAndSeq(m));
      if (bad >= 0) {
        throw new ApiError(400, 'invalid_mutation', `mutations.${bad}: every entry needs a mid (8–64 characters) and a positive whole seq`);
      }
      try {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const answer = await store.push({
          unitId,
          deviceId: p.device.deviceId,
          role: p.device.role,
          schemaVersion: body.schemaVersion,
          mutations: body.mutations as RawMutation[],
          now: deps.now(),
        });
        // How long the batch's transaction took, for browser devtools and the B6 benchmark.
        const cpu = process.cpuUsage(cpuBefore);
        c.header('Server-Timing', `store;dur=${(performance.now() - started).toFixed(1)}, cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}`);
        return jsonAnswer(c, JSON.stringify({ ...answer, pushForms: PUSH_FORMS }), { small: true });
      } catch (error) {
        // A fault of the database itself (read-only, full, damaged) is answered by http/errors.ts
        // with its own code; a busy database here, with the batch's words.
        if (error instanceof StoreUnavailableError && error.fault === 'busy') {
          console.error(`[server] push to ${unitId} rolled back:`, error.message);
          c.header('Retry-After', '5');
          throw new ApiError(503, 'unavailable', 'The server could not store this batch right now; nothing was applied. Try again shortly.');
        }
        throw error;
      }
    });
  });

  app.post('/units/:unit/pull', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'read');
    // read before the turn is taken: a slow phone's request never holds a place
    const body = parseWith(pullBody, await readJson(c, deps.maxBodyBytes));
    // A phone that asks for pages by bytes (src/protocol/pull-pages.ts) gets them filled to
    // that size, never past PULL_MAX_BYTES; any other asker gets `limit` rows as before.
    const bytes = askedPageBytes(c.req.header(PAGE_BYTES_HEADER));
    // A page of 2 MiB takes the place of two of 1,000 rows (~0.7 MiB of members): what the
    // process holds at once stays the same whatever the phones ask (B7).
    return pulls.run(async () => {
      const limit = bytes === undefined ? (body.limit ?? MAX_BATCH) : MAX_PAGE_ROWS;
      const page = await store.pull(unitId, body.cursor, limit, Math.min(bytes ?? PULL_MAX_BYTES, PULL_MAX_BYTES));
      const cursor = page.rows.length ? page.rows[page.rows.length - 1].version : body.cursor;
      const answer = pullAnswer(page, {
        cursor,
        deviceLastSeq: p.kind === 'device' ? p.device.lastSeq : undefined,
        resetRequired: body.cursor > page.unitVersion,
        sparseVersions: c.req.header(SPARSE_VERSIONS_HEADER)?.trim().toLowerCase() === SPARSE_VERSIONS_VALUE,
        fieldColumns: c.req.header(PULL_FORM_HEADER)?.trim().toLowerCase() === FIELD_COLUMNS_PULL,
        pushForms: PUSH_FORMS,
      });
      return jsonAnswer(c, answer);
    }, Math.min(bytes ?? 0, PULL_MAX_BYTES) / PULL_WEIGHT_BYTES);
  });

  return app;
}
