// @vitest-environment jsdom
// The home dashboard as a secretary sees it, over real Dexie: the "no regular meeting"
// warning appears, then goes away as soon as one is planned; the next meeting offers the roll.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { freshUnit } from '../helpers';
import HomePage from '../../../src/features/home/HomePage';
import { createMeeting, updateMeeting } from '../../../src/features/meetings/meetings-repo';
import { updateUnit } from '../../../src/features/setup/unit-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { shiftMonth } from '../../../src/features/meetings/calendar';
import { todayIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit('Chi đoàn Khu phố 3'));
afterEach(cleanup);

const today = todayIso();
const thisMonth = today.slice(0, 7);
const mount = () =>
  render(
    <LocationProvider>
      <HomePage />
    </LocationProvider>,
  );
const warning = () => screen.queryByText(/chưa có buổi sinh hoạt định kỳ/);

describe('home', () => {
  it('warns when this month has no regular meeting, and the warning goes once one is planned', async () => {
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    mount();
    await screen.findByRole('heading', { name: 'Chi đoàn Khu phố 3' });
    expect(warning()?.textContent).toContain(`Tháng ${thisMonth.slice(5)}/${thisMonth.slice(0, 4)}`);
    expect(screen.getByRole('link', { name: 'Lên lịch sinh hoạt định kỳ' }).getAttribute('href')).toBe('/meetings/new?kind=regular');
    expect(screen.getByText('Chưa có buổi sinh hoạt nào sắp tới.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /1\s*đoàn viên/ })).toBeTruthy();

    // a thematic meeting, a cancelled regular one and next month's do not count
    await createMeeting({ kind: 'thematic', title: 'Chủ điểm', startsAt: `${today}T23:00`, guests: [], status: 'planned' });
    const off = await createMeeting({ kind: 'regular', title: 'Hoãn', startsAt: `${thisMonth}-01T08:00`, guests: [], status: 'planned' });
    await updateMeeting(off.id, { status: 'cancelled' });
    await createMeeting({ kind: 'regular', title: 'Tháng sau', startsAt: `${shiftMonth(thisMonth, 1)}-05T19:30`, guests: [], status: 'planned' });
    await screen.findByText('Chủ điểm');
    expect(warning()).not.toBeNull();

    const planned = await createMeeting({ kind: 'regular', title: 'Sinh hoạt chi đoàn tháng này', startsAt: `${today}T22:00`, guests: [], status: 'planned' });
    await waitFor(() => expect(warning()).toBeNull());
    // the next meeting is the earliest planned one from today on, with its roll one tap away
    expect(screen.getByRole('link', { name: 'Sinh hoạt chi đoàn tháng này' }).getAttribute('href')).toBe(`/meetings/${planned.id}`);
    expect(screen.getByRole('link', { name: /Điểm danh/ }).getAttribute('href')).toBe(`/meetings/${planned.id}/roll`);
  });

  it('follows the quarterly setting: a regular meeting held earlier in the quarter is enough', async () => {
    const m = Number(today.slice(5, 7));
    const quarterStart = `${today.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}`;
    await updateUnit({ meetingFrequency: 'quarterly' });
    mount();
    await screen.findByText(/^⚠️ Quý (I|II|III|IV)\/\d{4} chưa có buổi sinh hoạt định kỳ/);
    const held = await createMeeting({ kind: 'regular', title: 'Sinh hoạt quý', startsAt: `${quarterStart}-01T08:00`, guests: [], status: 'planned' });
    await updateMeeting(held.id, { status: 'held' });
    await screen.findByText(/Đã sinh hoạt định kỳ (I|II|III|IV)\/\d{4}/);
    expect(warning()).toBeNull();
  });

  it('draws its tiles and the roll button with line icons, not emoji (empty boxes where no emoji font is installed)', async () => {
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng', startsAt: `${today}T23:00`, guests: [], status: 'planned' });
    const { container } = mount();
    const roll = await screen.findByRole('link', { name: /Điểm danh/ });
    const drawn = [roll, ...container.querySelectorAll('.tile')];
    expect(drawn).toHaveLength(4);
    for (const el of drawn) expect(el.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(drawn.slice(2).map((tile) => tile.querySelector('svg.icon[aria-hidden="true"] path')?.getAttribute('d'))).toEqual([
      'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4', // the calendar, as in the bottom navigation
      expect.stringMatching(/^M/),
    ]);
    expect(roll.querySelector('svg.icon')).not.toBeNull();
  });
});
