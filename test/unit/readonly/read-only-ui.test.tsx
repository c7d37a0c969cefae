// @vitest-environment jsdom
// Issue 11: a phone that may only read its unit's book offers no edit control. The sync chip
// reads the unit's role and loads the read-only part, which marks <html data-ro> (its CSS
// hides every control marked "w": jsdom applies no CSS, so these tests check the attribute and
// that the main screens' edit controls carry the class), shows the bar naming the unit, and
// puts a notice in place of a route that only writes. A secretary's phone gets none of it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { createActivity } from '../../../src/features/activities/activities-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { isEditOnly } from '../../../src/features/readonly/edit-only';

vi.mock('../../../src/sync/app-sync', () => ({ appSync: () => ({}), syncNow: async () => undefined }));

const { SyncIndicator } = await import('../../../src/features/sync/SyncIndicator');
const { ReadOnly } = await import('../../../src/features/readonly/ReadOnlyBar');
const { default: MembersPage } = await import('../../../src/features/members/MembersPage');
const { default: MemberDetailPage } = await import('../../../src/features/members/MemberDetailPage');
const { default: MeetingsPage } = await import('../../../src/features/meetings/MeetingsPage');
const { default: MeetingDetailPage } = await import('../../../src/features/meetings/MeetingDetailPage');
const { default: ActivitiesPage } = await import('../../../src/features/activities/ActivitiesPage');
const { default: ActivityDetailPage } = await import('../../../src/features/activities/ActivityDetailPage');
const { default: DuesScreens } = await import('../../../src/features/dues/DuesScreens');
const { default: HomePage } = await import('../../../src/features/home/HomePage');

const UNIT = 'Chi đoàn Công ty May 30/4';
const html = document.documentElement;

async function joinedAs(role: string) {
  const db = await activeDb();
  await db.syncState.update('device', {
    server: { baseUrl: '', unitId: 'unit-on-server', unitName: UNIT, role, deviceToken: 'token', joinedAt: new Date().toISOString() },
  });
}

/** The shell's frame: the top bar with the chip, and the screen in .content (as src/app/Shell.tsx). */
function shell(url: string, routes: [string, ComponentType][] = []) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <div class="shell">
        <header class="topbar">
          <SyncIndicator />
        </header>
        <div class="content">
          <Router>
            {[...routes.map(([path, c]) => <Route key={path} path={path} component={c} />), <Route key="*" default component={() => <main><h1>Màn hình</h1></main>} />]}
          </Router>
        </div>
      </div>
    </LocationProvider>,
  );
}

beforeEach(async () => {
  await freshUnit(UNIT);
});
afterEach(() => {
  cleanup();
  html.removeAttribute('data-ro');
});

describe('the unit role, read by the sync chip', () => {
  test('a viewer: <html data-ro>, the bar "Chỉ xem · unit", no way to the level above', async () => {
    await joinedAs('viewer');
    shell('/members');
    await waitFor(() => expect(html.getAttribute('data-ro')).toBe('viewer'));
    await waitFor(() => expect(document.querySelector('.ro-bar')?.textContent).toBe(`Chỉ xem · ${UNIT}`));
    expect(document.querySelector('.ro-bar a')).toBeNull();
    // the bar sits between the top bar and the screen
    expect(document.querySelector('.ro-bar')!.parentElement!.nextElementSibling).toBe(document.querySelector('.content'));
  });

  test('a supervisor: "Sổ của unit · chỉ xem" with "← Cấp trên" to /above', async () => {
    await joinedAs('supervisor');
    shell('/');
    await waitFor(() => expect(document.querySelector('.ro-bar')?.textContent).toBe(`Sổ của ${UNIT} · chỉ xem← Cấp trên`));
    expect(html.getAttribute('data-ro')).toBe('supervisor');
    expect(document.querySelector('.ro-bar a')!.getAttribute('href')).toBe('/above');
  });

  test('a secretary, a deputy, a phone with no server: nothing changes', async () => {
    for (const role of ['secretary', 'deputy', undefined]) {
      cleanup();
      await freshUnit(UNIT);
      if (role) await joinedAs(role);
      shell('/members/new');
      await waitFor(() => expect(screen.getByRole('heading', { name: 'Màn hình' })).toBeTruthy());
      await new Promise((r) => setTimeout(r, 200)); // the chip's read and any lazy load
      expect(html.hasAttribute('data-ro')).toBe(false);
      expect(document.querySelector('.ro-bar')).toBeNull();
      expect((document.querySelector('.content') as HTMLElement).hidden).toBe(false);
    }
  });
});

describe('the read-only part', () => {
  function mount(url: string, role: string | undefined) {
    history.replaceState(null, '', url);
    return render(
      <LocationProvider>
        <ReadOnly role={role} unitName={UNIT} />
        <div class="content">
          <main>
            <h1>Màn hình</h1>
          </main>
        </div>
      </LocationProvider>,
    );
  }

  test('a route that only writes shows the notice in place of the screen, with a way back', async () => {
    mount('/members/new', 'viewer');
    await screen.findByRole('heading', { name: 'Chỉ được xem' });
    expect(screen.getByRole('alert').textContent).toContain(`Máy này chỉ được xem sổ của đơn vị ${UNIT}`);
    expect(screen.getByRole('button', { name: 'Quay lại' })).toBeTruthy();
    expect((document.querySelector('.content') as HTMLElement).hidden).toBe(true);
  });

  test('moving between screens: the notice comes with a route that only writes and goes with "Quay lại"', async () => {
    history.replaceState(null, '', '/members');
    render(
      <LocationProvider>
        <ReadOnly role="viewer" unitName={UNIT} />
        <div class="content">
          <main>
            <h1>Đoàn viên</h1>
            <a href="/members/new">Thêm</a>
          </main>
        </div>
      </LocationProvider>,
    );
    await waitFor(() => expect(document.querySelector('.ro-bar')).toBeTruthy());
    fireEvent.click(screen.getByText('Thêm'));
    await screen.findByRole('heading', { name: 'Chỉ được xem' });
    expect((document.querySelector('.content') as HTMLElement).hidden).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại' }));
    await waitFor(() => expect(location.pathname).toBe('/members'));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Chỉ được xem' })).toBeNull());
    expect((document.querySelector('.content') as HTMLElement).hidden).toBe(false);
    expect(document.querySelector('.ro-bar')).toBeTruthy();
  });

  test('a screen that shows the book stays, under the bar; leaving read-only restores everything', async () => {
    const r = mount('/members', 'viewer');
    await waitFor(() => expect(document.querySelector('.ro-bar')).toBeTruthy());
    expect(screen.queryByRole('heading', { name: 'Chỉ được xem' })).toBeNull();
    expect((document.querySelector('.content') as HTMLElement).hidden).toBe(false);
    r.unmount();
    expect(html.hasAttribute('data-ro')).toBe(false);
    expect(document.querySelector('.ro-bar')).toBeNull();
  });

  test('not on the level above\'s own screens, the server\'s admin, joining or first run', async () => {
    mount('/above', 'supervisor');
    await new Promise((r) => setTimeout(r, 50));
    expect(html.getAttribute('data-ro')).toBe('supervisor');
    expect(document.querySelector('.ro-bar')).toBeNull();
  });

  test('which routes only write', () => {
    for (const p of ['/members/new', '/members/m1/edit', '/meetings/new', '/meetings/x/roll', '/activities/a/roll', '/projects/p/roll', '/meetings/settings', '/import', '/dues/collect', '/dues/opening/m1', '/dues/rates', '/training/setup', '/training/item/i1', '/rating/m1', '/rating/settings', '/committee/seat', '/year/targets/new', '/year/targets/t/edit', '/reports/settings'])
      expect([p, isEditOnly(p)]).toEqual([p, true]);
    for (const p of ['/', '/members', '/members/m1', '/meetings', '/meetings/x', '/meetings/x/minutes', '/meetings/x/minutes/print', '/activities/a', '/dues', '/dues/member/m1', '/dues/grid', '/training', '/training/m1', '/rating', '/projects/p', '/committee', '/year', '/year/targets/t', '/reports', '/reports/report:2026:q1', '/settings'])
      expect([p, isEditOnly(p)]).toEqual([p, false]);
  });
});

/** Words that start an edit: every control that says one must be marked "w". */
const EDIT_VERB = /^\s*(\+|Thêm|Sửa|Xóa|Lưu|Chốt|Thu\b|Điểm danh|Tạo|Nhập|Đánh dấu|Hủy|Khôi phục|Đã tổ chức|Lưu trữ|Bỏ lưu trữ|Ghi|Chụp|Chọn ảnh)/;

function unmarked(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main a, main button, main form, main input, main textarea, main select')) {
    if (el.closest('.w')) continue;
    const text = el.textContent?.trim() ?? '';
    if (el.matches('a, button') && EDIT_VERB.test(text)) found.push(`${el.tagName} "${text}"`);
    if (el.matches('form, textarea') || (el.matches('input') && !['search', 'checkbox'].includes((el as HTMLInputElement).type))) found.push(`${el.tagName} #${el.id}`);
  }
  return found;
}

describe("the main screens' edit controls carry class w", () => {
  test('members list and detail, meetings list and detail, activities, dues, home', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2099-03-15T19:30', guests: [], status: 'planned' });
    const activity = await createActivity({ kind: 'green_sunday', title: 'Dọn vệ sinh kênh', date: '2099-03-20', status: 'planned' });
    await joinedAs('viewer'); // after the writes: a viewer's database refuses them (commit.ts)
    const screens: [string, string, ComponentType, string | RegExp][] = [
      ['/members', '/members', MembersPage, /Đoàn viên/],
      ['/members/:id', `/members/${lan.id}`, MemberDetailPage, 'Nguyễn Thị Lan'],
      ['/meetings', '/meetings?m=2099-03', MeetingsPage, /Sinh hoạt/],
      ['/meetings/:id', `/meetings/${meeting.id}`, MeetingDetailPage, 'Sinh hoạt tháng 3'],
      ['/activities', '/activities?y=2099', ActivitiesPage, /Hoạt động/],
      ['/activities/:id', `/activities/${activity.id}`, ActivityDetailPage, 'Dọn vệ sinh kênh'],
      ['/dues', '/dues', DuesScreens, /Đoàn phí/],
      ['/dues/:page/:id', `/dues/member/${lan.id}`, DuesScreens, /Nguyễn Thị Lan/],
      ['/', '/', HomePage, UNIT],
    ];
    for (const [path, url, Page, title] of screens) {
      cleanup();
      shell(url, [[path, Page]]);
      await screen.findByRole('heading', { name: title, level: 1 }, { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 100)); // reads after the first paint
      expect([url, unmarked()]).toEqual([url, []]);
      expect([url, document.querySelectorAll('main .w').length > 0]).toEqual([url, true]);
    }
    expect(html.getAttribute('data-ro')).toBe('viewer');
  });
});
