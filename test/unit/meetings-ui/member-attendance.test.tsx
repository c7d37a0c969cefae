// @vitest-environment jsdom
// The member view: a member's year with rate, and the 3-month warning list with the
// plain explanation that the secretary decides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import MemberAttendancePage from '../../../src/features/meetings/MemberAttendancePage';
import AbsenceWarningsPage from '../../../src/features/meetings/AbsenceWarningsPage';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { createActivity } from '../../../src/features/activities/activities-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(cleanup);

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/members/:id/attendance" component={MemberAttendancePage} />
        <Route path="/attendance/warnings" component={AbsenceWarningsPage} />
      </Router>
    </LocationProvider>,
  );
}

async function fixture() {
  const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
  const hai = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Hải' });
  const meetings = [];
  for (const mm of ['01', '02', '03', '04']) {
    meetings.push(await createMeeting({ kind: 'regular', title: `Sinh hoạt tháng ${mm}`, startsAt: `2025-${mm}-10T19:30`, guests: [], status: 'held' }));
  }
  const act = await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2025-03-22', status: 'held' });
  // Hải: absent without reason in Jan, Feb and Apr; Lan: present, late, excused (ốm), not marked in April
  for (const i of [0, 1, 3]) await markAttendance(meetings[i].id, hai.id, 'absent_unexcused');
  await markAttendance(meetings[2].id, hai.id, 'present');
  await markAttendance(meetings[0].id, lan.id, 'present');
  await markAttendance(meetings[1].id, lan.id, 'late');
  await markAttendance(meetings[2].id, lan.id, 'absent_excused', 'ốm');
  await markAttendance(act.id, lan.id, 'present');
  return { lan, hai };
}

describe("a member's attendance", () => {
  it('lists the year newest first with marks and reasons, and the participation rate', async () => {
    const { lan } = await fixture();
    mountAt(`/members/${lan.id}/attendance?y=2025`);
    await screen.findByText('75%');
    expect(screen.getByText('Tham gia 3/4 buổi đã điểm danh.')).toBeTruthy();
    const rows = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toEqual([
      expect.stringMatching(/^Sinh hoạt tháng 04.*10\/04\/2025.*Chưa điểm danh$/),
      expect.stringMatching(/^Chủ nhật xanh.*22\/03\/2025 · Chủ nhật xanh.*Có mặt$/),
      expect.stringMatching(/^Sinh hoạt tháng 03.*Vắng có lý doốm$/),
      expect.stringMatching(/^Sinh hoạt tháng 02.*Đi muộn$/),
      expect.stringMatching(/^Sinh hoạt tháng 01.*Có mặt$/),
    ]);
    expect(screen.getByRole('link', { name: '← Nguyễn Thị Lan' }).getAttribute('href')).toBe(`/members/${lan.id}`);
  });

  it('a member absent without reason in 3 months says so', async () => {
    const { hai } = await fixture();
    mountAt(`/members/${hai.id}/attendance?y=2025`);
    await screen.findByText('Vắng không lý do trong 3 tháng: 01/2025, 02/2025, 04/2025.');
    expect(screen.getByText('25%')).toBeTruthy();
  });
});

describe('the absence warning list', () => {
  it('lists members absent without reason in 3+ months, linking to them, with the secretary deciding', async () => {
    const { hai } = await fixture();
    mountAt('/attendance/warnings?y=2025');
    await screen.findByText('Trần Văn Hải');
    expect(screen.getByText(/ứng dụng chỉ nhắc, Bí thư quyết định\./)).toBeTruthy();
    expect(screen.getByText('3 tháng: 01, 02, 04')).toBeTruthy();
    expect(screen.queryByText('Nguyễn Thị Lan')).toBeNull();
    expect(screen.getByRole('link', { name: 'Hồ sơ' }).getAttribute('href')).toBe(`/members/${hai.id}`);
    expect(screen.getByText('Trần Văn Hải').closest('a')!.getAttribute('href')).toBe(`/members/${hai.id}/attendance?y=2025`);
  });

  it('an empty year says there is nothing to warn about', async () => {
    await fixture();
    mountAt('/attendance/warnings?y=2024');
    await screen.findByText('Năm này chưa có buổi sinh hoạt nào đã điểm danh.');
  });
});
