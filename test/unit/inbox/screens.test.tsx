// @vitest-environment jsdom
// The inbox screens over real Dexie (fake-indexeddb): the level above's reports table, the
// notes on both sides with their read marks, and the unit's Home card "Cấp trên" — shown while
// there is guidance to read or an action open, gone once nothing is left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { openUnitDbApart } from '../../../src/data/db';
import CompletenessPage from '../../../src/features/inbox/CompletenessPage';
import { AboveNotesPage, UnitNotesPage } from '../../../src/features/inbox/NotesPage';
import AboveCard from '../../../src/features/inbox/AboveCard';
import type { UnitNote } from '../../../src/protocol/oversight';
import { putReview, putVersion, supervise, supervisedDb, wipeUnits } from './fixture';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

function mount(url: string, route: preact.JSX.Element) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>{[route]}</Router>
    </LocationProvider>,
  );
}

const note = (id: string, threadId: string, from: 'above' | 'unit', body: string, at: string): UnitNote =>
  ({ id, threadId, kind: id === threadId ? (from === 'above' ? 'guidance' : 'question') : 'reply', from, body, at, unitId: 'u', rev: {}, deleted: false, createdAt: at, updatedAt: at }) as UnitNote;

describe('reports received table', () => {
  beforeEach(async () => {
    await wipeUnits();
    const a = await supervisedDb('u-a', 'Chi đoàn A');
    await putVersion(a, 'report:2026:q1', 1, '2026-04-13', '2026-04-10');
    await putReview(a, 'report:2026:q1', 1, 'returned', 'Thiếu số liệu');
    a.close();
    const b = await supervisedDb('u-b', 'Chi đoàn B');
    await putVersion(b, 'report:2026:q1', 1, '2026-04-09', '2026-04-10');
    b.close();
    (await supervisedDb('u-c', 'Chi đoàn C')).close();
    await supervise([{ unitId: 'u-a', name: 'Chi đoàn A' }, { unitId: 'u-b', name: 'Chi đoàn B' }, { unitId: 'u-c', name: 'Chi đoàn C' }]);
  });

  it('shows a row per unit, a cell per period in words, and the period lines', async () => {
    mount('/above/reports?y=2026', <Route key="c" path="/above/reports" component={CompletenessPage} />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).queryByRole('rowheader')?.firstChild?.textContent ?? '')).toEqual(['', 'Chi đoàn A', 'Chi đoàn B', 'Chi đoàn C']);
    const q1 = (i: number) => within(rows[i]).getAllByRole('cell')[0];
    expect(q1(1).textContent).toBe('Bị trả lại · gửi trễ');
    expect(q1(2).textContent).toBe('Đúng hạn');
    expect(q1(3).textContent).toBe('Chưa gửi (quá hạn)');
    expect(within(q1(1)).getByRole('link').getAttribute('href')).toBe('/above/unit/u-a/reports/report:2026:q1');
    expect(q1(3).querySelector('.tone-missing')).toBeTruthy();
    expect(screen.getByText('Quý I: 2/3 đơn vị đã gửi, 1 trễ, 1 chưa gửi (quá hạn), 1 bị trả lại')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Năm sau' }).getAttribute('href')).toBe('/above/reports?y=2027');
  });
});

describe('notes, both sides', () => {
  it('the level above sends guidance and answers the unit’s question; opening marks it read', async () => {
    await wipeUnits();
    const db = await supervisedDb('u-a', 'Chi đoàn A');
    await db.unitNotes.put(note('q1-thread-id', 'q1-thread-id', 'unit', 'Xin ý kiến về kinh phí hè', '2026-03-03T08:00:00Z'));
    db.close();
    await supervise([{ unitId: 'u-a', name: 'Chi đoàn A' }]);
    mount('/above/unit/u-a/notes', <Route key="n" path="/above/unit/:unitId/notes" component={AboveNotesPage} />);
    await screen.findByRole('heading', { level: 1, name: 'Trao đổi với Chi đoàn A' });
    await screen.findByText('Xin ý kiến về kinh phí hè', { selector: 'summary span' });
    expect(screen.getAllByText('Mới').length).toBeGreaterThan(0);
    // open the thread: the question is read
    fireEvent.click(screen.getByText('Xin ý kiến về kinh phí hè', { selector: 'summary span' }));
    const details = screen.getByText('Xin ý kiến về kinh phí hè', { selector: 'summary span' }).closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(async () => {
      const copy = openUnitDbApart('u-a');
      const q = await copy.unitNotes.get('q1-thread-id');
      copy.close();
      expect(q?.readAt).toBeTruthy();
    });
    fireEvent.input(within(details).getByLabelText('Trả lời'), { target: { value: 'Đoàn phường hỗ trợ 2 triệu.' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Gửi trả lời' }));
    await screen.findByText('Đoàn phường hỗ trợ 2 triệu.');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi hướng dẫn' }));
    fireEvent.input(screen.getByLabelText('Nội dung hướng dẫn'), { target: { value: 'Nộp báo cáo quý trước ngày 10.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await screen.findByText('Nộp báo cáo quý trước ngày 10.', { selector: 'summary span' });
    const copy = openUnitDbApart('u-a');
    const notes = await copy.unitNotes.toArray();
    copy.close();
    expect(notes.map((n) => [n.kind, n.from, n.authorName]).sort()).toEqual([
      ['guidance', 'above', 'bt.phuong7'],
      ['question', 'unit', undefined],
      ['reply', 'above', 'bt.phuong7'],
    ]);
  });

  it('the unit asks; its Home card shows guidance until read and open actions, then nothing', async () => {
    await freshUnit();
    const db = await activeDb();
    await db.unitNotes.put(note('g1-thread-id', 'g1-thread-id', 'above', 'Tổ chức Ngày hội đoàn viên trước 26/3', '2026-03-01T08:00:00Z'));
    // an action counts while its check-in is there (checkins' actionCounts)
    await db.checkIns.put({ id: 'ci-1', date: '2026-01-20', unitId: 'u', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' } as never);
    await db.checkInActions.put({ id: 'act-1', checkInId: 'ci-1', what: 'Kiện toàn ban chấp hành', status: 'open', dueOn: '2000-01-31', unitId: 'u', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' } as never);
    const card = render(<AboveCard />);
    await screen.findByText('Hướng dẫn mới: Tổ chức Ngày hội đoàn viên trước 26/3');
    expect(screen.getByText('Việc sau giao ban: 1 việc đang làm').closest('a')?.getAttribute('href')).toBe('/checkins');
    expect(screen.getByText('· 1 việc quá hạn', { exact: false })).toBeTruthy();
    card.unmount();

    mount('/notes', <Route key="u" path="/notes" component={UnitNotesPage} />);
    const summary = await screen.findByText('Tổ chức Ngày hội đoàn viên trước 26/3', { selector: 'summary span' });
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(async () => expect((await db.unitNotes.get('g1-thread-id'))?.readAt).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Xin ý kiến cấp trên' }));
    fireEvent.input(screen.getByLabelText('Khó khăn, vướng mắc hoặc điều cần xin ý kiến'), { target: { value: 'Xin hướng dẫn thủ tục chuyển sinh hoạt.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await screen.findByText('Xin hướng dẫn thủ tục chuyển sinh hoạt.', { selector: 'summary span' });
    cleanup();

    // guidance read, the action done: no card (a phone with no server has no way to show)
    await db.checkInActions.update('act-1', { status: 'done' });
    const empty = render(<AboveCard />);
    await new Promise((r) => setTimeout(r, 300));
    expect(empty.container.textContent).toBe('');
    // the level above answers the question: the card shows the answer
    const q = (await db.unitNotes.toArray()).find((n) => n.kind === 'question')!;
    await db.unitNotes.put(note('answer-note-1', q.id, 'above', 'Làm theo Hướng dẫn 12-HD/TWĐTN.', '2030-01-01T00:00:00Z'));
    await screen.findByText('Cấp trên đã trả lời: Làm theo Hướng dẫn 12-HD/TWĐTN.');
  });
});
