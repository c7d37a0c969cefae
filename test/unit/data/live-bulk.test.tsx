// @vitest-environment jsdom
// useBulkLive: a plain read, run again when a write touches one of the named tables — and
// only then (a write elsewhere does not reload a 5,000-member year).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { freshUnit } from '../helpers';
import { useBulkLive } from '../../../src/data/live-bulk';
import { activeDb } from '../../../src/data/session';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(cleanup);

let reads = 0;
function Count() {
  const live = useBulkLive(async () => {
    reads++;
    return (await activeDb()).members.count();
  }, ['members'], []);
  return <p>{live.isLoaded ? `n=${live.value}` : 'loading'}</p>;
}

describe('useBulkLive', () => {
  it('reloads after a write to a watched table, not after one to another table', async () => {
    reads = 0;
    render(<Count />);
    await screen.findByText('n=0');
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    await screen.findByText('n=1', undefined, { timeout: 3000 });
    const after = reads;
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', guests: [], status: 'planned' });
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(after);
    await waitFor(() => expect(screen.getByText('n=1')).toBeTruthy());
  });
});
