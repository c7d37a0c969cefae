// @vitest-environment jsdom
// The rating and training screens over real Dexie: the member's suggestion with its rule in
// words, an override refused on screen without a reason (nothing written) and saved with one;
// a training member ticks an item done and sees the one credited by attendance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import RatingMemberPage from '../../../src/features/rating/RatingMemberPage';
import TrainingMemberPage from '../../../src/features/training/TrainingMemberPage';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { createDefaultProgramme, registerMembers, updateTrainingItem } from '../../../src/features/training/training-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

const Y = 2025;
const OPTS = { timeout: 5000 };
beforeEach(() => freshUnit());
afterEach(cleanup);

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/rating/:memberId" component={RatingMemberPage} />
        <Route path="/training/:memberId" component={TrainingMemberPage} />
      </Router>
    </LocationProvider>,
  );
}

describe('rating a member', () => {
  it('shows the rule in words; refuses an override without a reason, writing nothing; saves it with one', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan', admissionDate: '2019-03-26' });
    for (const [i, mo] of ['01', '02', '03', '04'].entries()) {
      const m = await createMeeting({ kind: 'regular', title: `Sinh hoạt tháng ${mo}`, startsAt: `${Y}-${mo}-10T19:30`, guests: [], status: 'held' });
      await markAttendance(m.id, lan.id, i < 3 ? 'present' : 'absent_excused');
    }
    mountAt(`/rating/${lan.id}?y=${Y}`);
    await screen.findByText('Tham gia 75% số buổi (từ 70% là Tốt).', undefined, OPTS);
    expect(screen.getByText(/đủ 6 tháng, được xếp loại/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Xuất sắc/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu xếp loại' }));
    await screen.findByText('Mức xếp khác gợi ý: hãy ghi lý do.');
    const db = await activeDb();
    expect(await db.ratings.count()).toBe(0);

    fireEvent.input(screen.getByLabelText('Lý do khác gợi ý'), { target: { value: 'Được Đoàn phường tuyên dương' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu xếp loại' }));
    await waitFor(async () => expect((await db.ratings.get(`${Y}:${lan.id}`))?.level).toBe('excellent'), OPTS);
    expect(await db.ratings.get(`${Y}:${lan.id}`)).toMatchObject({ suggestedLevel: 'good', overrideReason: 'Được Đoàn phường tuyên dương', evidence: { participationPct: 75, rule: 'good', ruleParams: { pct: 75, min: 70 } } });
    await screen.findByText(/Hoàn thành xuất sắc nhiệm vụ$/, undefined, OPTS);
  });

  it('a member who joined in September is not rated, and the screen says why', async () => {
    const tam = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Văn Tám', admissionDate: `${Y}-09-02` });
    mountAt(`/rating/${tam.id}?y=${Y}`);
    await screen.findByText('Về chi đoàn ngày 02/09/2025: chưa đủ 6 tháng liên tục trong năm nên không xếp loại.', undefined, OPTS);
    expect(screen.queryByRole('group', { name: 'Mức xếp loại' })).toBeNull();
  });
});

describe('training of a member', () => {
  it('one tap records an item done today; an item linked to a meeting shows as credited by attendance', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const items = await createDefaultProgramme(Y);
    await registerMembers(Y, [lan.id]);
    const meeting = await createMeeting({ kind: 'political', title: 'Học Nghị quyết Đại hội', startsAt: `${Y}-05-19T08:00`, guests: [], status: 'held' });
    await updateTrainingItem(items[1].id, { eventIds: [meeting.id] });
    await markAttendance(meeting.id, lan.id, 'present');
    mountAt(`/training/${lan.id}?y=${Y}`);
    await screen.findByText('✓ Tính từ điểm danh: Học Nghị quyết Đại hội', undefined, OPTS);
    fireEvent.click(screen.getByRole('checkbox', { name: /Tập thể dục thể thao thường xuyên/ }));
    const db = await activeDb();
    await waitFor(async () => expect((await db.trainingProgress.get(`${Y}:${lan.id}:${items[6].id}`))?.done).toBe(true), OPTS);
    expect(await db.outbox.filter((m) => m.table === 'trainingProgress').count()).toBe(1);
  });
});
