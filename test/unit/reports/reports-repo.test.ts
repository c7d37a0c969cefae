// A report's writes over real Dexie (fake-indexeddb): start fills the sections and the header
// and never overwrites a report another phone started; saving refuses a sent version; sending
// freezes version n with its figures, names and due date in the same write that marks the row
// sent; the next version carries the text over and leaves the sent one alone.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { commit } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { updateUnit } from '../../../src/features/setup/unit-repo';
import { setYearKind } from '../../../src/features/settings/year-kind-repo';
import { saveReport, startNextVersion, startReport, submitReport } from '../../../src/features/reports/reports-repo';
import { reportPeriod } from '../../../src/protocol/report-period';
import { UNIT_SETTINGS_ID, type UnitSettings } from '../../../src/protocol/unit-settings';
import { sampleFigures } from './figures-fixture';

const Q1 = reportPeriod('quarter', 2026, 1);
const ID = 'report:2026:q1';
const TODAY = '2026-03-20';

beforeEach(async () => {
  await freshUnit();
  await updateUnit({ secretaryName: 'Nguyễn Thị Hoa' });
});

async function outbox(table: string) {
  const db = await activeDb();
  return db.outbox.filter((m) => m.table === table).toArray();
}
async function row() {
  return (await activeDb()).reports.get(ID);
}

describe('reports repo', () => {
  it('starts a quarter’s report: draft 1, calendar, sections from the figures, header defaults', async () => {
    const r = await startReport(Q1, sampleFigures(), TODAY);
    expect(r).toMatchObject({ id: ID, kind: 'quarter', year: 2026, index: 1, yearKind: 'calendar', status: 'draft', version: 1, signerTitle: 'secretary', signerName: 'Nguyễn Thị Hoa' });
    expect(r.recipients).toBe('- Ban Thường vụ Đoàn phường 7 (để báo cáo);\n- Lưu.');
    expect(r.opening).toMatch(/^Thực hiện Chương trình công tác Đoàn và phong trào thanh niên năm 2026 của Đoàn phường 7, Ban Chấp hành Chi đoàn Công ty May 30\/4 báo cáo/);
    expect(r.situation?.split('\n')[0]).toBe('Đầu quý, chi đoàn có 40 đoàn viên; cuối quý có 42 đoàn viên (tăng 2).');
    expect(r.buildingUnion).toContain('Trong quý, chi đoàn tổ chức 3 buổi sinh hoạt định kỳ, tỷ lệ tham dự bình quân 86\u00a0%.');
    expect(r.causes ?? '').toBe('');
    expect(await outbox('reports')).toHaveLength(1);
  });

  it('starting a report that exists returns it as it is', async () => {
    await startReport(Q1, sampleFigures(), TODAY);
    await saveReport(ID, { causes: 'Đoàn viên làm ca.' });
    const again = await startReport(Q1, sampleFigures({ membership: { ...sampleFigures().membership, end: 99 } }), TODAY);
    expect(again.causes).toBe('Đoàn viên làm ca.');
    expect(again.situation).toContain('cuối quý có 42 đoàn viên');
    expect(await outbox('reports')).toHaveLength(2);
  });

  it('a school unit’s half-year pins the school year; a period not begun or a stale year is refused', async () => {
    await setYearKind('school', '2025-10-01');
    const s1 = reportPeriod('half_year', 2025, 1, 'school');
    const r = await startReport(s1, sampleFigures(), '2026-01-15');
    expect(r).toMatchObject({ id: 'report:2025:h1', yearKind: 'school' });
    expect(r.situation).toMatch(/^Đầu học kỳ/);
    expect(await refusal(startReport(reportPeriod('half_year', 2025, 2, 'calendar'), sampleFigures(), '2026-08-15'))).toBe('reports.errYearChanged');
    expect(await refusal(startReport(reportPeriod('quarter', 2026, 2), sampleFigures(), '2026-03-31'))).toBe('reports.errNotBegun');
    expect(await refusal(startReport(Q1, { ...sampleFigures(), asOf: 'hôm nay' }, TODAY))).toBe('reports.errFigures');
    expect(await outbox('reports')).toHaveLength(1);
  });

  it('saves only the sections and header fields, refuses bad input and writes nothing then', async () => {
    expect(await refusal(saveReport(ID, { causes: 'x' }))).toBe('reports.errNotStarted');
    await startReport(Q1, sampleFigures(), TODAY);
    const saved = await saveReport(ID, { direction: 'Tổ chức Tháng Thanh niên.', docNumber: '05-BC/CĐ', status: 'submitted', version: 7 } as never);
    expect(saved).toMatchObject({ direction: 'Tổ chức Tháng Thanh niên.', docNumber: '05-BC/CĐ', status: 'draft', version: 1 });
    const last = (await outbox('reports')).at(-1)!;
    expect(Object.keys(last.fields).sort()).toEqual(['direction', 'docNumber']);
    expect(await refusal(saveReport(ID, { docNumber: 'x'.repeat(61) }))).toBe('err.tooLong');
    expect(await refusal(saveReport(ID, { signerTitle: 'chairman' as never }))).toBeTruthy();
    expect(await outbox('reports')).toHaveLength(2);
  });

  it('sends version 1: figures, text, header, names, due date and sender frozen; the row marked sent in the same write', async () => {
    await startReport(Q1, sampleFigures(), TODAY);
    await saveReport(ID, { difficulties: 'Thiếu kinh phí.', place: 'Phường 7' });
    const v = await submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z');
    expect(v).toMatchObject({
      id: `${ID}:v1`, reportId: ID, version: 1, kind: 'quarter', from: '2026-01-01', to: '2026-03-31', dueOn: '2026-04-10',
      unitName: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7', place: 'Phường 7', signerTitle: 'secretary', signerName: 'Nguyễn Thị Hoa',
      submittedAt: '2026-04-03T08:00:00.000Z', submittedBy: 'Nguyễn Thị Hoa',
    });
    expect(v.figures).toEqual(sampleFigures());
    expect(v.sections.difficulties).toBe('Thiếu kinh phí.');
    expect(v.sections.situation).toBe((await row())!.situation);
    expect((await row())!.status).toBe('submitted');
    expect(await outbox('reportVersions')).toHaveLength(1);
    const db = await activeDb();
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({ table: 'reports', fields: { status: 'submitted' } });

    expect(await refusal(saveReport(ID, { difficulties: 'Sửa sau khi gửi' }))).toBe('reports.errSent');
    expect(await refusal(submitReport(ID, sampleFigures(), '2026-04-04T08:00:00.000Z'))).toBe('reports.errSent');
    expect((await db.reportVersions.get(`${ID}:v1`))!.sections.difficulties).toBe('Thiếu kinh phí.');
  });

  it('sending with no place typed freezes the unit’s locality; a later change of it leaves the sent version as it was', async () => {
    await updateUnit({ locality: 'Quận 8' });
    await startReport(Q1, sampleFigures(), TODAY);
    const v = await submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z');
    expect(v.place).toBe('Quận 8');
    await updateUnit({ locality: 'Bình Chánh' });
    expect((await (await activeDb()).reportVersions.get(`${ID}:v1`))!.place).toBe('Quận 8');
  });

  it('takes the unit’s own due days', async () => {
    const db = await activeDb();
    const unitId = await activeUnitId();
    await commit(db, [db.unitSettings], () => upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, unitId, { reportDueDays: 15 }));
    await startReport(Q1, sampleFigures(), TODAY);
    expect((await submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z')).dueOn).toBe('2026-04-15');
  });

  it('refuses to send a report with no text, or a version another phone already sent', async () => {
    await startReport(Q1, sampleFigures(), TODAY);
    const empty = Object.fromEntries(['opening', 'situation', 'politicalEducation', 'movements', 'buildingUnion', 'strengths', 'weaknesses', 'causes', 'difficulties', 'direction'].map((s) => [s, '']));
    await saveReport(ID, empty);
    expect(await refusal(submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z'))).toBe('reports.errEmpty');
    await saveReport(ID, { opening: 'Mở đầu.' });
    // version 1 arrived by sync from the other phone, the row here still a draft
    const db = await activeDb();
    await db.reportVersions.put({ ...(await submitDraftElsewhere()), id: `${ID}:v1` });
    expect(await refusal(submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z'))).toBe('reports.errAlreadySent');
    expect((await row())!.status).toBe('draft');
  });

  it('the next version carries the text over and leaves the sent one as it was', async () => {
    await startReport(Q1, sampleFigures(), TODAY);
    expect(await refusal(startNextVersion(ID))).toBe('reports.errNotSent');
    await submitReport(ID, sampleFigures(), '2026-04-03T08:00:00.000Z');
    const next = await startNextVersion(ID);
    expect(next).toMatchObject({ status: 'draft', version: 2 });
    expect(next.situation).toBe((await (await activeDb()).reportVersions.get(`${ID}:v1`))!.sections.situation);
    await saveReport(ID, { causes: 'Bổ sung theo ý kiến cấp trên.' });
    const f2 = sampleFigures({ membership: { ...sampleFigures().membership, end: 43 } });
    const v2 = await submitReport(ID, f2, '2026-04-12T08:00:00.000Z');
    expect(v2).toMatchObject({ id: `${ID}:v2`, version: 2 });
    const db = await activeDb();
    const v1 = (await db.reportVersions.get(`${ID}:v1`))!;
    expect(v1.figures.membership.end).toBe(42);
    expect(v1.sections.causes ?? '').toBe('');
    expect(v2.figures.membership.end).toBe(43);
  });
});

/** A version 1 as the other phone would have sent it. */
async function submitDraftElsewhere() {
  const db = await activeDb();
  const r = (await db.reports.get(ID))!;
  return {
    reportId: ID, version: 1, kind: r.kind, year: r.year, index: r.index, yearKind: r.yearKind, from: '2026-01-01', to: '2026-03-31',
    unitName: 'x', parentUnit: 'y', figures: sampleFigures(), sections: {}, submittedAt: '2026-04-02T00:00:00Z',
    unitId: r.unitId, rev: {}, deleted: false, createdAt: '', updatedAt: '',
  };
}
