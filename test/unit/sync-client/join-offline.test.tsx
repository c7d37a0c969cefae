// @vitest-environment jsdom
// Joining while the signal drops (found in use on a patchy link): the join's code comes with the
// tap, and offline before it was ever fetched the browser's "Failed to fetch dynamically imported
// module: …/join-repo-….js" reached the screen in English. It says the server cannot be reached.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';

vi.mock('../../../src/sync/join-repo', () => ({
  joinUnit: async () => {
    throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:8080/assets/join-repo-C8l1fROw.js');
  },
}));
const { default: JoinPage } = await import('../../../src/features/sync/JoinPage');

afterEach(cleanup);

describe('joining with the code not yet on the phone, offline', () => {
  test('says the server cannot be reached, in words', async () => {
    render(
      <LocationProvider>
        <JoinPage />
      </LocationProvider>,
    );
    fireEvent.input(screen.getByLabelText('Mã mời'), { target: { value: 'ABCD-EFGH-JK' } });
    fireEvent.input(screen.getByLabelText('Tên máy'), { target: { value: 'Điện thoại Lan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tham gia' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không kết nối được máy chủ.');
    expect(alert.textContent).not.toMatch(/dynamically imported module/);
  });
});
