// The server reads a push batch in the columns form (src/protocol/push-columns.ts) as the
// plain batch it stands for — same results, same rows, same replays — says in its push and
// pull answers that it reads it, and refuses a columns body that does not read with 400,
// nothing of it applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS_FORM, FIELD_COLUMNS_FORM, toColumns, type ColumnsBatch } from '../../../src/protocol/push-columns';
import type { PushResponse } from '../../../src/protocol/sync';
import { expectOk, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

describe('push in the columns form', () => {
  it('applies as the plain batch would: results, rows and versions alike, and a replay answers duplicate', async () => {
    const run = async (form: ColumnsBatch['form'] | 'plain') => {
      const { admin, unitId } = await freshUnit(t.api);
      const d = await joinDevice(t.api, admin, unitId);
      const ids = Array.from({ length: 40 }, (_, i) => `member-${String(i).padStart(4, '0')}`);
      for (const [i, id] of ids.entries()) d.upsert('members', id, newMember(`Đoàn viên ${i}`));
      d.upsert('members', ids[3], { phone: '0912345678' });
      d.delete('members', ids[5]);
      for (const m of d.outbox.slice(0, 20)) m.mid = m.hlc; // as the app makes them (lib/hlc.ts midOf)
      const body = d.pushBody(d.outbox);
      const send = () => t.api.request<PushResponse>('POST', `/units/${unitId}/push`, { token: d.token, body: form === 'plain' ? body : toColumns(body, form), gzip: true });
      const first = expectOk(await send());
      const again = expectOk(await send());
      const rows = [...(await serverRows(t.api, admin, unitId)).values()].map(({ version: _v, versions, fields: { createdAt: _c, ...fields }, ...r }) => ({ ...r, fields, versions: Object.keys(versions).sort() }));
      // each answered by the mid it was sent with (the random ones differ from run to run)
      const strip = (r: PushResponse) => r.results.map(({ version: _v, mid, ...x }, i) => ({ ...x, sameMid: mid === body.mutations[i].mid }));
      return { first: strip(first), again: strip(again), forms: first.pushForms, rows };
    };
    const plain = await run('plain');
    for (const form of [COLUMNS_FORM, FIELD_COLUMNS_FORM] as const) {
      const cols = await run(form);
      expect(cols.first, form).toEqual(plain.first);
      expect(cols.first.every((r) => r.status === 'applied')).toBe(true);
      expect(cols.again.every((r) => r.status === 'duplicate')).toBe(true);
      expect(cols.rows, form).toEqual(plain.rows);
    }
    expect(plain.forms).toEqual([COLUMNS_FORM, FIELD_COLUMNS_FORM]);
  });

  it('the pull answer tells the forms too', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const d = await joinDevice(t.api, admin, unitId, 'viewer');
    const page = expectOk(await t.api.post(`/units/${unitId}/pull`, { cursor: 0, limit: 10 }, d.token));
    expect(page.pushForms).toEqual([COLUMNS_FORM, FIELD_COLUMNS_FORM]);
  });

  it('a columns body that does not read is refused with 400 and nothing of it applied', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const d = await joinDevice(t.api, admin, unitId);
    d.upsert('members', memberId(), newMember('Lê Văn A'));
    const good = toColumns(d.pushBody(d.outbox));
    const bad = { ...good, changes: [[...good.changes[0].slice(0, 4), 7, ...good.changes[0].slice(5)]] };
    const res = await t.api.request('POST', `/units/${unitId}/push`, { token: d.token, body: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_columns');
    expect((await serverRows(t.api, admin, unitId)).size).toBe(0);
    // field-columns whose values do not add up to the changes: refused, nothing applied
    const byField = toColumns(d.pushBody(d.outbox), FIELD_COLUMNS_FORM);
    for (const values of [[], [byField.values![0].map((col) => [...col, 'thêm'])], [byField.values![0].map(() => [])]]) {
      const short = await t.api.request('POST', `/units/${unitId}/push`, { token: d.token, body: { ...byField, values } });
      expect(short.status).toBe(400);
      expect(short.body.error.code).toBe('invalid_columns');
    }
    expect((await serverRows(t.api, admin, unitId)).size).toBe(0);
    // another device's deviceId inside the columns is refused as in a plain batch
    const other = await t.api.request('POST', `/units/${unitId}/push`, { token: d.token, body: { ...good, deviceId: 'someone-else-123' } });
    expect(other.status).toBe(403);
  });
});
