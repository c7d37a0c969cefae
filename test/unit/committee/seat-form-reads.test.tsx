// @vitest-environment jsdom
// The seat form's own reads (found by a helper tracing a page error): the candidates for the
// date typed last are the ones listed, though an earlier date's answer comes later (a date
// typed a key at a time asks for several days); a read that fails says so instead of leaving
// the page on "Đang tải…" with an error nobody caught.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { mountAt } from './mount';
import { freshUnit } from '../helpers';
import { saveTerm } from '../../../src/features/committee/committee-repo';
import * as queries from '../../../src/features/committee/committee-queries';
import { addMonths } from '../../../src/protocol/committee-rules';
import { todayIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS, type Member } from '../../../src/protocol/member';

vi.mock('../../../src/features/committee/committee-queries', async (original) => {
  const real = await original<typeof import('../../../src/features/committee/committee-queries')>();
  return { ...real, seatCandidates: vi.fn(real.seatCandidates), seatFormContext: vi.fn(real.seatFormContext) };
});

const OPTS = { timeout: 10_000 };
const START = addMonths(todayIso(), -12);
beforeEach(async () => {
  await freshUnit();
  await saveTerm({ label: 'Nhiệm kỳ thử', startsOn: START, size: 5, deputies: 1 });
});
afterEach(() => {
  cleanup();
  vi.mocked(queries.seatCandidates).mockReset();
  vi.mocked(queries.seatFormContext).mockReset();
});

const member = (id: string, fullName: string) => ({ ...MEMBER_DEFAULTS, id, fullName }) as Member;

describe('the seat form’s reads', () => {
  it('lists the candidates of the date typed last, whichever answer comes last', async () => {
    const answers = new Map<string, (list: Member[]) => void>();
    vi.mocked(queries.seatCandidates).mockImplementation((day: string) => new Promise((res) => answers.set(day, res)));
    mountAt('/committee/seat');
    const from = await screen.findByLabelText(/Từ ngày/, undefined, OPTS);
    await waitFor(() => expect(answers.size).toBe(1), OPTS);
    fireEvent.input(from, { target: { value: '2026-01-15' } });
    fireEvent.input(from, { target: { value: '2026-02-20' } });
    await waitFor(() => expect([...answers.keys()]).toContain('2026-02-20'), OPTS);
    answers.get('2026-02-20')!([member('member-0002', 'Trần Thị Bình')]);
    await screen.findByRole('option', { name: 'Trần Thị Bình' }, OPTS);
    // the earlier day's answer, late: it does not replace the list
    answers.get('2026-01-15')!([member('member-0001', 'Nguyễn Văn An')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('option', { name: 'Nguyễn Văn An' })).toBeNull();
    expect(screen.getByRole('option', { name: 'Trần Thị Bình' })).toBeTruthy();
  });

  it('says so when the form’s context cannot be read', async () => {
    vi.mocked(queries.seatFormContext).mockRejectedValueOnce(new Error('read failed'));
    mountAt('/committee/seat');
    expect((await screen.findByRole('alert', undefined, OPTS)).textContent).toMatch(/Đã có lỗi/);
    expect(screen.queryByText('Đang tải…')).toBeNull();
  });
});
