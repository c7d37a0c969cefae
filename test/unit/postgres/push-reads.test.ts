// A push's reads on Postgres touch the rows its batch names, not the unit, and a pull page the
// rows it answers (issue 13, B6). As a
// join of the unit's rows with the batch's keys, or as `mid = ANY(…)`, Postgres hashed or
// filtered every row of the unit: 8,000 rows read for a batch's 1,000 in the B6 bench, and all
// 14,000 of its push results for the batch's mids, growing for as long as the unit syncs. The
// statements are the store's own (server/src/store/postgres-sync.ts), run under EXPLAIN ANALYZE
// on a unit far larger than the batch, with its statistics never gathered (a unit that grew since
// autovacuum last looked) and again after ANALYZE.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../server/src/store/postgres';
import { PULL_SETTINGS, PULL_SQL, READ_MIDS_SQL, READ_ROWS_SQL, READ_STORED_SQL, READ_TOMBSTONES_SQL } from '../../../server/src/store/postgres-sync';
import { testDatabaseUrl } from '../sync-server/helpers';

const UNIT = 'unit-big';
const DEVICE = 'device-a';
const HELD = 6_000;
const ASKED = 300;

let store: PostgresStore;
let client: pg.Client;

beforeAll(async () => {
  const url = (await testDatabaseUrl())!;
  store = await PostgresStore.open({ connectionString: url });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // a second unit beside it, so the table is not the unit's alone
  for (const id of [UNIT, 'unit-other']) {
    await store.createUnit({ id, name: id, parentUnit: null, createdAt: '2026-01-01T00:00:00.000Z' });
    await client.query(
      `INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version)
       SELECT $1, 'members', 'm' || n, '{"fullName":"Nguyễn Văn ' || n || '"}', '{"fullName":' || n || '}', '{}', false, 1000 + n
       FROM generate_series(1, $2::int) AS n`,
      [id, HELD],
    );
    await client.query(
      `INSERT INTO mutation_results (unit_id, device_id, seq, mid, result)
       SELECT $1, $2, n, 'mid' || n, '{"status":"applied","version":' || n || '}' FROM generate_series(1, $3::int) AS n`,
      [id, DEVICE, HELD],
    );
  }
});

afterAll(async () => {
  await client?.end();
  await store?.close();
});

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows of `table` the statement's scans read (returned or thrown away), over every loop; `settings` first, in its transaction. */
async function rowsRead(sql: string, params: unknown[], table: string, settings?: string): Promise<number> {
  await client.query('BEGIN');
  if (settings) await client.query(settings);
  const explained = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  await client.query('COMMIT');
  const plan = explained.rows[0]['QUERY PLAN'][0].Plan as PlanNode;
  let read = 0;
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === table) {
      const perLoop = (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      read += perLoop * (node['Actual Loops'] ?? 1);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return read;
}

// half the keys held by the unit, half not
const ids = Array.from({ length: ASKED }, (_, i) => (i % 2 ? `m${i * 7 + 1}` : `new-${i}`));
const mids = Array.from({ length: ASKED }, (_, i) => (i % 2 ? `mid${i * 7 + 1}` : `new-mid-${i}`));
const seqs = Array.from({ length: ASKED }, (_, i) => i * 7 + 1);

describe.each([
  ['statistics never gathered', false],
  ['after ANALYZE', true],
])('a push of %s reads only what its batch names', (_label, analyze) => {
  beforeAll(async () => {
    if (analyze) await client.query('ANALYZE rows; ANALYZE mutation_results');
  });

  it('the stored rows: one probe per key', async () => {
    const found = await client.query(READ_ROWS_SQL, [UNIT, ids.map(() => 'members'), ids]);
    expect(found.rows).toHaveLength(ASKED / 2);
    expect(await rowsRead(READ_ROWS_SQL, [UNIT, ids.map(() => 'members'), ids], 'rows')).toBeLessThanOrEqual(ASKED);
  });

  it('the deleted members among those the roll names: one probe per member, the live ones not returned', async () => {
    await client.query("UPDATE rows SET deleted = true WHERE unit_id = $1 AND id = 'm8'", [UNIT]);
    const members = ids.filter((id) => id.startsWith('m'));
    const found = await client.query(READ_TOMBSTONES_SQL, [UNIT, members]);
    expect(found.rows.map((r) => r.id)).toEqual(['m8']);
    expect(await rowsRead(READ_TOMBSTONES_SQL, [UNIT, members], 'rows')).toBeLessThanOrEqual(members.length);
    await client.query("UPDATE rows SET deleted = false WHERE unit_id = $1 AND id = 'm8'", [UNIT]);
  });

  it('the mids seen before: one probe per mid', async () => {
    const found = await client.query(READ_MIDS_SQL, [UNIT, mids]);
    expect(found.rows).toHaveLength(ASKED / 2);
    expect(found.rows.every((r) => r.device_id === DEVICE)).toBe(true);
    expect(await rowsRead(READ_MIDS_SQL, [UNIT, mids], 'mutation_results')).toBeLessThanOrEqual(ASKED);
  });

  it("a retry's stored results: one probe per seq", async () => {
    const found = await client.query(READ_STORED_SQL, [UNIT, DEVICE, seqs]);
    expect(found.rows).toHaveLength(ASKED);
    expect(await rowsRead(READ_STORED_SQL, [UNIT, DEVICE, seqs], 'mutation_results')).toBeLessThanOrEqual(ASKED);
  });

  it('a pull page: the rows after the cursor, in order, as many as the page holds', async () => {
    const params = [UNIT, 1000, 201, 2 * 1024 * 1024];
    const page = await store.pull(UNIT, 1000, 200, 2 * 1024 * 1024);
    expect(page.rows.map((r) => r.version)).toEqual(Array.from({ length: 200 }, (_, i) => 1001 + i));
    expect(page.hasMore).toBe(true);
    expect(await rowsRead(PULL_SQL, params, 'rows', PULL_SETTINGS)).toBeLessThanOrEqual(201);
  });
});
