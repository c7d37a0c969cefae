// @vitest-environment jsdom
// The copy of the current unit's id in localStorage (data/prefs.ts) that lets the shell route
// at boot without asking IndexedDB (issue 13, B2): it must never send a phone with a unit to
// the first-run screen, and it follows every write of the real id.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { get, set } from 'idb-keyval';
import { App } from '../../../src/app/App';
import { clearCurrentUnitId, getCurrentUnitId, knownUnitId, markedUnitId, setCurrentUnitId } from '../../../src/data/prefs';
import { clearAbove, forgetCurrentUnit } from '../../../src/features/above/registry';

const MARK = 'scd:unit';

beforeEach(async () => {
  await clearCurrentUnitId();
  await clearAbove();
  localStorage.clear();
});
afterEach(() => cleanup());
// The shell loads its chip and update prompt after first paint: let them land before teardown.
afterAll(() => new Promise((r) => setTimeout(r, 1500)));

describe('the unit mark', () => {
  it('follows the current unit: set, read, cleared, and forgotten by the level above', async () => {
    await setCurrentUnitId('u-1');
    expect(localStorage.getItem(MARK)).toBe('u-1');
    localStorage.removeItem(MARK);
    expect(await getCurrentUnitId()).toBe('u-1');
    expect(localStorage.getItem(MARK)).toBe('u-1'); // a read of the real id writes the copy back
    await clearCurrentUnitId();
    expect(localStorage.getItem(MARK)).toBeNull();
    await setCurrentUnitId('u-2');
    await forgetCurrentUnit();
    expect(localStorage.getItem(MARK)).toBeNull();
    expect(await get('currentUnitId')).toBeUndefined();
  });

  it('is read synchronously as the known unit', () => {
    localStorage.setItem(MARK, 'u-3');
    expect(markedUnitId()).toBe('u-3');
    expect(knownUnitId()).toBe('u-3');
  });

  it('a phone set up before the mark existed (unit in IndexedDB, no mark) stays out of /setup, and gets the mark', async () => {
    await set('currentUnitId', 'u-old'); // as an older version wrote it: no copy in localStorage
    expect(localStorage.getItem(MARK)).toBeNull();
    history.replaceState(null, '', '/members');
    render(<App />);
    await waitFor(() => expect(localStorage.getItem(MARK)).toBe('u-old'));
    await new Promise((r) => setTimeout(r, 200));
    expect(location.pathname).toBe('/members');
  });

  it('a new phone goes to /setup before anything renders', async () => {
    history.replaceState(null, '', '/');
    const { container } = render(<App />);
    // until IndexedDB has answered: the top bar alone, no screen
    expect(container.querySelector('.topbar')).not.toBeNull();
    expect(container.querySelector('.content')).toBeNull();
    await waitFor(() => expect(location.pathname).toBe('/setup'));
    expect(localStorage.getItem(MARK)).toBeNull();
  });

  it('a mark with no unit behind it (cleared elsewhere) is dropped and the phone goes to /setup', async () => {
    localStorage.setItem(MARK, 'u-gone');
    history.replaceState(null, '', '/');
    const { container } = render(<App />);
    expect(container.querySelector('.shell')).not.toBeNull(); // rendered at once from the mark
    await waitFor(() => expect(location.pathname).toBe('/setup'));
    expect(localStorage.getItem(MARK)).toBeNull();
  });
});
