// Issue 12 item 5: a pull answer is capped in bytes (a unit of large rows pulls in several
// pages and loses nothing), a stored row is capped in size (a mutation that would pass the cap
// is 'rejected', nothing of it written, the batch goes on), and unknown fields are kept only
// from a schema version the server can name. The last test is the original failure: 1,000
// rows with large unknown fields made a pull build one answer past V8's longest string
// ("RangeError: Invalid string length") and every phone of the unit stopped syncing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../src/protocol/report-enums';
import { SCHEMA_VERSION, type PulledRow } from '../../../src/protocol/sync';
import { PULL_MAX_BYTES } from '../../../server/src/routes/sync';
import { MAX_ROW_BYTES, NEWEST_NAMEABLE_SCHEMA } from '../../../server/src/sync/limits';
import { expectOk, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type Device, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

/** `n` characters of Vietnamese prose (about 1.3 bytes a character in UTF-8, as real minutes). */
function prose(n: number): string {
  const sentence = 'Chi đoàn tổ chức sinh hoạt đúng kỳ, đoàn viên tham gia đầy đủ và tích cực. ';
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);
}

/** A report's working copy with every one of its ten sections at the schema's 16,000 characters. */
function fullReport(year: number) {
  return {
    kind: 'year',
    year,
    index: 1,
    yearKind: 'calendar',
    status: 'draft',
    version: 1,
    ...Object.fromEntries(REPORT_SECTIONS.map((s) => [s, prose(16_000)])),
  };
}

interface RawPage {
  bytes: number;
  rows: PulledRow[];
  cursor: number;
  hasMore: boolean;
}

/** One pull answer as sent (its size in bytes) and parsed. */
async function pullRaw(token: string, unitId: string, cursor: number): Promise<RawPage> {
  const res = await fetch(`${t.url}/api/v1/units/${unitId}/pull`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cursor, limit: 1000 }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${text.slice(0, 300)}`);
  return { bytes: Buffer.byteLength(text), ...(JSON.parse(text) as Omit<RawPage, 'bytes'>) };
}

/** Pulls from 0 to the end, checking every answer against the page cap; the rows by table/id and the page count. */
async function pullAllBounded(token: string, unitId: string): Promise<{ rows: Map<string, PulledRow>; pages: number; largest: number }> {
  const rows = new Map<string, PulledRow>();
  let cursor = 0;
  let pages = 0;
  let largest = 0;
  for (;;) {
    const page = await pullRaw(token, unitId, cursor);
    pages++;
    largest = Math.max(largest, page.bytes);
    // The store stops before the row that would pass the cap, but a page always holds one row:
    // an answer passes the cap by at most one (capped) row plus each row's few bytes of envelope.
    expect(page.bytes).toBeLessThanOrEqual(PULL_MAX_BYTES + MAX_ROW_BYTES + page.rows.length * 200);
    for (const r of page.rows) rows.set(`${r.table}/${r.id}`, r);
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    cursor = page.cursor;
    if (!page.hasMore) return { rows, pages, largest };
    expect(page.rows.length).toBeGreaterThan(0);
  }
}

/** Pushes `mutations` from a device that says it runs `schemaVersion`, in bodies under the push limit. */
async function pushAs(device: Device, schemaVersion: number, mutations: ReturnType<Device['upsert']>[], perBatch: number) {
  const results = [];
  for (let i = 0; i < mutations.length; i += perBatch) {
    const body = { ...device.pushBody(mutations.slice(i, i + perBatch)), schemaVersion };
    const res = expectOk(await t.api.request('POST', `/units/${device.unitId}/push`, { token: device.token, body }));
    results.push(...res.results);
  }
  device.outbox = [];
  return results;
}

describe('issue 12 item 5: bounded pulls and rows', () => {
  it('a unit of large rows pulls in several pages with hasMore, loses nothing, and no answer passes the cap by more than a row', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const secretary = await joinDevice(t.api, admin, unitId);
    // 60 reports at their longest (about 210 KB each): 12 MB, three times a page.
    const mutations = Array.from({ length: 60 }, (_, i) => secretary.upsert('reports', `report:${2000 + i}:y`, fullReport(2000 + i)));
    const results = await pushAs(secretary, SCHEMA_VERSION, mutations, 10);
    expect(results.every((r) => r.status === 'applied')).toBe(true);

    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    const { rows, pages, largest } = await pullAllBounded(viewer.token, unitId);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(largest).toBeGreaterThan(PULL_MAX_BYTES / 2);
    for (const m of mutations) expect(rows.get(`reports/${m.rowId}`)?.fields).toMatchObject(m.fields);
    expect(rows.size).toBe(61); // and the unit's own record
  });

  it('a mutation that would make a row pass the row cap is rejected, nothing of it written, and the batch goes on', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const device = await joinDevice(t.api, admin, unitId);
    const id = memberId();
    // A newer app adds 300 KB of fields it knows and this server does not: within the cap.
    const first = device.upsert('members', id, { ...newMember('Lê Văn Tám'), ...bigFields('photoNote', 5, 60_000) });
    const before = memberId();
    const second = device.upsert('members', before, newMember('Phạm Thị Hoa'));
    // Another 300 KB on the same row would take it past the cap.
    const grow = device.upsert('members', id, bigFields('scanNote', 5, 60_000));
    const after = device.upsert('members', memberId(), newMember('Trần Văn Bình'));
    const results = await pushAs(device, SCHEMA_VERSION + 1, [first, second, grow, after], 10);

    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    expect(results[2]).toMatchObject({ error: 'err.rowTooLarge' });
    const stored = await serverRows(t.api, admin, unitId);
    const row = stored.get(`members/${id}`)!;
    expect(row.version).toBe(results[0].version);
    expect(Object.keys(row.fields).some((f) => f.startsWith('scanNote'))).toBe(false);
    expect(row.fields.photoNote0).toHaveLength(60_000);
    expect(stored.has(`members/${after.rowId}`)).toBe(true);
    // The refusal is kept like any other: the same seq sent again answers the same.
    const again = await pushAs(device, SCHEMA_VERSION + 1, [grow], 10);
    expect(again[0]).toMatchObject({ status: 'rejected', error: 'err.rowTooLarge' });
    // The row is not stuck: a small edit of it goes through.
    const rename = device.upsert('members', id, { fullName: 'Lê Văn Tám (Tổ 2)' });
    expect((await pushAs(device, SCHEMA_VERSION, [rename], 10))[0].status).toBe('applied');
  });

  it('unknown fields are kept only from a schema version the server can name; known fields from any version are checked as usual', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const device = await joinDevice(t.api, admin, unitId);
    expect(NEWEST_NAMEABLE_SCHEMA).toBe(SCHEMA_VERSION + 1);
    const named = device.upsert('members', memberId(), { ...newMember('Ngô Thị Lan'), zaloId: 'ngothilan' });
    const [kept] = await pushAs(device, NEWEST_NAMEABLE_SCHEMA, [named], 10);
    expect(kept.status).toBe('applied');

    const beyond = device.upsert('members', memberId(), { ...newMember('Đỗ Văn Hùng'), zaloId: 'dovanhung' });
    const knownOnly = device.upsert('members', memberId(), newMember('Đỗ Thị Mai'));
    const [refused, plain] = await pushAs(device, 999_999, [beyond, knownOnly], 10);
    expect(refused).toMatchObject({ status: 'rejected', error: 'err.schemaTooNew', field: 'zaloId' });
    expect(plain.status).toBe('applied');

    const stored = await serverRows(t.api, admin, unitId);
    expect(stored.get(`members/${named.rowId}`)!.fields.zaloId).toBe('ngothilan');
    expect(stored.has(`members/${beyond.rowId}`)).toBe(false);
  });

  it('1,000 rows with large unknown fields: the rows past the cap are refused, and every pull answers within the cap', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const device = await joinDevice(t.api, admin, unitId);
    // 900 rows of 600 KB and 100 of 240 KB: 565 MB, longer than V8's longest string (536 M
    // characters), which one pull of 1,000 rows used to build.
    const mutations = Array.from({ length: 1000 }, (_, i) =>
      device.upsert('members', memberId(), { ...newMember(`Đoàn viên ${i}`), ...bigFields('extra', i % 10 === 0 ? 4 : 10, 60_000) }),
    );
    const results = await pushAs(device, SCHEMA_VERSION + 1, mutations, 6);
    const applied = results.filter((r) => r.status === 'applied').length;
    expect(applied).toBe(100);
    expect(results.filter((r) => r.status === 'rejected' && r.error === 'err.rowTooLarge')).toHaveLength(900);

    const { rows, pages } = await pullAllBounded(admin, unitId);
    expect(rows.size).toBe(101);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (const [i, m] of mutations.entries()) expect(rows.has(`members/${m.rowId}`)).toBe(i % 10 === 0);
  }, 300_000);
});

/** `count` unknown fields named `${prefix}0…`, each a string of `chars` characters. */
function bigFields(prefix: string, count: number, chars: number): Record<string, string> {
  const value = 'x'.repeat(chars);
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]));
}
