// Reports over HTTP (issue 10): a sent version is frozen — the server refuses any change or
// delete of it, and an id that does not name its report and number; a unit's phone cannot
// write cấp trên's review of its own report; the working copy merges like any row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, freshUnit, joinDevice, serverRows, startTestSyncServer, type TestServer } from './helpers';
import { sampleFigures } from '../reports/figures-fixture';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

const RID = 'report:2026:q1';
const version = (n: number, over: Record<string, unknown> = {}) => ({
  reportId: RID, version: n, kind: 'quarter', year: 2026, index: 1, yearKind: 'calendar', from: '2026-01-01', to: '2026-03-31',
  dueOn: '2026-04-10', unitName: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7',
  figures: JSON.parse(JSON.stringify(sampleFigures())), sections: { situation: 'Chi đoàn có 42 đoàn viên.' },
  signerTitle: 'secretary', signerName: 'Nguyễn Thị Hoa', submittedAt: '2026-04-05T08:00:00.000Z', ...over,
});

describe('reports on the server', () => {
  it('stores a sent version once and refuses any change or delete of it', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    a.upsert('reports', RID, { kind: 'quarter', year: 2026, index: 1, yearKind: 'calendar', status: 'submitted', version: 1, situation: 'Chi đoàn có 42 đoàn viên.' });
    a.upsert('reportVersions', `${RID}:v1`, version(1));
    expect((await a.sync()).map((r) => r.status)).toEqual(['applied', 'applied']);
    const stored = (await serverRows(t.api, admin, unitId)).get(`reportVersions/${RID}:v1`)!;
    expect(stored.fields.figures).toEqual(JSON.parse(JSON.stringify(sampleFigures())));

    await b.pullAll();
    const edit = b.queue({ table: 'reportVersions', rowId: `${RID}:v1`, op: 'upsert', fields: { sections: { situation: 'sửa' } }, base: {} });
    const del = b.queue({ table: 'reportVersions', rowId: `${RID}:v1`, op: 'delete', fields: { deleted: true }, base: { deleted: 0 } });
    const again = b.queue({ table: 'reportVersions', rowId: `${RID}:v1`, op: 'upsert', fields: version(1, { submittedAt: '2026-04-06T08:00:00.000Z' }), base: {} });
    expect(expectOk(await b.pushRaw([edit, del, again])).results.map((r) => r.error)).toEqual(['err.appendOnly', 'err.appendOnly', 'err.appendOnly']);
    expect((await serverRows(t.api, admin, unitId)).get(`reportVersions/${RID}:v1`)).toEqual(stored);

    // the next version is a row of its own
    b.upsert('reportVersions', `${RID}:v2`, version(2));
    expect((await b.sync()).map((r) => r.status).at(-1)).toBe('applied');
  });

  it('refuses a version whose id does not name its report and number, and figures that break the schema', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    a.upsert('reportVersions', `${RID}:v3`, version(2));
    a.upsert('reportVersions', `report:2026:q2:v1`, version(1));
    a.upsert('reportVersions', `${RID}:v4`, version(4, { figures: { ...sampleFigures(), membership: { v: 1, start: -1 } } }));
    expect((await a.sync()).map((r) => r.error)).toEqual(['err.id', 'err.id', 'err.invalid']);
  });

  it("a unit's phone cannot write cấp trên's review of its report", async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    a.upsert('reportReviews', `${RID}:v1:review`, { reportId: RID, version: 1, decision: 'received', reviewedAt: '2026-04-06T08:00:00.000Z' });
    const [r] = await a.sync();
    expect([r.status, r.error]).toEqual(['rejected', 'err.role']);
  });
});
