// @vitest-environment jsdom
// The report's print page over real Dexie (fake-indexeddb): a sent version prints as frozen
// whatever the records and the working copy do since; the working copy prints as a draft with
// live figures; the versions can be switched; Share falls back to downloading the .docx where
// the browser cannot share files, and says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { sampleReport, sampleVersion } from './report-doc-fixture';

// The live figures come from the figures helper's queries; here a known set stands in, so the
// page's own behaviour is what is tested.
const live = vi.hoisted(() => ({ end: 50 }));
vi.mock('../../../src/features/reports/report-queries', async () => {
  const { sampleFigures: figures } = await import('./figures-fixture');
  return { loadReportFigures: vi.fn(async () => figures({ asOf: '2026-06-30', membership: { ...figures().membership, end: live.end } })) };
});
const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../../../src/lib/download', () => ({ downloadFile: (_: unknown, name: string) => void downloads.push(name) }));

import ReportPrintPage from '../../../src/features/reports/ReportPrintPage';

configure({ asyncUtilTimeout: 5000 });
const ID = 'report:2026:q1';

beforeEach(async () => {
  await freshUnit();
  downloads.length = 0;
  live.end = 50;
});
afterEach(() => cleanup());

function mount(search = '') {
  history.replaceState(null, '', `/reports/${encodeURIComponent(ID)}/print${search}`);
  return render(
    <LocationProvider>
      <Router>{[<Route key="print" path="/reports/:id/print" component={ReportPrintPage} />]}</Router>
    </LocationProvider>,
  );
}

/** The value printed beside a label in the appendix. */
function figure(label: string): string {
  const row = screen.getByText(label).closest('tr')!;
  return row.querySelector('.rdoc-value')!.textContent ?? '';
}

describe('report print page', () => {
  it('prints version 1 exactly as sent, though records and the working copy changed since', async () => {
    const db = await activeDb();
    await db.reportVersions.put(sampleVersion());
    await db.reports.put(sampleReport({ status: 'draft', version: 2, situation: 'Nội dung mới của bản 2.' }));
    live.end = 77;
    mount('?v=1');
    await screen.findByText('Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026');
    expect(figure('Đoàn viên cuối kỳ')).toBe('42');
    expect(screen.getByText('Chi đoàn có 42 đoàn viên, sinh hoạt tại 2 tổ.')).toBeTruthy();
    expect(screen.queryByText('Nội dung mới của bản 2.')).toBeNull();
    expect(screen.queryByText('BẢN NHÁP')).toBeNull();
    expect(screen.getByText(/in đúng như đã gửi/)).toBeTruthy();

    // the list of versions: version 1 and the draft of version 2
    const links = screen.getAllByRole('link').filter((a) => a.closest('nav'));
    expect(links.map((a) => a.textContent)).toEqual([expect.stringMatching(/^Bản 1 · gửi \d\d\/04\/2026$/), 'Bản đang soạn']);
    expect(links[0].getAttribute('aria-current')).toBe('page');
  });

  it('prints the working copy as a draft with the figures of today', async () => {
    const db = await activeDb();
    await db.reportVersions.put(sampleVersion());
    await db.reports.put(sampleReport({ status: 'draft', version: 2, situation: 'Nội dung mới của bản 2.' }));
    mount();
    await screen.findByText('BẢN NHÁP');
    expect(screen.getByText('Nội dung mới của bản 2.')).toBeTruthy();
    expect(figure('Đoàn viên cuối kỳ')).toBe('50');
    expect(screen.getByText(/^Bản nháp: số liệu tính đến ngày 30\/06\/2026/)).toBeTruthy();
  });

  it('prints a sent report without ?v as the version it was sent as', async () => {
    const db = await activeDb();
    await db.reportVersions.put(sampleVersion());
    await db.reports.put(sampleReport({ status: 'submitted', version: 1, situation: 'Sửa sau khi gửi (không được in).' }));
    mount();
    await screen.findByText('Chi đoàn có 42 đoàn viên, sinh hoạt tại 2 tổ.');
    expect(screen.queryByText('BẢN NHÁP')).toBeNull();
    // one version and no draft: nothing to switch between
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('says so when the report was not started or the version does not exist', async () => {
    mount();
    await screen.findByRole('heading', { name: 'Chưa có báo cáo này' });
    cleanup();
    mount('?v=3');
    await screen.findByRole('heading', { name: 'Không có bản 3' });
  });

  it('downloads the .docx when the browser cannot share files, and says so; .xlsx downloads', async () => {
    const db = await activeDb();
    await db.reportVersions.put(sampleVersion());
    mount('?v=1');
    await screen.findByText('BÁO CÁO');
    expect('share' in navigator).toBe(false); // jsdom, like desktop Firefox
    fireEvent.click(screen.getByRole('button', { name: 'Chia sẻ .docx' }));
    await screen.findByText(/tệp .docx đã được tải về máy/);
    expect(downloads).toEqual(['bao-cao-2026-q1-v1.docx']);
    fireEvent.click(screen.getByRole('button', { name: 'Số liệu .xlsx' }));
    await waitFor(() => expect(downloads).toEqual(['bao-cao-2026-q1-v1.docx', 'bao-cao-2026-q1-v1.xlsx']));
  });
});
