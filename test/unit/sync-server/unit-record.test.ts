// Issue 8, item 2 (server side): the unit's own record is seeded when the admin creates the
// unit, so the first pull of any phone holds it; what the admin typed is a placeholder a phone's
// details replace without a conflict; after that, concurrent edits conflict as usual; only the
// unit's writers (secretary, deputy) change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, freshUnit, joinDevice, serverRows, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

const phoneDetails = { name: 'Chi đoàn 12A1 – THPT Chu Văn An', kind: 'branch', parentUnit: 'Đoàn trường THPT Chu Văn An', subGroups: ['Tổ 1', 'Tổ 2'], term: '2025–2027', secretaryName: 'Nguyễn Thị Lan' };

describe('the unit record', () => {
  it('is in the first pull of a phone that joins a unit the admin created', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    const rows = await viewer.pullAll();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      table: 'units',
      id: unitId,
      deleted: false,
      version: 1,
      fields: { name: 'Chi đoàn 12A1', kind: 'branch', parentUnit: 'Đoàn trường THPT Chu Văn An', subGroups: [] },
    });
    expect(typeof rows[0].fields.createdAt).toBe('string');
  });

  it('a phone set up alone sends its details over the admin’s placeholder: applied, no conflict', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const secretary = await joinDevice(t.api, admin, unitId, 'secretary');
    secretary.upsert('units', unitId, phoneDetails); // base 0: it never saw the seed
    const results = await secretary.sync();
    expect(results.map((r) => r.status)).toEqual(['applied']);
    const row = (await serverRows(t.api, admin, unitId, { withUnitRecord: true })).get(`units/${unitId}`)!;
    expect(row.fields).toMatchObject(phoneDetails);
    expect(await conflictsOf(admin, unitId)).toEqual([]);
  });

  it('once a phone wrote it, another phone’s concurrent edit is a kept conflict, not a silent overwrite', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const first = await joinDevice(t.api, admin, unitId, 'secretary');
    const second = await joinDevice(t.api, admin, unitId, 'deputy');
    first.upsert('units', unitId, phoneDetails);
    await first.sync();
    second.upsert('units', unitId, { ...phoneDetails, secretaryName: 'Trần Văn Minh' });
    const results = await second.sync();
    expect(results.map((r) => r.status)).toEqual(['conflict']);
    const kept = await conflictsOf(admin, unitId);
    expect(kept.map((c) => [c.field, c.winnerValue, c.loserValue].sort())).toEqual([['Nguyễn Thị Lan', 'Trần Văn Minh', 'secretaryName'].sort()]);
  });

  it('secretary and deputy write it; a viewer and a supervisor cannot', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    viewer.upsert('units', unitId, { name: 'Đổi tên trái phép' });
    expect((await viewer.pushRaw(viewer.outbox)).status).toBe(403);
    // a supervisor's phone pushes the level above's tables only (src/protocol/permissions.ts)
    const supervisor = await joinDevice(t.api, admin, unitId, 'supervisor');
    supervisor.upsert('units', unitId, { name: 'Đổi tên trái phép' });
    expect((await supervisor.sync()).map((r) => r.error)).toEqual(['err.role']);
    const deputy = await joinDevice(t.api, admin, unitId, 'deputy');
    deputy.upsert('units', unitId, { term: '2025–2027' });
    expect((await deputy.sync()).map((r) => r.status)).toEqual(['applied']);
    const row = (await serverRows(t.api, admin, unitId, { withUnitRecord: true })).get(`units/${unitId}`)!;
    expect(row.fields).toMatchObject({ name: 'Chi đoàn 12A1', term: '2025–2027' });
  });
});

async function conflictsOf(admin: string, unitId: string): Promise<{ field: string; winnerValue: unknown; loserValue: unknown }[]> {
  return expectOk(await t.api.get(`/units/${unitId}/conflicts?status=all`, admin));
}
