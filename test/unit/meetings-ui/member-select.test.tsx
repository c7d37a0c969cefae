// @vitest-environment jsdom
// The chair and minute-taker pickers tell namesakes apart (birth year, else sub-group);
// everyone else shows the name alone.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { MemberSelect } from '../../../src/features/meetings/MemberSelect';

afterEach(cleanup);

describe('MemberSelect', () => {
  it('namesakes carry their birth year or sub-group, other names stay as they are', () => {
    render(
      <MemberSelect
        id="chair"
        label="Chủ trì"
        value=""
        onChange={() => {}}
        members={[
          { id: 'm-00000001', fullName: 'Nguyễn Văn An', position: 'secretary', dateOfBirth: '1995-02-03' },
          { id: 'm-00000002', fullName: 'Nguyễn Văn An', position: 'member', dateOfBirth: '2002-07-08' },
          { id: 'm-00000003', fullName: 'Lê Thu Hà', position: 'member', subGroup: 'Tổ 1' },
          { id: 'm-00000004', fullName: 'Trần Bình', position: 'member', subGroup: 'Tổ 1' },
          { id: 'm-00000005', fullName: 'Trần Bình', position: 'member', subGroup: 'Tổ 2' },
        ]}
      />,
    );
    const options = within(screen.getByLabelText('Chủ trì')).getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(1)).toEqual(['Nguyễn Văn An (1995)', 'Nguyễn Văn An (2002)', 'Trần Bình (Tổ 1)', 'Trần Bình (Tổ 2)', 'Lê Thu Hà']);
  });
});
