// @vitest-environment jsdom
// Activities recorded by mistake: a cancelled one stays listed but is no activity of the year's
// count. Over real Dexie.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import ActivitiesPage from '../../../src/features/activities/ActivitiesPage';
import ActivityDetailPage from '../../../src/features/activities/ActivityDetailPage';
import { createActivity } from '../../../src/features/activities/activities-repo';

beforeEach(() => freshUnit());
afterEach(cleanup);

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
