// @vitest-environment jsdom
// The level above's rating screen of a unit, and the unit's own rating and year screens
// showing what cấp trên wrote (issue 11 items 4 and 8), over real Dexie.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { openUnitDbApart, type UnitDb } from '../../../src/data/db';
import { activeDb } from '../../../src/data/session';
import { clearAbove, setAbove } from '../../../src/features/above/registry';
import RecognitionPage from '../../../src/features/recognition/RecognitionPage';
import RatingPage from '../../../src/features/rating/RatingPage';
import YearPage from '../../../src/features/targets/YearPage';
import { saveUnitRating } from '../../../src/features/rating/rating-repo';
import { freshUnit } from '../helpers';

const SUP = 'srv-phuong7';
const KID = 'srv-cd1';
const OPTS = { timeout: 8000 };
const meta = (id: string, unitId: string) => ({ id, unitId, rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

async function supervised(unitId: string, fill?: (db: UnitDb) => Promise<unknown>) {
  const db = openUnitDbApart(unitId);
  await db.syncState.put({ key: 'device', deviceId: `d-${unitId}`, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: { baseUrl: '', unitId, unitName: unitId, role: 'supervisor', deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' } } as never);
  await fill?.(db);
  db.close();
}
async function read<T>(unitId: string, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  const db = openUnitDbApart(unitId);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/above/unit/:unitId/rating" component={RecognitionPage} />
        <Route path="/rating" component={RatingPage} />
        <Route path="/year" component={YearPage} />
      </Router>
    </LocationProvider>,
  );
}

beforeEach(async () => {
  await freshUnit();
  await clearAbove();
});
afterEach(cleanup);

describe("the level above's rating screen", () => {
  beforeEach(async () => {
    await setAbove({ baseUrl: '', username: 'canbo.phuong7', accountToken: 't', signedInAt: '2026-01-01T00:00:00Z', units: [{ unitId: SUP, name: 'Đoàn phường 7' }, { unitId: KID, name: 'Chi đoàn khu phố 1', parentId: SUP }] });
    await supervised(SUP, (db) => db.unitRatings.put({ ...meta('unit:2026', SUP), year: 2026, level: 'excellent', decidedAt: '2026-12-10', note: 'Tự đánh giá cuối năm' } as never));
    await supervised(KID);
  });

  it("shows the proposal and the chi đoàn; recognises a level and marks the unit weak", async () => {
    mountAt(`/above/unit/${SUP}/rating?y=2026`);
    await screen.findByText('Hoàn thành xuất sắc nhiệm vụ (ngày 10/12/2026)', undefined, OPTS);
    expect(screen.getByText('Tự đánh giá cuối năm')).toBeTruthy();
    expect(screen.getByTestId('children-target').textContent).toBe('… Không chi đoàn nào xếp loại Không hoàn thành nhiệm vụ — đã công nhận 0/1 chi đoàn');
    expect(screen.getByText('chưa công nhận')).toBeTruthy();
    expect(screen.getByTestId('evidence').textContent).toContain('Đoàn viên xếp loại Tốt trở lên: chưa có');

    // the form starts from the proposal; cấp trên recognises one level lower
    const select = screen.getByLabelText('Mức công nhận') as HTMLSelectElement;
    expect(select.value).toBe('excellent');
    fireEvent.change(select, { target: { value: 'good' } });
    await screen.findByText('Khác mức chi đoàn đề nghị.');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu mức công nhận' }));
    await screen.findByText(/^Đã công nhận: Hoàn thành tốt nhiệm vụ/, undefined, OPTS);
    expect(screen.getByText('Người ghi: canbo.phuong7')).toBeTruthy();
    expect(await read(SUP, (db) => db.unitRecognitions.get('recognition:2026'))).toMatchObject({ level: 'good', byName: 'canbo.phuong7' });

    fireEvent.click(screen.getByLabelText('Đơn vị thuộc diện củng cố (cơ sở Đoàn khó khăn) năm 2026'));
    fireEvent.input(screen.getByLabelText('Lý do, ghi chú'), { target: { value: 'Sinh hoạt không đều' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(async () => expect(await read(SUP, (db) => db.consolidations.get('consolidation:2026'))).toMatchObject({ weak: true, note: 'Sinh hoạt không đều' }), OPTS);
  });

  it('a chi đoàn recognised "not completed" fails the sentence, with ✗', async () => {
    await supervised(KID, (db) => db.unitRecognitions.put({ ...meta('recognition:2026', KID), year: 2026, level: 'not_completed', recognisedOn: '2026-12-15' } as never));
    mountAt(`/above/unit/${SUP}/rating?y=2026`);
    const line = await screen.findByTestId('children-target', undefined, OPTS);
    expect(line.textContent).toBe('✗ Không chi đoàn nào xếp loại Không hoàn thành nhiệm vụ — đã công nhận 1/1 chi đoàn');
  });

  it('a unit this phone does not supervise: said, and no database made for it', async () => {
    mountAt('/above/unit/someone-else/rating?y=2026');
    await screen.findByText('Đơn vị này không thuộc các đơn vị bạn phụ trách trên máy này.', undefined, OPTS);
    const names = await (await import('dexie')).default.getDatabaseNames();
    expect(names).not.toContain('scd-someone-else');
  });
});

describe("the unit's own screens", () => {
  it('the rating screen: the proposal, the level cấp trên recognised with its date, and no ✓ it cannot know', async () => {
    await saveUnitRating(2026, 'excellent', '');
    const db = await activeDb();
    await db.unitRecognitions.put({ ...meta('recognition:2026', 'u'), year: 2026, level: 'good', recognisedOn: '2026-12-20' } as never);
    mountAt('/rating?y=2026');
    await screen.findByText('Cấp trên công nhận: Hoàn thành tốt nhiệm vụ (20/12/2026)', undefined, OPTS);
    expect(screen.getByText('Chi đoàn đề nghị: Xuất sắc')).toBeTruthy();
    const kids = await screen.findByTestId('children-line', undefined, OPTS);
    expect(kids.textContent).toContain('máy này không giữ số liệu của chi đoàn trực thuộc');
    // the members' count is no longer worded as the plan's sentence about chi đoàn
    expect(screen.queryByText('Không có đoàn viên Không hoàn thành nhiệm vụ.')).toBeNull();
  });

  it('the rating screen before recognition says the target counts the proposal', async () => {
    await saveUnitRating(2026, 'good', '');
    mountAt('/rating?y=2026');
    await screen.findByText('Cấp trên chưa công nhận: chỉ tiêu xếp loại chi đoàn đang tính theo mức đề nghị.', undefined, OPTS);
  });

  it('the year screen: marked weak by cấp trên, it says so and offers the six targets', async () => {
    const db = await activeDb();
    await db.consolidations.put({ ...meta('consolidation:2026', 'u'), year: 2026, weak: true, markedOn: '2026-02-01' } as never);
    mountAt('/year?y=2026');
    expect((await screen.findByTestId('consolidation-mark', undefined, OPTS)).textContent).toBe('Đơn vị thuộc diện củng cố năm 2026 (cấp trên đánh dấu)');
    expect(screen.getByText(/nên bắt đầu từ chín chỉ tiêu \(sáu mục\) của kế hoạch củng cố/)).toBeTruthy();
  });
});
