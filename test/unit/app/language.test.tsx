// @vitest-environment jsdom
// Switching the language re-renders what is on screen, not only the parts that happen to
// re-render later.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { App } from '../../../src/app/App';
import { setLanguage } from '../../../src/i18n';
import { setCurrentUnitId } from '../../../src/data/prefs';
import { freshUnit } from '../helpers';

afterEach(async () => {
  cleanup();
  await setLanguage('vi');
});

describe('language switch', () => {
  it('the open screen and the navigation change language at once', async () => {
    const unit = await freshUnit();
    await setCurrentUnitId(unit.id);
    history.replaceState(null, '', '/members');
    render(<App />);
    await screen.findByText('Chưa có đoàn viên nào.', undefined, { timeout: 5000 });
    await act(() => setLanguage('en'));
    await screen.findByText('No members yet.', undefined, { timeout: 5000 });
    await screen.findByRole('link', { name: /Members/ });
    expect(screen.queryByText('Chưa có đoàn viên nào.')).toBeNull();
  });
});
