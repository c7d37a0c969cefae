// @vitest-environment jsdom
// The update banner as a secretary sees it: Vietnamese text, "Cập nhật" refused over a dirty
// form with a reason, "Để sau" hides it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { PwaUi } from '../../../src/pwa/PwaUi';
import { connectUpdateFlow, type SwLifecycleEvent } from '../../../src/pwa/update';
import { patchPwaState, resetPwaState } from '../../../src/pwa/state';
import { markDirty } from '../../../src/pwa/dirty';

let emitWaiting: () => void;
let skipWaiting: ReturnType<typeof vi.fn<() => void>>;
let reload: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  resetPwaState();
  skipWaiting = vi.fn<() => void>();
  reload = vi.fn<() => void>();
  const handlers: Record<string, ((e: SwLifecycleEvent) => void)[]> = {};
  connectUpdateFlow(
    { on: (type, fn) => void (handlers[type] ??= []).push(fn), skipWaiting, hasWaiting: () => true },
    { reload, isDirty: () => false },
  );
  emitWaiting = () => handlers.waiting?.forEach((fn) => fn({ isUpdate: true }));
});
afterEach(() => {
  cleanup();
  markDirty('member-form', false);
});

function mount() {
  return render(
    <LocationProvider>
      <PwaUi />
    </LocationProvider>,
  );
}

describe('update banner', () => {
  it('shows "Có phiên bản mới" with Cập nhật / Để sau, and "Để sau" hides it', async () => {
    mount();
    emitWaiting();
    await screen.findByText('Có phiên bản mới');
    fireEvent.click(screen.getByRole('button', { name: 'Để sau' }));
    await waitFor(() => expect(screen.queryByText('Có phiên bản mới')).toBeNull());
    expect(skipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('"Cập nhật" skips waiting when no form is dirty', async () => {
    mount();
    emitWaiting();
    fireEvent.click(await screen.findByRole('button', { name: 'Cập nhật' }));
    await waitFor(() => expect(skipWaiting).toHaveBeenCalledTimes(1));
    expect(reload).not.toHaveBeenCalled(); // only once the new worker controls the page
  });
});

describe('update banner over a dirty form', () => {
  beforeEach(() => {
    resetPwaState();
    const handlers: Record<string, ((e: SwLifecycleEvent) => void)[]> = {};
    // Default environment: the real dirty registry.
    connectUpdateFlow({ on: (type, fn) => void (handlers[type] ??= []).push(fn), skipWaiting, hasWaiting: () => true });
    emitWaiting = () => handlers.waiting?.forEach((fn) => fn({ isUpdate: true }));
  });

  it('asks to save first, and the note goes once the form is saved', async () => {
    mount();
    emitWaiting();
    markDirty('member-form', true);
    fireEvent.click(await screen.findByRole('button', { name: 'Cập nhật' }));
    await screen.findByText(/Hãy lưu \(hoặc hủy\) trước/);
    expect(skipWaiting).not.toHaveBeenCalled();

    markDirty('member-form', false);
    await waitFor(() => expect(screen.queryByText(/Hãy lưu \(hoặc hủy\) trước/)).toBeNull());
    expect(screen.getByText('Có phiên bản mới')).toBeTruthy();
  });
});

describe('ready-offline banner', () => {
  it('says what works offline now, and that the other screens come with signal (found in use: on a slow link the desk screens took minutes more)', async () => {
    mount();
    patchPwaState({ isOfflineReady: true });
    const banner = await screen.findByRole('status');
    expect(banner.textContent).toContain('Các màn hình chính đã dùng được khi không có mạng');
    expect(banner.textContent).toContain('các màn hình khác tải về khi có mạng');
  });
});
