// @vitest-environment jsdom
// /sync/devices on a phone the server refuses the list to (a deputy's, found in use: typed by
// hand, it offered "Thử lại", which could never help), and on a failure that may pass.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { HttpError, NetworkError } from '../../../src/sync/errors';

vi.mock('../../../src/sync/sync-queries', () => ({
  serverLink: async () => ({ baseUrl: '', deviceToken: 't', unitId: 'unit-0000001', deviceId: 'dev-0000001' }),
}));
const listDevices = vi.fn();
vi.mock('../../../src/sync/api', async (original) => ({ ...(await original<typeof import('../../../src/sync/api')>()), accountApi: { listDevices: (...a: unknown[]) => listDevices(...a) } }));

afterEach(() => {
  cleanup();
  listDevices.mockReset();
});

async function mount() {
  const { default: DevicesPage } = await import('../../../src/features/sync/DevicesPage');
  history.replaceState(null, '', '/sync/devices');
  render(
    <LocationProvider>
      <DevicesPage />
    </LocationProvider>,
  );
}

describe('the devices screen when the list cannot be had', () => {
  it('refused (a deputy): says who may see it, with no "Thử lại"', async () => {
    listDevices.mockRejectedValue(new HttpError(403, 'forbidden', 'forbidden'));
    await mount();
    expect((await screen.findByRole('alert')).textContent).toBe('Chỉ bí thư và quản trị xem được danh sách máy. ');
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  it('no answer: "Thử lại" is there', async () => {
    listDevices.mockRejectedValue(new NetworkError('offline'));
    await mount();
    await screen.findByRole('alert');
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
