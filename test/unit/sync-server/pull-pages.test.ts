// Pull pages filled by bytes (src/protocol/pull-pages.ts, issue 13 B6): a phone that sends
// X-Scd-Page-Bytes gets pages filled to that many stored bytes (past 1,000 rows, never past
// PULL_MAX_BYTES or MAX_PAGE_ROWS); an asker without the header (an older app, a supervisor's
// tool) gets exactly what it got before. Either way every row arrives once, in version order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_BYTES_HEADER, askedPageBytes } from '../../../src/protocol/pull-pages';
import { FIELD_COLUMNS_PULL, fromPullColumns, PULL_FORM_HEADER, type PullColumns } from '../../../src/protocol/pull-columns';
import { SPARSE_VERSIONS_HEADER, SPARSE_VERSIONS_VALUE } from '../../../src/protocol/sparse-versions';
import type { PulledRow } from '../../../src/protocol/sync';
import { PULL_MAX_BYTES } from '../../../server/src/routes/sync';
import { freshUnit, joinDevice, memberId, newMember, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
let unitId: string;
let token: string;
const MEMBERS = 1_500;

beforeAll(async () => {
  t = await startTestSyncServer();
  const unit = await freshUnit(t.api);
  unitId = unit.unitId;
  const secretary = await joinDevice(t.api, unit.admin, unitId);
  const ids = Array.from({ length: MEMBERS }, () => memberId());
  ids.forEach((id, i) => secretary.upsert('members', id, newMember(`Đoàn viên số ${i}`)));
  await secretary.sync();
  // a few edited since: their rows carry versions older than the row's own (sparse keeps them)
  for (const id of ids.slice(0, 5)) secretary.upsert('members', id, { phone: '0912000111' });
  await secretary.sync();
  token = (await joinDevice(t.api, unit.admin, unitId, 'viewer')).token;
}, 60_000);
afterAll(async () => t?.close());

interface Page {
  rows: PulledRow[];
  cursor: number;
  hasMore: boolean;
}

async function pull(cursor: number, limit: number | undefined, header?: string, more: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(`${t.url}/api/v1/units/${unitId}/pull`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(header === undefined ? {} : { [PAGE_BYTES_HEADER]: header }), ...more },
    body: JSON.stringify(limit === undefined ? { cursor } : { cursor, limit }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

/** Every page from 0; the rows in the order they came and each page's row count. */
async function pullAll(limit: number | undefined, header?: string) {
  const rows: PulledRow[] = [];
  const sizes: number[] = [];
  let cursor = 0;
  for (;;) {
    const page = await pull(cursor, limit, header);
    rows.push(...page.rows);
    sizes.push(page.rows.length);
    cursor = page.cursor;
    if (!page.hasMore) return { rows, sizes };
  }
}

const storedBytes = (r: PulledRow) => Buffer.byteLength(JSON.stringify(r.fields)) + Buffer.byteLength(JSON.stringify(r.versions));

describe('pull pages by bytes', () => {
  it('without the header a page holds `limit` rows, as before', async () => {
    expect((await pullAll(1000)).sizes).toEqual([1000, MEMBERS + 1 - 1000]);
    expect((await pullAll(undefined)).sizes).toEqual([1000, MEMBERS + 1 - 1000]);
    expect((await pullAll(400)).sizes).toEqual([400, 400, 400, 301]);
  });

  it('with the header one page holds past 1,000 rows, and the same rows come in the same order', async () => {
    const old = await pullAll(1000);
    const big = await pullAll(1000, String(PULL_MAX_BYTES));
    expect(big.sizes).toEqual([MEMBERS + 1]);
    expect(big.rows.map((r) => r.version)).toEqual(old.rows.map((r) => r.version));
    expect(big.rows).toEqual(old.rows);
  });

  it("a page stops before the row that would pass the asked bytes, and the header overrides the body's limit", async () => {
    const all = (await pullAll(1000)).rows;
    const asked = 64 * 1024;
    const got = await pullAll(10, String(asked));
    expect(got.rows).toEqual(all);
    expect(got.sizes.length).toBeGreaterThan(2);
    let at = 0;
    for (const n of got.sizes) {
      const page = all.slice(at, at + n);
      const bytes = page.reduce((s, r) => s + storedBytes(r), 0);
      // the answer's rows carry whole versions here (no sparse header): the stored bytes exactly
      expect(bytes).toBeLessThanOrEqual(asked);
      if (at + n < all.length) expect(bytes + storedBytes(all[at + n])).toBeGreaterThan(asked);
      expect(n).toBeGreaterThan(10);
      at += n;
    }
  });

  it('in the field-columns form (src/protocol/pull-columns.ts) the same pages hold the same rows, with sparse versions', async () => {
    const sparse = { [SPARSE_VERSIONS_HEADER]: SPARSE_VERSIONS_VALUE };
    for (const bytes of [String(64 * 1024), undefined]) {
      for (let cursor = 0; ; ) {
        const rows = await pull(cursor, 700, bytes, sparse);
        const cols = await pull(cursor, 700, bytes, { ...sparse, [PULL_FORM_HEADER]: FIELD_COLUMNS_PULL });
        expect('rows' in cols).toBe(false);
        const { cols: columns, ...rest } = cols as unknown as { cols: PullColumns };
        expect({ ...rest, rows: fromPullColumns(columns) }).toEqual(rows);
        if (!rows.hasMore) break;
        cursor = rows.cursor;
      }
    }
    // a new member travels with no versions at all, an edited one with those older than its row
    const all = (await pullAll(1000)).rows;
    const sparseRows: PulledRow[] = [];
    for (let cursor = 0; ; ) {
      const page = await pull(cursor, 1000, undefined, sparse);
      sparseRows.push(...page.rows);
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    const edited = sparseRows.filter((r) => Object.keys(r.versions).length > 0);
    expect(edited.filter((r) => r.table === 'members')).toHaveLength(5);
    for (const r of edited.filter((x) => x.table === 'members')) expect(Object.keys(r.versions).sort()).toEqual(Object.keys(all.find((x) => x.id === r.id)!.versions).filter((k) => k !== 'phone').sort());
  });

  it('a page always holds a row, however few bytes are asked', async () => {
    const first = await pull(0, 1000, '1');
    expect(first.rows).toHaveLength(1);
    expect(first.hasMore).toBe(true);
  });

  it('a header that is not a positive whole number is ignored (the body decides)', async () => {
    for (const bad of ['', '0', '-5', 'lots', '1e9', '12.5', '99999999999999999']) {
      expect((await pull(0, 300, bad)).rows, bad).toHaveLength(300);
    }
    expect(askedPageBytes(' 4096 ')).toBe(4096);
    expect(askedPageBytes(undefined)).toBeUndefined();
  });

});
