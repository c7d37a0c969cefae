// @vitest-environment jsdom
// Issue 8 item 6: rules that judge history warn, never trap. A member admitted at 15 (as an
// old register has it) can still have her phone number changed; a NEW admission outside
// 16–30 asks to confirm; someone still active past 30 is flagged on the list, on the
// member page, and has a view in the list's status filter. Real Dexie over fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import MemberFormPage from '../../../src/features/members/MemberFormPage';
import MemberDetailPage from '../../../src/features/members/MemberDetailPage';
import { MemberRow } from '../../../src/features/members/MemberRow';
import { createMember } from '../../../src/features/members/members-repo';
import { DEFAULT_FILTER, matchesFilter } from '../../../src/features/members/member-filters';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS, type Member } from '../../../src/protocol/member';

const SLOW = { timeout: 10_000 };

function mount(path: string) {
  window.history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/members/new" component={MemberFormPage} />
        <Route path="/members/:id/edit" component={MemberFormPage} />
        <Route path="/members/:id" component={MemberDetailPage} />
      </Router>
    </LocationProvider>,
  );
}

const field = (label: string) => screen.getByLabelText(label, { exact: false }) as HTMLInputElement;

beforeEach(async () => {
  document.body.innerHTML = '';
  await freshUnit();
});
afterEach(cleanup);

describe('age at admission on the member form', () => {
  it('an old record admitted at 15 saves a new phone number, with the age shown as a warning', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Thị Mai Hương', dateOfBirth: '2005-03-10', admissionDate: '2020-03-26' });
    mount(`/members/${m.id}/edit`);
    await screen.findByDisplayValue('Lê Thị Mai Hương', {}, SLOW);
    const warning = screen.queryByText('Tuổi vào Đoàn: 15 (Điều lệ: 16–30).');
    const confirm = vi.spyOn(window, 'confirm');
    fireEvent.input(field('Số điện thoại'), { target: { value: '0912345678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const db = await activeDb();
    await waitFor(async () => expect((await db.members.get(m.id))!.phone).toBe('0912345678'), SLOW);
    expect((await db.members.get(m.id))!.admissionDate).toBe('2020-03-26');
    expect(warning).toBeTruthy();
    expect(confirm).not.toHaveBeenCalled();
    confirm.mockRestore();
  });

  it('a new admission at 15 asks to confirm: refused, nothing saved; confirmed, saved', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    mount('/members/new');
    await screen.findByRole('button', { name: 'Lưu' }, SLOW);
    fireEvent.input(field('Họ và tên'), { target: { value: 'Nguyễn Văn Nhỏ' } });
    fireEvent.input(field('Ngày sinh'), { target: { value: '10/03/2011' } });
    fireEvent.input(field('Ngày vào Đoàn'), { target: { value: '26/03/2026' } });
    expect(screen.getByText('Tuổi vào Đoàn: 15 (Điều lệ: 16–30).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(confirm).toHaveBeenLastCalledWith('Tuổi vào Đoàn ngoài 16–30. Vẫn lưu?');
    const db = await activeDb();
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.members.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(async () => expect(await db.members.count()).toBe(1), SLOW);
    expect((await db.members.toArray())[0]).toMatchObject({ fullName: 'Nguyễn Văn Nhỏ', dateOfBirth: '2011-03-10', admissionDate: '2026-03-26' });
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
  });
});

describe('still active past 30', () => {
  const row = (extra: Partial<Member>): Member => ({
    id: 'm-1', unitId: 'u', rev: {}, deleted: false, createdAt: '', updatedAt: '', ...MEMBER_DEFAULTS, fullName: 'Phạm Quốc Bảo', ...extra,
  });

  it('has a view of its own in the member list\'s status filter', () => {
    const filter = { ...DEFAULT_FILTER, status: 'over30' as const };
    expect(matchesFilter(row({ dateOfBirth: '1980-01-15' }), filter, 2026)).toBe(true);
    expect(matchesFilter(row({ dateOfBirth: '2005-01-15' }), filter, 2026)).toBe(false);
    expect(matchesFilter(row({ dateOfBirth: '1980-01-15', status: 'temporary' }), filter, 2026)).toBe(false);
    expect(matchesFilter(row({}), filter, 2026)).toBe(false);
    expect(matchesFilter(row({ dateOfBirth: '1980-01-15', archivedAt: '2026-01-01T00:00:00Z' }), filter, 2026)).toBe(false);
  });

  it('is flagged on the list row', () => {
    render(<MemberRow member={row({ dateOfBirth: '1980-01-15' })} year={2026} />);
    expect(screen.getByText('30+')).toBeTruthy();
    cleanup();
    render(<MemberRow member={row({ dateOfBirth: '1980-01-15', status: 'graduated' })} year={2026} />);
    expect(screen.queryByText('30+')).toBeNull();
  });

  it('is warned about on the member page', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Phạm Quốc Bảo', dateOfBirth: '1980-01-15' });
    mount(`/members/${m.id}`);
    await screen.findByText('Quá 30 tuổi, còn sinh hoạt', {}, SLOW);
  });
});
