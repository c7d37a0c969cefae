// @vitest-environment jsdom
// Activities recorded by mistake: a cancelled one stays listed but is no activity of the year's
// count, and one with nothing on it (no roll mark, no photo) can be deleted — a tombstone and
// its outbox delete in one write; one with a roll mark or a photo is refused, to be cancelled
// instead. Over real Dexie.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import ActivitiesPage from '../../../src/features/activities/ActivitiesPage';
import ActivityDetailPage from '../../../src/features/activities/ActivityDetailPage';
import { createActivity, deleteActivity } from '../../../src/features/activities/activities-repo';
import { getActivity, listActivitiesInYear } from '../../../src/features/activities/activity-queries';
import { clearAttendance, markAttendance } from '../../../src/features/attendance/attendance-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/activities" component={ActivitiesPage} />
        <Route path="/activities/:id" component={ActivityDetailPage} />
      </Router>
    </LocationProvider>,
  );
}
const activity = (title: string, status: 'planned' | 'held' | 'cancelled', photos?: string[]) =>
  createActivity({ kind: 'green_sunday', title, date: '2026-03-15', status, photos });
const outbox = async () => (await (await activeDb()).outbox.toArray()).filter((e) => e.table === 'activities');

describe("the year's activities", () => {
  it('counts neither a cancelled activity among the activities nor among those held', async () => {
    await activity('Chủ nhật xanh tháng 3', 'held');
    await activity('Thứ bảy tình nguyện', 'planned');
    await activity('Dọn kênh (ghi nhầm)', 'cancelled');
    mountAt('/activities?y=2026');
    await screen.findByText('Dọn kênh (ghi nhầm)');
    expect(screen.getByText('2 hoạt động, 1 đã tổ chức.')).toBeTruthy();
  });
});

describe('deleting an activity recorded by mistake', () => {
  it('deletes one with nothing on it after asking, sends the delete, and goes back to the year', async () => {
    const a = await activity('Chủ nhật xanh (ghi nhầm)', 'planned');
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(true);
    mountAt(`/activities/${a.id}`);
    await screen.findByRole('heading', { name: 'Chủ nhật xanh (ghi nhầm)' });
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    expect(ask).toHaveBeenCalledWith('Xóa hẳn hoạt động ghi nhầm này?');
    await waitFor(() => expect(location.search).toBe('?y=2026'));
    expect(await getActivity(a.id)).toBeUndefined();
    expect(await listActivitiesInYear(2026)).toEqual([]);
    expect((await outbox()).at(-1)).toMatchObject({ rowId: a.id, op: 'delete', fields: { deleted: true } });
  });

  it('asked and not confirmed, nothing is deleted', async () => {
    const a = await activity('Chủ nhật xanh', 'planned');
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    mountAt(`/activities/${a.id}`);
    await screen.findByRole('heading', { name: 'Chủ nhật xanh' });
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    expect(await getActivity(a.id)).toBeTruthy();
  });

  it('offers no delete and refuses one once a roll mark or a photo is on it; a mark taken back frees it', async () => {
    const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn An' });
    const marked = await activity('Chủ nhật xanh', 'held');
    await markAttendance(marked.id, an.id, 'absent_excused');
    const photo = await activity('Thứ bảy tình nguyện', 'held', ['a'.repeat(64)]);
    const before = (await outbox()).length;
    expect(await refusal(deleteActivity(marked.id))).toBe('activities.errInUse');
    expect(await refusal(deleteActivity(photo.id))).toBe('activities.errInUse');
    expect(await getActivity(marked.id)).toBeTruthy();
    expect(await getActivity(photo.id)).toBeTruthy();
    expect((await outbox()).length).toBe(before);

    mountAt(`/activities/${marked.id}`);
    await screen.findByRole('heading', { name: 'Chủ nhật xanh' });
    expect(screen.queryByRole('button', { name: 'Xóa' })).toBeNull();
    cleanup();

    await clearAttendance(marked.id, an.id);
    await deleteActivity(marked.id);
    expect(await getActivity(marked.id)).toBeUndefined();
  });
});
