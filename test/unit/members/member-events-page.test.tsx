// @vitest-environment jsdom
// /members/:id/events: an event recorded by mistake is taken out after a confirmation, over
// real Dexie (fake-indexeddb); the member is in the unit again.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { addMemberEvent, createMember } from '../../../src/features/members/members-repo';
import { getMember, listMemberEvents, membersInUnit } from '../../../src/features/members/member-queries';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import MemberEventsPage from '../../../src/features/members/MemberEventsPage';

beforeEach(() => freshUnit());
afterEach(() => cleanup());

test('a transfer entered by mistake: "Xóa" asks, then takes it out and the member is back', async () => {
  const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Phùng Thị Lệ', admissionDate: '2015-03-26' });
  await addMemberEvent({ memberId: m.id, kind: 'transfer_out', date: '2026-10-01' });
  history.replaceState(null, '', `/members/${m.id}/events`);
  render(
    <LocationProvider>
      <Router>{[<Route key="p" path="/members/:id/events" component={MemberEventsPage} />]}</Router>
    </LocationProvider>,
  );
  const remove = await screen.findByRole('button', { name: 'Xóa Chuyển sinh hoạt đi ngày 01/10/2026' });
  const confirmSpy = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
  fireEvent.click(remove);
  expect(confirmSpy).toHaveBeenCalledWith('Xóa “Chuyển sinh hoạt đi” ngày 01/10/2026?');
  expect(await listMemberEvents(m.id)).toHaveLength(1);
  confirmSpy.mockReturnValueOnce(true);
  fireEvent.click(remove);
  expect((await screen.findByRole('status')).textContent).toBe('Đã xóa “Chuyển sinh hoạt đi”.');
  await waitFor(async () => expect(await listMemberEvents(m.id)).toHaveLength(0));
  expect((await getMember(m.id))!.status).toBe('active');
  expect(await membersInUnit('2026-12-01')).toContain(m.id);
  confirmSpy.mockRestore();
});
