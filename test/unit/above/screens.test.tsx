// @vitest-environment jsdom
// The level above's sign-in and home (the repo against the real server: above-repo.test.ts;
// here the server's answers for sign-in come from a stub shaped like its /login, since the
// server does not load under jsdom). An admin account is sent to /admin, a wrong password is
// said plainly; the home reads the phone's copies: the units, the tree with who is in charge,
// the links, and offline how old the data is; a unit's detail links into its book.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import Dexie from 'dexie';
import { clearAbove, getAbove, setAbove, type SupervisedUnit } from '../../../src/features/above/registry';
import { clearCurrentUnitId } from '../../../src/data/prefs';
import { closeUnitDb, openUnitDbApart } from '../../../src/data/db';
import { resetSession } from '../../../src/data/session';
import AboveScreens from '../../../src/features/above/AboveScreens';

beforeEach(async () => {
  closeUnitDb();
  resetSession();
  await clearAbove();
  await clearCurrentUnitId();
  for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('scd-')) await Dexie.delete(name);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function mount(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/above" component={AboveScreens} />
        <Route path="/above/unit/:unitId" component={AboveScreens} />
      </Router>
    </LocationProvider>,
  );
}

async function signIn(username: string, password: string) {
  fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const UNITS: SupervisedUnit[] = [
  { unitId: 'u-parent', name: 'Đoàn phường 7' },
  { unitId: 'u-child', name: 'Chi đoàn khu phố 1', parentId: 'u-parent', inCharge: 'Đ/c Lan' },
];

/** The phone after a sign-in and a sync at `at`: the registry and each unit's copy. */
async function signedIn(at: string) {
  await setAbove({ baseUrl: '', username: 'can-bo-lan', accountToken: 'tok', signedInAt: at, units: UNITS });
  for (const u of UNITS) {
    const db = openUnitDbApart(u.unitId);
    await db.syncState.put({ key: 'device', deviceId: `dev-${u.unitId}`, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 3, lastAckedSeq: 0, lastSyncedAt: at, server: { baseUrl: '', unitId: u.unitId, unitName: u.name, role: 'supervisor', deviceToken: 'x', joinedAt: at } });
    db.close();
  }
}

describe('/above', () => {
  test('an admin account is told to use /admin, a wrong password is said plainly; nothing is kept', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      asked.push(`${init?.method} ${input}`);
      const { password } = JSON.parse(String(init?.body));
      return password === 'dung-mat-khau' ? json(200, { token: 't', role: 'admin' }) : json(401, { error: { code: 'bad_credentials', message: 'Wrong username or password' } });
    });
    mount('/above');
    await screen.findByText('Đăng nhập cán bộ cấp trên');
    await signIn('admin', 'dung-mat-khau');
    expect((await screen.findByRole('alert')).textContent).toBe('Đây là tài khoản quản trị. Hãy dùng trang Quản trị máy chủ (/admin).');
    await signIn('can-bo', 'sai');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Sai tên đăng nhập hoặc mật khẩu.'));
    expect(asked).toEqual(['POST /api/v1/login', 'POST /api/v1/login']);
    expect(await getAbove()).toBeUndefined();
    expect(screen.getByLabelText('Mật khẩu')).toBeTruthy();
  });

  test('offline: the units, the tree with phụ trách, the links, and how old the data is', async () => {
    const at = '2026-12-05T14:05:00.000Z';
    await signedIn(at);
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    mount('/above');
    await screen.findByText('Tài khoản: can-bo-lan');
    const d = new Date(at);
    const time = `${String(d.getHours()).padStart(2, '0')}:05 ${String(d.getDate()).padStart(2, '0')}/12/2026`;
    expect(screen.getByTestId('above-sync').textContent).toBe(`Không có mạng · số liệu đến ${time}`);
    expect(screen.getByText(`Phụ trách: Đ/c Lan · ${time}`)).toBeTruthy();
    expect(screen.getByText(`Chưa phân công phụ trách · ${time}`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Báo cáo nhận được' }).getAttribute('href')).toBe('/above/reports');
    expect(screen.getByRole('link', { name: 'Lịch' }).getAttribute('href')).toBe('/above/agenda');
    const tree = screen.getAllByRole('listitem').filter((li) => li.closest('.above-tree'));
    expect(tree.map((li) => [li.querySelector('a')?.textContent, li.style.paddingInlineStart])).toEqual([
      ['Đoàn phường 7', '0rem'],
      ['Chi đoàn khu phố 1', '1.25rem'],
    ]);
  });

  test('sign-out is refused while a unit has unsent changes, and says which', async () => {
    await signedIn('2026-12-05T14:05:00.000Z');
    const db = openUnitDbApart('u-child');
    await db.outbox.add({ mid: 'm1', seq: 1, table: 'checkIns', rowId: 'ci-1', op: 'upsert', fields: {}, base: {}, hlc: 'x' } as never);
    db.close();
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    mount('/above');
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất cấp trên' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Còn thay đổi chưa gửi ở: Chi đoàn khu phố 1. Đồng bộ xong rồi hãy đăng xuất.');
  });

  test("a unit's detail: parent, phụ trách and the ways into its book", async () => {
    await signedIn('2026-12-05T14:05:00.000Z');
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    mount('/above/unit/u-child');
    await screen.findByRole('heading', { name: 'Chi đoàn khu phố 1' });
    expect(screen.getByText('Trực thuộc: Đoàn phường 7')).toBeTruthy();
    expect(screen.getByText('Phụ trách: Đ/c Lan')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Giao ban' }).getAttribute('href')).toBe('/above/unit/u-child/checkins');
    expect(screen.getByRole('link', { name: 'Trao đổi' }).getAttribute('href')).toBe('/above/unit/u-child/notes');
    expect(screen.getByRole('link', { name: 'Xếp loại, diện củng cố' }).getAttribute('href')).toBe('/above/unit/u-child/rating');
    expect(screen.getByRole('button', { name: 'Mở sổ của đơn vị (chỉ xem)' })).toBeTruthy();
  });
});
