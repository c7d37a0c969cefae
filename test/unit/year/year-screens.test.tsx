// @vitest-environment jsdom
// Whose year on screen, over real Dexie: the Settings card switches the unit to school years
// and says which year it is in; the rating and training screens of a school unit title the
// year "Năm học 2025–2026" with its days, and show the year's goals from its targets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import { YearKindCard } from '../../../src/features/settings/YearKindCard';
import RatingPage from '../../../src/features/rating/RatingPage';
import TrainingPage from '../../../src/features/training/TrainingPage';
import { setYearKind } from '../../../src/features/settings/year-kind-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { createDefaultProgramme, registerMembers } from '../../../src/features/training/training-repo';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { settingYearKind } from '../../../src/data/unit-year';
import { todayIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { yearOf } from '../../../src/protocol/year';
import type { Target } from '../../../src/protocol/target';

const OPTS = { timeout: 5000 };
beforeEach(() => freshUnit());
afterEach(cleanup);

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/rating" component={RatingPage} />
        <Route path="/training" component={TrainingPage} />
      </Router>
    </LocationProvider>,
  );
}

async function goal(rule: Target['rule'], value: number, year = 2025) {
  const db = await activeDb();
  const now = '2026-01-02T00:00:00.000Z';
  await db.targets.put({ id: `t-${rule}`, unitId: await activeUnitId(), rev: {}, deleted: false, createdAt: now, updatedAt: now, year, title: 'Chỉ tiêu', measure: 'percent', goal: value, source: 'computed', rule, sortOrder: 0 } as Target);
}

describe('the Settings card', () => {
  it('switches a new unit to school years and shows the school year it is in', async () => {
    render(<YearKindCard />);
    const today = todayIso();
    await screen.findByText(`Năm đang tính: ${today.slice(0, 4)} (từ 01/01/${today.slice(0, 4)} đến 31/12/${today.slice(0, 4)}).`, undefined, OPTS);
    const school = screen.getByRole('button', { name: 'Năm học (1/9–31/8)' });
    expect(screen.getByRole('button', { name: 'Năm dương lịch (1/1–31/12)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(school);
    await waitFor(async () => expect(await settingYearKind()).toBe('school'), OPTS);
    const y = yearOf(todayIso(), 'school');
    await screen.findByText(`Năm đang tính: ${y}–${y + 1} (từ 01/09/${y} đến 31/08/${y + 1}).`, undefined, OPTS);
    expect(screen.getByRole('button', { name: 'Năm học (1/9–31/8)' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Đã lưu.')).toBeTruthy();
  });
});

describe('a school unit’s year screens', () => {
  beforeEach(async () => {
    await setYearKind('school', '2025-10-01');
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan', admissionDate: '2019-03-26' });
  });

  it('rating: "Năm học 2025–2026" with its days, and the year’s goal from its targets', async () => {
    await goal('goodOrBetterPct', 85);
    mountAt('/rating?y=2025');
    await screen.findByText('Năm học 2025–2026', undefined, OPTS);
    expect(screen.getByText('Từ 01/09/2025 đến 31/08/2026')).toBeTruthy();
    await screen.findByText(/mục tiêu từ 85\s?%/, undefined, OPTS);
  });

  it('training: the plan’s goals when the year has none of its own, its own when it has', async () => {
    const db = await activeDb();
    await createDefaultProgramme(2025);
    await registerMembers(2025, (await db.members.toArray()).map((m) => m.id));
    mountAt('/training?y=2025');
    await screen.findByText('Năm học 2025–2026', undefined, OPTS);
    await screen.findByText(/mục tiêu từ 90\s?%/, undefined, OPTS);
    await goal('trainingCompletingPct', 75);
    await screen.findByText(/mục tiêu từ 75\s?%/, undefined, OPTS);
  });
});
