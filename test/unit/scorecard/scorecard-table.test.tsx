// @vitest-environment jsdom
// The scorecard table and a unit's detail over three supervised units' databases, each opened
// apart as on a supervisor's phone: worst first or by name, the consolidation filter, each
// cell's tone written as a symbol and a word, a tap opening the unit.
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { clear } from 'idb-keyval';
import { openUnitDbApart } from '../../../src/data/db';
import { ScorecardTable } from '../../../src/features/above/scorecard/ScorecardTable';
import { ScorecardDetail } from '../../../src/features/above/scorecard/ScorecardDetail';

const TODAY = '2026-12-06';
const pad = (n: number) => String(n).padStart(2, '0');

async function supervisedUnit(unitId: string, name: string, o: { heldMonths: number[]; remitted: number[]; checkIns: string[]; weak?: boolean }) {
  const db = openUnitDbApart(unitId);
  const meta = { unitId, rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  await db.syncState.put({
    key: 'device', deviceId: `dev-${unitId}`, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 7, lastAckedSeq: 0,
    server: { baseUrl: '', unitId, unitName: name, role: 'supervisor', deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' },
  } as never);
  await db.units.put({ ...meta, id: unitId, name, kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: [] } as never);
  await db.meetings.bulkPut(o.heldMonths.map((m) => ({ ...meta, id: `${unitId}-m${m}`, kind: 'regular', title: `Sinh hoạt tháng ${m}`, startsAt: `2026-${pad(m)}-03T19:30`, place: '', guests: [], status: 'held' })) as never);
  await db.remittances.bulkPut(o.remitted.map((m) => ({ ...meta, id: `remittance:2026-${pad(m)}`, period: `2026-${pad(m)}`, collected: 30000, amount: 10000, paidAt: `2026-${pad(m)}-25`, method: 'cash', note: '' })) as never);
  await db.checkIns.bulkPut(o.checkIns.map((date, i) => ({ ...meta, id: `${unitId}-ci${i}`, date, place: '', attendees: '', findings: '', byName: '' })) as never);
  if (o.weak) await db.consolidations.put({ ...meta, id: 'consolidation:2026', year: 2026, weak: true, note: '', markedOn: '2026-01-10' } as never);
  db.close();
  return { unitId, name };
}

const months = (from: number, to: number, skip: number[] = []) => Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((m) => !skip.includes(m));

let units: { unitId: string; name: string }[];

beforeEach(async () => {
  cleanup();
  await clear();
  history.replaceState(null, '', '/above');
  units = [
    await supervisedUnit('unit-binh-an-0001', 'Chi đoàn Bình An', { heldMonths: months(1, 12), remitted: months(1, 11), checkIns: ['2026-10-15'] }),
    await supervisedUnit('unit-ap-bac-00001', 'Chi đoàn Ấp Bắc', { heldMonths: [1], remitted: [], checkIns: [], weak: true }),
    await supervisedUnit('unit-cau-kho-0001', 'Chi đoàn Cầu Kho', { heldMonths: months(1, 11, [3, 7]), remitted: months(1, 10), checkIns: ['2026-08-01'] }),
  ];
});

const names = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getByRole('link').textContent);

describe('the scorecard table', () => {
  it('shows the weakest first, by name on demand, the consolidation plan alone, and opens a unit', async () => {
    render(<LocationProvider><ScorecardTable units={units} today={TODAY} /></LocationProvider>);
    await waitFor(() => expect(document.querySelectorAll('td[data-tone]').length).toBe(30), { timeout: 10_000 });
    // Ấp Bắc: 5 cells not met; Cầu Kho: 3 not met, 2 to watch; Bình An: 2 not met
    expect(names()).toEqual(['Chi đoàn Ấp Bắc', 'Chi đoàn Cầu Kho', 'Chi đoàn Bình An']);

    // the tone is written, not only coloured
    const cauKho = screen.getByText('Chi đoàn Cầu Kho').closest('tr')!;
    const meeting = cauKho.querySelector('td[data-col="meeting"]')!;
    expect(meeting.getAttribute('data-tone')).toBe('bad');
    expect(meeting.textContent).toContain('✗');
    expect(meeting.textContent).toContain('Chưa đạt');
    expect(meeting.textContent).toContain('Chưa họp · bỏ 2');
    const dues = cauKho.querySelector('td[data-col="dues"]')!;
    expect(dues.textContent).toContain('!');
    expect(dues.textContent).toContain('Cần chú ý');
    expect(dues.textContent).toContain('Đến T10/2026');
    const binhAn = screen.getByText('Chi đoàn Bình An').closest('tr')!;
    expect(binhAn.querySelector('td[data-col="meeting"]')!.textContent).toContain('✓');
    expect(binhAn.querySelector('td[data-col="checkIn"]')!.textContent).toContain('15/10/2026');

    fireEvent.click(screen.getByRole('button', { name: 'Theo tên' }));
    expect(names()).toEqual(['Chi đoàn Ấp Bắc', 'Chi đoàn Bình An', 'Chi đoàn Cầu Kho']);

    fireEvent.click(screen.getByLabelText('Chỉ đơn vị diện củng cố'));
    expect(names()).toEqual(['Chi đoàn Ấp Bắc']);
    fireEvent.click(screen.getByLabelText('Chỉ đơn vị diện củng cố'));

    fireEvent.click(binhAn.querySelector('td[data-col="dues"]')!);
    await waitFor(() => expect(location.pathname).toBe('/above/unit/unit-binh-an-0001'));
  });

  it("a unit's detail: each indicator in words with its threshold and its tone", async () => {
    render(<LocationProvider><ScorecardDetail unitId="unit-cau-kho-0001" today={TODAY} /></LocationProvider>);
    const meeting = await screen.findByText('Sinh hoạt định kỳ', {}, { timeout: 10_000 });
    const li = meeting.closest('li')!;
    expect(li.textContent).toContain('Sinh hoạt định kỳ: chưa họp tháng 12; bỏ 2 tháng trong năm (tháng 3, tháng 7)');
    expect(li.textContent).toContain('Chưa đạt');
    expect(li.textContent).toContain('Yêu cầu: họp mỗi tháng');
    const dues = screen.getByText('Đoàn phí nộp cấp trên').closest('li')!;
    expect(dues.textContent).toContain('đã nộp đến tháng 10/2026; còn thiếu tháng 11');
    expect(dues.getAttribute('data-tone')).toBe('warn');
  });
});
