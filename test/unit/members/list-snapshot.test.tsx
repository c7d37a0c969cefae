// @vitest-environment jsdom
// The member list's cold start (PERFORMANCE.md B3): the first rows of the last visit paint
// before Dexie has read the register, and the register replaces them as soon as it is read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import MembersPage from '../../../src/features/members/MembersPage';
import { LIST_SNAPSHOT_KEY, SNAPSHOT_ROWS, readListSnapshot, writeListSnapshot, type MemberRowData } from '../../../src/features/members/list-snapshot';
import { createMember, archiveMember } from '../../../src/features/members/members-repo';
import { knownUnitId, setCurrentUnitId } from '../../../src/data/prefs';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { freshUnit } from '../helpers';

const row = (id: string, fullName: string): MemberRowData => ({
  id,
  fullName,
  position: 'member',
  subGroup: 'Tổ 1',
  dateOfBirth: '2000-05-01',
  status: 'active',
});

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('list snapshot', () => {
  it('keeps only the first rows and the fields a row shows, for one unit', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...row(`m${i}`, `Người ${i}`), phone: '0900000000', notes: 'riêng' }));
    writeListSnapshot('u1', 50, many);
    const s = readListSnapshot('u1')!;
    expect(s.total).toBe(50);
    expect(s.rows).toHaveLength(SNAPSHOT_ROWS);
    expect(Object.keys(s.rows[0]).sort()).toEqual(['dateOfBirth', 'fullName', 'id', 'position', 'status', 'subGroup']);
    expect(readListSnapshot('u2')).toBeUndefined();
    expect(readListSnapshot(undefined)).toBeUndefined();
  });

  it('an unreadable snapshot is ignored', () => {
    localStorage.setItem(LIST_SNAPSHOT_KEY, '{not json');
    expect(readListSnapshot('u1')).toBeUndefined();
    localStorage.setItem(LIST_SNAPSHOT_KEY, JSON.stringify({ unitId: 'u1', total: 1, rows: 'x' }));
    expect(readListSnapshot('u1')).toBeUndefined();
  });
});

describe('members page, cold start', () => {
  it('paints the snapshot at once, then the register replaces it and the snapshot follows the register', async () => {
    const unit = await freshUnit();
    await setCurrentUnitId(unit.id);
    expect(knownUnitId()).toBe(unit.id);
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Thị Bình' });
    const gone = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn An' });
    await archiveMember(gone.id);
    // What the last visit saw: An was still there, Bình not yet.
    writeListSnapshot(unit.id, 1, [row(gone.id, 'Lê Văn An')]);

    render(
      <LocationProvider>
        <MembersPage />
      </LocationProvider>,
    );
    // First render, before any await: the snapshot's row and count.
    const list = screen.getByRole('list', { name: 'Đoàn viên' });
    expect(within(list).getByText('Lê Văn An')).toBeTruthy();
    expect(screen.getByText('1 đoàn viên')).toBeTruthy();

    // The register is read: Bình, and the archived An is gone.
    await within(list).findByText('Trần Thị Bình', undefined, { timeout: 5000 });
    expect(within(list).queryByText('Lê Văn An')).toBeNull();
    await expect.poll(() => readListSnapshot(unit.id)?.rows.map((r) => r.fullName)).toEqual(['Trần Thị Bình']);
  });

  it('with no snapshot (another unit\u2019s, or none) nothing is painted from it', async () => {
    const unit = await freshUnit();
    await setCurrentUnitId(unit.id);
    writeListSnapshot('another-unit', 1, [row('x', 'Người Lạ')]);
    render(
      <LocationProvider>
        <MembersPage />
      </LocationProvider>,
    );
    expect(screen.queryByText('Người Lạ')).toBeNull();
    await screen.findByText('Chưa có đoàn viên nào.', undefined, { timeout: 5000 });
  });
});
