// @vitest-environment jsdom
// The sync screens over real Dexie (fake-indexeddb): a conflict is shown side by side with
// the field's label and this phone's side first; "Giữ bản này" writes the value as a normal
// change and marks the conflict for the server; a refused change shows the server's reason
// in words, and "Bỏ thay đổi này" asks first and then takes the server's value back.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { createMember, updateMember } from '../../../src/features/members/members-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { storeConflicts } from '../../../src/sync/engine';
import { recordPushResults } from '../../../src/sync/push-results';
import ConflictsPage from '../../../src/features/sync/ConflictsPage';
import NeedsAttentionPage from '../../../src/features/sync/NeedsAttentionPage';

let memberId: string;
let deviceId: string;

beforeEach(async () => {
  await freshUnit();
  const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hoàng Thị Mai Anh', phone: '0905123456' });
  memberId = m.id;
  const db = await activeDb();
  // as if synced: the server has the row at version 3, nothing waits
  await db.outbox.clear();
  await db.members.update(memberId, { rev: { fullName: 3, phone: 3 } });
  deviceId = (await db.syncState.get('device'))!.deviceId;
});
afterEach(() => cleanup());

function mount(path: string, Page: ComponentType) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>{[<Route key="p" path={path} component={Page} />]}</Router>
    </LocationProvider>,
  );
}

describe('ConflictsPage', () => {
  test('both values side by side, mine first; keeping mine (not in effect) writes it as a change', async () => {
    const db = await activeDb();
    await db.members.update(memberId, { phone: '0922222222', rev: { fullName: 3, phone: 5 } });
    await storeConflicts(db, deviceId, [
      { id: 'c1', table: 'members', rowId: memberId, field: 'phone', winnerValue: '0922222222', loserValue: '0911111111', winnerDeviceId: 'other-phone', loserDeviceId: deviceId, createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: 'Hoàng Thị Mai Anh — Số điện thoại' });
    const sides = within(card).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sides).toEqual(['Bản của máy này', 'Bản của máy khácđang dùng']);
    expect(card.textContent).toContain('0911111111');
    expect(card.textContent).toContain('0922222222');
    // keep mine (the loser): a normal change with the base of the version in effect
    fireEvent.click(within(card).getAllByRole('button', { name: 'Giữ bản này' })[0]);
    await screen.findByText('Đã chọn. Sẽ gửi cho các máy khác khi đồng bộ.');
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'members', rowId: memberId, fields: { phone: '0911111111' }, base: { phone: 5 } });
    expect((await db.conflicts.get('c1'))!.resolvePending).toEqual({ keep: 'loser' });
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
  });

  test('keeping the value in effect writes nothing, only the resolution', async () => {
    const db = await activeDb();
    await storeConflicts(db, deviceId, [
      { id: 'c2', table: 'members', rowId: memberId, field: 'phone', winnerValue: '0905123456', loserValue: '0933333333', winnerDeviceId: deviceId, loserDeviceId: 'other-phone', createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: 'Hoàng Thị Mai Anh — Số điện thoại' });
    fireEvent.click(within(card).getAllByRole('button', { name: 'Giữ bản này' })[0]);
    await waitFor(async () => expect((await db.conflicts.get('c2'))!.resolvePending).toEqual({ keep: 'winner' }));
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('ConflictsPage: a field this phone lost twice', () => {
  test('one card, the latest; deciding it settles the earlier one with nothing more written', async () => {
    const db = await activeDb();
    await db.members.update(memberId, { phone: '0922222222', rev: { fullName: 3, phone: 7 } });
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, s)).toISOString();
    await storeConflicts(db, deviceId, [
      { id: 'c21', table: 'members', rowId: memberId, field: 'phone', winnerValue: '0922222222', loserValue: '0911111111', winnerDeviceId: 'other-phone', loserDeviceId: deviceId, createdAt: at(1) },
      { id: 'c22', table: 'members', rowId: memberId, field: 'phone', winnerValue: '0922222222', loserValue: '0933333333', winnerDeviceId: 'other-phone', loserDeviceId: deviceId, createdAt: at(2) },
    ]);
    const { syncOverview } = await import('../../../src/sync/sync-queries');
    expect((await syncOverview())!.conflicts).toBe(1);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(card.textContent).toContain('0933333333');
    expect(card.textContent).not.toContain('0911111111');
    fireEvent.click(within(card).getAllByRole('button', { name: 'Giữ bản này' })[0]);
    await waitFor(async () => expect((await db.conflicts.get('c21'))!.resolvePending).toEqual({ keep: 'winner' }));
    expect((await db.conflicts.get('c22'))!.resolvePending).toEqual({ keep: 'loser' });
    const [entry, ...more] = await db.outbox.toArray();
    expect(more).toEqual([]);
    expect(entry.fields).toEqual({ phone: '0933333333' });
  });
});

describe('ConflictsPage: a roll row of final minutes', () => {
  test('keeping the side not in effect is refused in words; the roll and the conflict stay', async () => {
    const db = await activeDb();
    // written as pulled from the server: a held meeting, its final minutes, a roll row
    await db.minutes.put({ id: 'meeting-0001', unitId: 'u', meetingId: 'meeting-0001', status: 'finalized', rev: { status: 7 }, updatedAt: '' } as never);
    await db.attendance.put({ id: `meeting-0001:${memberId}`, unitId: 'u', eventId: 'meeting-0001', memberId, status: 'present', rev: { status: 6 }, updatedAt: '' } as never);
    await storeConflicts(db, deviceId, [
      { id: 'c9', table: 'attendance', rowId: `meeting-0001:${memberId}`, field: 'status', winnerValue: 'present', loserValue: 'absent_unexcused', winnerDeviceId: 'other-phone', loserDeviceId: deviceId, createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem');
    fireEvent.click(within(card).getAllByRole('button', { name: 'Giữ bản này' })[0]);
    expect((await screen.findByRole('alert')).textContent).toContain('Biên bản đã chốt');
    expect((await db.attendance.get(`meeting-0001:${memberId}`))!.status).toBe('present');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.conflicts.get('c9'))!.resolvePending).toBeUndefined();
  });
});

describe('ConflictsPage: an edit that met a delete', () => {
  test('the delete is shown as such; keeping the edit brings the record back', async () => {
    const db = await activeDb();
    // another phone deleted the member (pulled here as a tombstone at version 6)
    await db.members.update(memberId, { deleted: true, rev: { fullName: 3, phone: 3, deleted: 6 } });
    await storeConflicts(db, deviceId, [
      { id: 'c3', table: 'members', rowId: memberId, field: 'phone', kind: 'deleteEdit', winnerValue: null, loserValue: '0944444444', winnerDeviceId: 'other-phone', loserDeviceId: deviceId, createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: 'Hoàng Thị Mai Anh — Số điện thoại' });
    expect(card.textContent).toContain('Bản ghi đã bị xóa ở máy khác; giữ bản sửa sẽ khôi phục bản ghi.');
    expect(card.querySelector('[data-side="Bản của máy khác"] .value')!.textContent).toBe('Đã xóa');
    fireEvent.click(within(card).getAllByRole('button', { name: 'Giữ bản này' })[0]);
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ op: 'upsert', fields: { phone: '0944444444', deleted: false }, base: { phone: 3, deleted: 6 } });
    expect((await db.members.get(memberId))!.deleted).toBe(false);
  });
});

describe('ConflictsPage: a member deleted while another phone recorded for them', () => {
  test('the card says what was recorded and what each choice does', async () => {
    const db = await activeDb();
    // the server filed the delete as a conflict when the other phone's payment arrived
    await db.members.update(memberId, { deleted: true, rev: { fullName: 3, phone: 3, deleted: 6 } });
    await storeConflicts(db, deviceId, [
      { id: 'c4', table: 'members', rowId: memberId, field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerDeviceId: deviceId, loserDeviceId: 'other-phone', createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: /^Hoàng Thị Mai Anh — / });
    expect(card.textContent).toContain('máy khác vẫn ghi cho người này (thu đoàn phí, điểm danh');
    expect(card.textContent).not.toContain('giữ bản sửa sẽ khôi phục bản ghi');
    expect(card.querySelector('[data-side="Bản của máy khác"] .value')!.textContent).toBe('Còn (chưa xóa)');
  });

  test('a member with records cannot stay deleted, as an undone import keeps them; keeping them brings the member back', async () => {
    const db = await activeDb();
    await db.members.update(memberId, { deleted: true, rev: { fullName: 3, phone: 3, deleted: 6 } });
    // the other phone's payment, pulled (the digest middleware files it under the member)
    await db.dues.put({ id: 'due-0000001', unitId: (await db.units.toCollection().first())!.id, memberId, period: '2026-11', amount: 2000, paidAt: '2026-12-07', method: 'cash', receiptNo: 'PT-1', deleted: false, rev: { amount: 7 } } as never);
    await storeConflicts(db, deviceId, [
      { id: 'c5', table: 'members', rowId: memberId, field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerDeviceId: deviceId, loserDeviceId: 'other-phone', createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: /^Hoàng Thị Mai Anh — / });
    const keepDeleted = within(card.querySelector<HTMLElement>('[data-side="Bản của máy này"]')!).getByRole('button', { name: 'Giữ bản này' });
    fireEvent.click(keepDeleted);
    expect((await screen.findByRole('alert')).textContent).toContain('Không xóa được: người này đã có đoàn phí');
    expect((await db.conflicts.get('c5'))!.resolvePending).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    fireEvent.click(within(card.querySelector<HTMLElement>('[data-side="Bản của máy khác"]')!).getByRole('button', { name: 'Giữ bản này' }));
    await waitFor(async () => expect((await db.members.get(memberId))!.deleted).toBe(false));
    expect((await db.conflicts.get('c5'))!.resolvePending).toEqual({ keep: 'loser' });
  });

  test('a member who holds a committee seat cannot stay deleted either: the roster names them', async () => {
    const db = await activeDb();
    await db.members.update(memberId, { deleted: true, rev: { fullName: 3, phone: 3, deleted: 6 } });
    await db.committeeSeats.put({ id: 'seat-0000001', unitId: (await db.units.toCollection().first())!.id, termId: 'term-1', memberId, position: 'deputy', from: '2025-03-20', deleted: false, rev: { position: 7 } } as never);
    await storeConflicts(db, deviceId, [
      { id: 'c7', table: 'members', rowId: memberId, field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerDeviceId: deviceId, loserDeviceId: 'other-phone', createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: /^Hoàng Thị Mai Anh — / });
    fireEvent.click(within(card.querySelector<HTMLElement>('[data-side="Bản của máy này"]')!).getByRole('button', { name: 'Giữ bản này' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Không xóa được');
    expect((await db.conflicts.get('c7'))!.resolvePending).toBeUndefined();
  });

  test('a member with no records left may stay deleted', async () => {
    const db = await activeDb();
    await db.members.update(memberId, { deleted: true, rev: { fullName: 3, phone: 3, deleted: 6 } });
    await storeConflicts(db, deviceId, [
      { id: 'c6', table: 'members', rowId: memberId, field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerDeviceId: deviceId, loserDeviceId: 'other-phone', createdAt: new Date().toISOString() },
    ]);
    mount('/sync/conflicts', ConflictsPage);
    const card = await screen.findByRole('listitem', { name: /^Hoàng Thị Mai Anh — / });
    fireEvent.click(within(card.querySelector<HTMLElement>('[data-side="Bản của máy này"]')!).getByRole('button', { name: 'Giữ bản này' }));
    await waitFor(async () => expect((await db.conflicts.get('c6'))!.resolvePending).toEqual({ keep: 'winner' }));
    expect((await db.members.get(memberId))!.deleted).toBe(true);
  });
});

describe('NeedsAttentionPage', () => {
  test('the reason in words; "Bỏ thay đổi này" asks, then takes the server value back', async () => {
    await updateMember(memberId, { phone: '0999999999' });
    const db = await activeDb();
    const batch = await db.outbox.toArray();
    await recordPushResults(db, batch, { results: [{ mid: batch[0].mid, status: 'rejected', error: 'err.phone' }], lastSeq: batch[0].seq });
    mount('/sync/attention', NeedsAttentionPage);
    await screen.findByText('Lý do: Số điện thoại không hợp lệ.');
    expect(screen.getByRole('link', { name: 'Sửa' }).getAttribute('href')).toBe(`/members/${memberId}/edit`);
    const confirmSpy = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ thay đổi này' }));
    expect(confirmSpy).toHaveBeenCalledOnce();
    expect(await db.needsAttention.count()).toBe(1);
    confirmSpy.mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ thay đổi này' }));
    await screen.findByText('Đã bỏ thay đổi.');
    expect(await db.needsAttention.count()).toBe(0);
    // the next pull reads the row again from just below its newest version
    expect((await db.syncState.get('device'))!.repullFrom).toBe(2);
    confirmSpy.mockRestore();
  });

  test('a mark refused because the minutes are final: taken back at once, shown without the tap time, no "Sửa"', async () => {
    const db = await activeDb();
    const { markAttendance } = await import('../../../src/features/attendance/attendance-repo');
    await db.minutes.put({ id: 'meeting-0002', unitId: 'u', meetingId: 'meeting-0002', status: 'draft', rev: { status: 4 }, updatedAt: '' } as never);
    await db.attendance.put({ id: `meeting-0002:${memberId}`, unitId: 'u', eventId: 'meeting-0002', memberId, status: 'present', rev: { status: 4 }, updatedAt: '' } as never);
    await markAttendance('meeting-0002', memberId, 'absent_unexcused');
    await markAttendance('meeting-0002', memberId, 'late');
    const batch = await db.outbox.toArray();
    await recordPushResults(db, batch, { results: batch.map((e) => ({ mid: e.mid, status: 'rejected' as const, error: 'err.locked' })), lastSeq: batch[batch.length - 1].seq });
    expect((await db.syncState.get('device'))!.repullFrom).toBe(3);
    mount('/sync/attention', NeedsAttentionPage);
    await screen.findByText(/Máy này đã trở về nội dung đã chốt/);
    // two taps on one name, one card, with the last mark typed
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('listitem').textContent).toContain('Muộn');
    expect(screen.queryByRole('link', { name: 'Sửa' })).toBeNull();
    expect(document.body.textContent).not.toContain('checkedAt');
    fireEvent.click(screen.getByRole('button', { name: 'Đã xem' }));
    await waitFor(async () => expect(await db.needsAttention.count()).toBe(0));
  });
});

describe('NeedsAttentionPage: a new mark refused by final minutes', () => {
  test('the card names the member and meeting, not their ids; the mark leaves the roll', async () => {
    const db = await activeDb();
    const { markAttendance } = await import('../../../src/features/attendance/attendance-repo');
    await db.meetings.put({ id: 'meeting-0003', unitId: 'u', kind: 'regular', title: 'Sinh hoạt tháng 12', startsAt: '2026-12-05T19:30', guests: [], status: 'held', rev: { title: 2 }, updatedAt: '' } as never);
    await markAttendance('meeting-0003', memberId, 'present');
    const batch = await db.outbox.toArray();
    expect(Object.keys(batch[0].fields)).toEqual(expect.arrayContaining(['eventId', 'memberId']));
    await recordPushResults(db, batch, { results: [{ mid: batch[0].mid, status: 'rejected', error: 'err.locked' }], lastSeq: batch[0].seq });
    expect(await db.attendance.get(`meeting-0003:${memberId}`)).toBeUndefined();
    mount('/sync/attention', NeedsAttentionPage);
    const card = await screen.findByRole('listitem');
    expect(card.textContent).toContain('Hoàng Thị Mai Anh — Sinh hoạt tháng 12');
    expect(card.textContent).not.toContain(memberId);
    expect(card.textContent).not.toContain('meeting-0003');
  });
});

describe('a phone that joined a server unit', () => {
  test('reads and edits the unit row it received, not a second one under its own id', async () => {
    const { getUnit, updateUnit } = await import('../../../src/features/setup/unit-repo');
    const db = await activeDb();
    const own = (await getUnit())!;
    // as on a deputy's phone: the only unit row has the secretary's id
    await db.units.clear();
    await db.units.put({ ...own, id: 'unit-of-the-secretary', unitId: 'unit-of-the-secretary', rev: { name: 4 } });
    expect((await getUnit())!.id).toBe('unit-of-the-secretary');
    await updateUnit({ term: '2025–2027' });
    expect(await db.units.count()).toBe(1);
    expect((await db.units.get('unit-of-the-secretary'))!.term).toBe('2025–2027');
  });
});
