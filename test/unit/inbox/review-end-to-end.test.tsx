// @vitest-environment jsdom
// A return travels: the unit sends Q1; the level above, on its copy of the unit, opens the
// report and returns it with a comment; the review row reaches the unit's database (as a pull
// brings it) and the unit's report screen shows the comment and offers "Làm bản 2".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { updateUnit } from '../../../src/features/setup/unit-repo';
import { startReport, submitReport } from '../../../src/features/reports/reports-repo';
import ReportPage from '../../../src/features/reports/ReportPage';
import ReceivedReportPage from '../../../src/features/inbox/ReceivedReportPage';
import { reportPeriod } from '../../../src/protocol/report-period';
import { sampleFigures } from '../reports/figures-fixture';
import { supervise, supervisedDb } from './fixture';

configure({ asyncUtilTimeout: 5000 });
const ID = 'report:2026:q1';

beforeEach(async () => {
  await freshUnit('Chi đoàn Công ty May 30/4');
  await updateUnit({ secretaryName: 'Nguyễn Thị Hoa' });
  await startReport(reportPeriod('quarter', 2026, 1), sampleFigures(), '2026-04-02');
  await submitReport(ID, sampleFigures(), '2026-04-05T09:00:00.000Z');
  // the level above's phone holds the unit's rows as pulled
  const unit = await activeDb();
  const copy = await supervisedDb('u-may', 'Chi đoàn Công ty May 30/4');
  await copy.reportVersions.bulkPut(await unit.reportVersions.toArray());
  await copy.reports.bulkPut(await unit.reports.toArray());
  copy.close();
  await supervise([{ unitId: 'u-may', name: 'Chi đoàn Công ty May 30/4' }]);
});
afterEach(cleanup);

function mount(url: string, route: preact.JSX.Element) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>{[route]}</Router>
    </LocationProvider>,
  );
}

describe('a returned report, end to end', () => {
  it('is returned with a comment above and shows, with "Làm bản 2", on the unit’s screen', async () => {
    const above = mount(`/above/unit/u-may/reports/${ID}`, <Route key="a" path="/above/unit/:unitId/reports/:reportId" component={ReceivedReportPage} />);
    await screen.findByText(/^Bản 1, gửi lúc/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Quý I năm 2026');
    expect(screen.getByText('Gửi đúng hạn (hạn 10/04/2026).')).toBeTruthy();
    // the document, read-only
    expect(await screen.findByRole('article')).toBeTruthy();
    // returning needs a comment
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Hãy ghi ý kiến/);
    fireEvent.input(screen.getByLabelText('Ý kiến gửi đơn vị'), { target: { value: 'Bổ sung số liệu đoàn phí quý I.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    await screen.findByText(/^Đã trả lại bản 1 lúc/);
    expect(screen.queryByRole('button', { name: 'Đã nhận' })).toBeNull();
    expect(screen.getByText('Người xét: bt.phuong7')).toBeTruthy();
    above.unmount();

    // the sync brings the review to the unit
    const { openUnitDbApart } = await import('../../../src/data/db');
    const copy = openUnitDbApart('u-may');
    const review = (await copy.reportReviews.toArray())[0];
    copy.close();
    expect(review).toMatchObject({ id: `${ID}:v1:review`, decision: 'returned', comment: 'Bổ sung số liệu đoàn phí quý I.' });
    await (await activeDb()).reportReviews.put(review);

    mount(`/reports/${encodeURIComponent(ID)}`, <Route key="u" path="/reports/:id" component={ReportPage} />);
    const note = await screen.findByTestId('report-review');
    expect(note.textContent).toContain('Bổ sung số liệu đoàn phí quý I.');
    expect(note.textContent).toContain('trả lại bản 1');
    fireEvent.click(screen.getByRole('button', { name: 'Làm bản 2' }));
    await waitFor(async () => expect((await (await activeDb()).reports.get(ID))?.version).toBe(2));
  });
});
