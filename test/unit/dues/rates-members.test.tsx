// @vitest-environment jsdom
// The rates screen's members by category, and "everyone to one category" (found in use: lists
// imported before the import asked came in "Chưa có lương", and a company's branch had to edit
// each member to make them salaried).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { freshUnit } from '../helpers';
import '../../../src/features/dues/i18n';
import RatesPage from '../../../src/features/dues/RatesPage';
import { archiveMember, createMember } from '../../../src/features/members/members-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const LIVE = { timeout: 5000 };

describe('members by dues category', () => {
  it('counts the members in the unit today, and sets everyone to one category after asking, writing only those that change', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan', duesCategory: 'unsalaried' });
    const hai = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải', duesCategory: 'unsalaried' });
    const binh = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Đỗ Thị Bình', duesCategory: 'salaried' });
    const gone = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn An', duesCategory: 'unsalaried' });
    await archiveMember(gone.id);
    const db = await activeDb();
    const before = await db.outbox.count();
    render(<RatesPage />);
    const card = await screen.findByRole('region', { name: 'Đoàn viên theo mức đóng' }, LIVE);
    await waitFor(() => expect(card.textContent).toContain('Có lương1 người'), LIVE);
    expect(card.textContent).toContain('Chưa có lương2 người');

    const asked: string[] = [];
    vi.spyOn(window, 'confirm').mockImplementation((q) => (asked.push(String(q)), false));
    fireEvent.click(screen.getByRole('button', { name: 'Đặt tất cả là “Có lương”' }));
    expect(asked).toEqual(['Đổi 2 đoàn viên sang “Có lương”? Các khoản đã thu giữ nguyên; số còn phải đóng tính theo mức mới.']);
    expect(await db.outbox.count()).toBe(before);

    vi.spyOn(window, 'confirm').mockImplementation(() => true);
    fireEvent.click(screen.getByRole('button', { name: 'Đặt tất cả là “Có lương”' }));
    await screen.findByText('Đã đổi 2 đoàn viên sang “Có lương”.', undefined, LIVE);
    expect((await db.members.bulkGet([lan.id, hai.id, binh.id, gone.id])).map((m) => m!.duesCategory)).toEqual(['salaried', 'salaried', 'salaried', 'unsalaried']);
    // one change each for the two, through the outbox; the member who left is not touched
    const entries = (await db.outbox.toArray()).slice(before);
    expect(entries.map((e) => [e.table, e.rowId, e.fields])).toEqual([
      ['members', lan.id, { duesCategory: 'salaried' }],
      ['members', hai.id, { duesCategory: 'salaried' }],
    ]);
    await waitFor(() => expect(card.textContent).toContain('Có lương3 người'), LIVE);
    expect(screen.queryByRole('button', { name: 'Đặt tất cả là “Có lương”' })).toBeNull();
  });
});
