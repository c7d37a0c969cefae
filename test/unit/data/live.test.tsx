// @vitest-environment jsdom
// useLive refreshes an open screen when a repo write changes what its query read — also
// when the query is a plain arrow that returns a repo function's promise (no `async`).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useLive } from '../../../src/data/live';
import { freshUnit } from '../helpers';
import { createMember, updateMember } from '../../../src/features/members/members-repo';
import { getMember } from '../../../src/features/members/member-queries';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

afterEach(cleanup);

function Name({ id }: { id: string }) {
  const live = useLive(() => getMember(id), [id]);
  return <p>{live.value?.fullName ?? '…'}</p>;
}

describe('useLive', () => {
  it('shows a member and follows an edit made elsewhere', async () => {
    await freshUnit();
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
    render(<Name id={m.id} />);
    await screen.findByText('Hồ Văn Minh', undefined, { timeout: 5000 });
    await updateMember(m.id, { fullName: 'Hồ Văn Minh Tuấn' });
    await waitFor(() => expect(screen.getByText('Hồ Văn Minh Tuấn')).toBeTruthy(), { timeout: 5000 });
  });
});
