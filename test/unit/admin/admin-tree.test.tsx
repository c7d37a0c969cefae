// @vitest-environment jsdom
// The admin's tree screen (/admin signed in) over a small in-memory stand-in for the server's
// JSON API (fetch stubbed): units shown as an indented tree with their phụ trách and the
// accounts that watch them; "Thêm đơn vị trực thuộc" creates under that unit; a move offers no
// parent below the unit and shows the server's refusal in words; assigning units ticks a unit
// and shows its chi đoàn as included, sending only the unit.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import AdminPage from '../../../src/features/sync/AdminPage';
import { setAdminSession } from '../../../src/features/sync/admin-session';
import { treeRows, pruneImplied, unitAndBelow } from '../../../src/features/admin/unit-tree';

interface U {
  id: string;
  name: string;
  parentId?: string;
  parentUnit?: string;
  inCharge?: string;
}
interface A {
  id: string;
  username: string;
  role: 'admin' | 'supervisor';
  unitIds: string[];
  createdAt: string;
}

let units: U[];
let accounts: A[];
let calls: { method: string; path: string; body?: any }[];
/** a refusal the next PATCH answers with (the server's code) */
let refusePatch: string | undefined;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function fakeServer(url: string, init?: RequestInit): Promise<Response> {
  const path = url.replace(/^.*\/api\/v1/, '');
  const method = init?.method ?? 'GET';
  const body = init?.body ? JSON.parse(String(init.body)) : undefined;
  calls.push({ method, path, body });
  if (method === 'GET' && path === '/units') return Promise.resolve(json(200, units));
  if (method === 'GET' && path === '/accounts') return Promise.resolve(json(200, accounts));
  if (method === 'POST' && path === '/units') {
    const unit = { id: `u-${units.length + 1}`, ...body };
    units = [...units, unit];
    return Promise.resolve(json(201, unit));
  }
  const patch = /^\/units\/([^/]+)$/.exec(path);
  if (method === 'PATCH' && patch) {
    if (refusePatch) return Promise.resolve(json(400, { error: { code: refusePatch, message: 'refused' } }));
    units = units.map((u) => (u.id === patch[1] ? { ...u, ...body, parentId: body.parentId === null ? undefined : (body.parentId ?? u.parentId) } : u));
    return Promise.resolve(json(200, units.find((u) => u.id === patch[1])));
  }
  if (method === 'POST' && path === '/accounts') {
    const account: A = { id: `a-${accounts.length + 1}`, username: body.username, role: body.role, unitIds: body.unitIds, createdAt: '2026-12-06T00:00:00.000Z' };
    accounts = [...accounts, account];
    return Promise.resolve(json(201, account));
  }
  const assign = /^\/accounts\/([^/]+)\/units$/.exec(path);
  if (method === 'PUT' && assign) {
    accounts = accounts.map((a) => (a.id === assign[1] ? { ...a, unitIds: body.unitIds } : a));
    return Promise.resolve(json(200, accounts.find((a) => a.id === assign[1])));
  }
  return Promise.resolve(json(404, { error: { code: 'not_found', message: `no ${method} ${path}` } }));
}

beforeEach(() => {
  units = [
    { id: 'ward7', name: 'Đoàn phường 7', parentUnit: 'Quận đoàn 3', inCharge: 'Đ/c Lê Thị Mai' },
    { id: 'kp3', name: 'Chi đoàn khu phố 3', parentId: 'ward7', parentUnit: 'Đoàn phường 7' },
    { id: 'kp3a', name: 'Tổ thanh niên 3A', parentId: 'kp3' },
    { id: 'other', name: 'Chi đoàn Công ty May 30/4' },
  ];
  accounts = [
    { id: 'adm', username: 'admin', role: 'admin', unitIds: [], createdAt: '2026-01-01T00:00:00.000Z' },
    { id: 'sup', username: 'giam.sat.mai', role: 'supervisor', unitIds: ['ward7', 'other'], createdAt: '2026-01-01T00:00:00.000Z' },
  ];
  calls = [];
  refusePatch = undefined;
  vi.stubGlobal('fetch', vi.fn(fakeServer));
  setAdminSession('admin-token-0000000000');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setAdminSession(null);
});

const card = (name: string) => screen.findByRole('listitem', { name });
const treeNames = () =>
  screen
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('tree-unit'))
    .map((li) => `${li.dataset.depth}:${li.getAttribute('aria-label')}`);

describe('the admin tree screen', () => {
  test('shows the units as a tree with their phụ trách and who watches them', async () => {
    render(<AdminPage />);
    await card('Tổ thanh niên 3A');
    expect(treeNames()).toEqual(['0:Chi đoàn Công ty May 30/4', '0:Đoàn phường 7', '1:Chi đoàn khu phố 3', '2:Tổ thanh niên 3A']);
    const ward = await card('Đoàn phường 7');
    expect(ward.textContent).toContain('Phụ trách: Đ/c Lê Thị Mai');
    expect(ward.textContent).toContain('Tài khoản theo dõi: giam.sat.mai');
    expect((await card('Tổ thanh niên 3A')).textContent).toContain('Tài khoản theo dõi: giam.sat.mai (qua Đoàn phường 7)');
    expect((await card('Chi đoàn khu phố 3')).textContent).toContain('Chưa phân công cán bộ phụ trách.');
    // the invite codes stay on each unit's card
    expect(within(ward).getByRole('button', { name: 'Tạo mã mời' })).toBeTruthy();
  });

  test('"Thêm đơn vị trực thuộc" creates a unit under that unit, with its phụ trách', async () => {
    render(<AdminPage />);
    const kp3 = await card('Chi đoàn khu phố 3');
    fireEvent.click(within(kp3).getByRole('button', { name: 'Thêm đơn vị trực thuộc' }));
    fireEvent.input(within(kp3).getByLabelText('Tên đơn vị'), { target: { value: 'Tổ thanh niên 3B' } });
    fireEvent.input(within(kp3).getByLabelText('Cán bộ phụ trách'), { target: { value: 'Đ/c Trần Văn Nam' } });
    fireEvent.click(within(kp3).getByRole('button', { name: 'Tạo đơn vị' }));
    await card('Tổ thanh niên 3B');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/units')?.body).toEqual({ name: 'Tổ thanh niên 3B', parentId: 'kp3', inCharge: 'Đ/c Trần Văn Nam' });
    expect(treeNames()).toContain('2:Tổ thanh niên 3B');
  });

  test('the top form creates under a parent chosen from the tree', async () => {
    render(<AdminPage />);
    await card('Đoàn phường 7');
    fireEvent.input(screen.getAllByLabelText('Tên đơn vị')[0], { target: { value: 'Chi đoàn khu phố 5' } });
    fireEvent.change(screen.getByLabelText('Trực thuộc'), { target: { value: 'ward7' } });
    // under a parent, the printed cấp trên comes from the parent: no field for it
    expect(screen.queryByLabelText('Cấp trên (không bắt buộc)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo' }));
    await card('Chi đoàn khu phố 5');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/units')?.body).toEqual({ name: 'Chi đoàn khu phố 5', parentId: 'ward7' });
  });

  test('a move offers no parent below the unit, and a refusal reads in plain words', async () => {
    render(<AdminPage />);
    const ward = await card('Đoàn phường 7');
    fireEvent.click(within(ward).getByRole('button', { name: 'Sửa' }));
    expect(ward.textContent).toContain('Chỉ đổi tên trên cây đơn vị của máy chủ.');
    const select = within(ward).getByLabelText('Trực thuộc') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'other']);
    fireEvent.input(within(ward).getByLabelText('Cán bộ phụ trách'), { target: { value: 'Đ/c Phạm Văn Hùng' } });
    fireEvent.change(select, { target: { value: 'other' } });
    refusePatch = 'unit_cycle';
    fireEvent.click(within(ward).getByRole('button', { name: 'Lưu' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Không thể chuyển đơn vị về trực thuộc chính nó hay một đơn vị cấp dưới của nó.');
    refusePatch = undefined;
    fireEvent.click(within(ward).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(treeNames()).toEqual(['0:Chi đoàn Công ty May 30/4', '1:Đoàn phường 7', '2:Chi đoàn khu phố 3', '3:Tổ thanh niên 3A']));
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ name: 'Đoàn phường 7', inCharge: 'Đ/c Phạm Văn Hùng', parentId: 'other' });
    expect((await card('Đoàn phường 7')).textContent).toContain('Phụ trách: Đ/c Phạm Văn Hùng');
  });

  test('creates a supervisor account and assigns a unit, its chi đoàn included', async () => {
    render(<AdminPage />);
    await card('Đoàn phường 7');
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'ab' } });
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'ngan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await screen.findByText('Tên đăng nhập cần ít nhất 3 ký tự.')).toBeTruthy();
    expect(screen.getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'giam.sat.nam' } });
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-dai' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    const nam = await card('giam.sat.nam');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/accounts')?.body).toEqual({ username: 'giam.sat.nam', password: 'mat-khau-dai', role: 'supervisor', unitIds: [] });
    expect(nam.textContent).toContain('Chưa được giao đơn vị nào.');

    fireEvent.click(within(nam).getByRole('button', { name: 'Giao đơn vị' }));
    expect(nam.textContent).toContain('gồm cả các chi đoàn trực thuộc');
    fireEvent.click(within(nam).getByLabelText('Chi đoàn khu phố 3'));
    fireEvent.click(within(nam).getByLabelText(/^Đoàn phường 7/));
    const child = within(nam).getByLabelText(/^Chi đoàn khu phố 3/) as HTMLInputElement;
    expect([child.checked, child.disabled]).toEqual([true, true]);
    expect(nam.textContent).toContain('(gồm trong Đoàn phường 7)');
    fireEvent.click(within(nam).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/accounts/a-3/units', body: { unitIds: ['ward7'] } });
    await waitFor(async () => expect((await card('giam.sat.nam')).textContent).toContain('Đơn vị được giao: Đoàn phường 7'));
  });
});

describe('unit-tree rules', () => {
  const flat = [
    { id: 'b', name: 'B', parentId: 'a' },
    { id: 'a', name: 'A' },
    { id: 'c', name: 'C', parentId: 'b' },
    { id: 'x', name: 'X', parentId: 'gone' },
    { id: 'l1', name: 'L1', parentId: 'l2' },
    { id: 'l2', name: 'L2', parentId: 'l1' },
  ];
  test('parents first, unknown parents at the top, a loop still listed once', () => {
    expect(treeRows(flat).map((r) => `${r.depth}${r.unit.id}`)).toEqual(['0a', '1b', '2c', '0x', '0l1', '0l2']);
  });
  test('below a unit, and what an assignment sends', () => {
    expect([...unitAndBelow(flat, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect(pruneImplied(flat, new Set(['c', 'a', 'x']))).toEqual(['a', 'x']);
  });
});
