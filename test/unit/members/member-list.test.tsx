// @vitest-environment jsdom
// The member list as issue 13 left it (B3, B5): the register is read as a plain read that runs
// again after writes (not a liveQuery), the filters apply once and a keystroke searches what
// they let through, and rows are keyed by their place. What a secretary sees must not change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import MembersPage from '../../../src/features/members/MembersPage';
import { archiveMember, createMember, updateMember } from '../../../src/features/members/members-repo';
import { setCurrentUnitId } from '../../../src/data/prefs';
import { MEMBER_DEFAULTS, type Member } from '../../../src/protocol/member';
import { freshUnit } from '../helpers';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const names = (list: HTMLElement) => within(list).queryAllByRole('link').map((a) => a.querySelector('.name')?.textContent);
const hrefs = (list: HTMLElement) => within(list).queryAllByRole('link').map((a) => a.getAttribute('href'));

describe('member list', () => {
  it('follows writes made while it is open: a new member, a renamed one, an archived one', async () => {
    const unit = await freshUnit();
    await setCurrentUnitId(unit.id);
    const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn An' });
    render(
      <LocationProvider>
        <MembersPage />
      </LocationProvider>,
    );
    const list = screen.getByRole('list', { name: 'Đoàn viên' });
    await within(list).findByText('Lê Văn An', undefined, { timeout: 5000 });
    const binh = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Thị Bình' });
    await within(list).findByText('Trần Thị Bình', undefined, { timeout: 5000 });
    await updateMember(binh.id, { fullName: 'Trần Thị Bích' });
    await within(list).findByText('Trần Thị Bích', undefined, { timeout: 5000 });
    await archiveMember(an.id);
    await expect.poll(() => names(list), { timeout: 5000 }).toEqual(['Trần Thị Bích']);
    expect(screen.getByText('1 đoàn viên')).toBeTruthy();
  });

  it('a keystroke searches within the filters; each row links to the member it shows', async () => {
    const unit = await freshUnit();
    await setCurrentUnitId(unit.id);
    const made: Member[] = [];
    for (const fullName of ['Nguyễn Văn An', 'Đặng Đức Anh', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Văn Dũng']) made.push(await createMember({ ...MEMBER_DEFAULTS, fullName }));
    await archiveMember(made[3].id); // Cường
    const id = (name: string) => made.find((m) => m.fullName === name)!.id;
    render(
      <LocationProvider>
        <MembersPage />
      </LocationProvider>,
    );
    const list = screen.getByRole('list', { name: 'Đoàn viên' });
    await within(list).findByText('Nguyễn Văn An', undefined, { timeout: 5000 });
    // Given name order (An, Anh, Bình, Dũng); the archived Cường is not in the default view.
    expect(names(list)).toEqual(['Nguyễn Văn An', 'Đặng Đức Anh', 'Trần Thị Bình', 'Phạm Văn Dũng']);

    const box = screen.getByLabelText('Tìm đoàn viên');
    fireEvent.input(box, { target: { value: 'van' } });
    await expect.poll(() => names(list)).toEqual(['Nguyễn Văn An', 'Phạm Văn Dũng']);
    // Rows are reused in place: the links follow the members they now show.
    expect(hrefs(list)).toEqual([`/members/${id('Nguyễn Văn An')}`, `/members/${id('Phạm Văn Dũng')}`]);
    expect(screen.getByText('2 / 4 đoàn viên')).toBeTruthy();

    fireEvent.input(box, { target: { value: 'van d' } });
    await expect.poll(() => names(list)).toEqual(['Phạm Văn Dũng']);
    expect(hrefs(list)).toEqual([`/members/${id('Phạm Văn Dũng')}`]);

    // The filters' controls are made only once the panel is opened (B3, B5).
    expect(screen.queryByLabelText('Trạng thái')).toBeNull();
    fireEvent.click(screen.getByText('Lọc'));
    const status = await screen.findByLabelText('Trạng thái');

    // The archived view: the same query now finds Cường, and only him.
    fireEvent.change(status, { target: { value: 'archived' } });
    fireEvent.input(box, { target: { value: 'van' } });
    await expect.poll(() => names(list)).toEqual(['Lê Văn Cường']);
    expect(hrefs(list)).toEqual([`/members/${id('Lê Văn Cường')}`]);
    // a view beyond who is in the unit is counted on its own: "1 / 4" would read as part of them
    expect(screen.getByText('1 đoàn viên')).toBeTruthy();

    fireEvent.change(status, { target: { value: 'participating' } });
    // Closed again, the panel drops its controls.
    fireEvent.click(screen.getByText('Lọc'));
    await expect.poll(() => screen.queryByLabelText('Trạng thái')).toBeNull();
    fireEvent.input(box, { target: { value: '' } });
    await expect.poll(() => names(list)).toEqual(['Nguyễn Văn An', 'Đặng Đức Anh', 'Trần Thị Bình', 'Phạm Văn Dũng']);
    expect(hrefs(list)).toEqual(['Nguyễn Văn An', 'Đặng Đức Anh', 'Trần Thị Bình', 'Phạm Văn Dũng'].map((n) => `/members/${id(n)}`));
  });
});
