// @vitest-environment jsdom
// The dirty-form registry: what the update prompt and the stale-chunk reload consult before
// reloading, and the beforeunload guard while any form holds unsaved edits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAnyFormDirty, markDirty, onDirtyChange } from '../../../src/pwa/dirty';

// Counts the popstates (back presses) that have come, seen before dirty.ts can stop one:
// added before the imports are evaluated.
const popstates = vi.hoisted(() => {
  const seen = { count: 0 };
  window.addEventListener('popstate', () => seen.count++, true);
  return seen;
});

function tryToLeave(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return !e.defaultPrevented;
}

afterEach(() => {
  markDirty('member-form', false);
  markDirty('settings-unit', false);
});

describe('dirty form registry', () => {
  it('is clean at start and lets the page go', () => {
    expect(isAnyFormDirty()).toBe(false);
    expect(tryToLeave()).toBe(true);
  });

  it('is dirty while any form is, and guards unload until the last one is clean', () => {
    markDirty('member-form', true);
    markDirty('settings-unit', true);
    expect(isAnyFormDirty()).toBe(true);
    expect(tryToLeave()).toBe(false);

    markDirty('member-form', false);
    expect(isAnyFormDirty()).toBe(true);
    expect(tryToLeave()).toBe(false);

    markDirty('settings-unit', false);
    expect(isAnyFormDirty()).toBe(false);
    expect(tryToLeave()).toBe(true);
  });

  it('marking the same form twice needs one clean to clear', () => {
    markDirty('member-form', true);
    markDirty('member-form', true);
    markDirty('member-form', false);
    expect(isAnyFormDirty()).toBe(false);
    expect(tryToLeave()).toBe(true);
  });

  it('cleaning a form that was never dirty changes nothing', () => {
    markDirty('member-form', true);
    markDirty('never-edited', false);
    expect(isAnyFormDirty()).toBe(true);
  });

  it('tells listeners only when the registry flips', () => {
    const seen: boolean[] = [];
    const off = onDirtyChange(() => seen.push(isAnyFormDirty()));
    markDirty('member-form', true);
    markDirty('settings-unit', true);
    markDirty('member-form', false);
    markDirty('settings-unit', false);
    off();
    markDirty('member-form', true);
    expect(seen).toEqual([true, false]);
  });
});

describe('a link of the app while a form is dirty', () => {
  function tapLink(href: string): { navigated: boolean; reachedRouter: boolean } {
    const a = document.createElement('a');
    a.href = href;
    document.body.append(a);
    let reachedRouter = false;
    // the router (preact-iso) listens on window, bubbling
    const router = () => (reachedRouter = true);
    window.addEventListener('click', router);
    const e = new MouseEvent('click', { bubbles: true, cancelable: true });
    a.dispatchEvent(e);
    window.removeEventListener('click', router);
    a.remove();
    return { navigated: !e.defaultPrevented, reachedRouter };
  }

  it('asks first; staying keeps the form, leaving goes', () => {
    markDirty('activity-form', true);
    const asked: string[] = [];
    window.confirm = (q?: string) => (asked.push(q ?? ''), false);
    expect(tapLink('/meetings')).toEqual({ navigated: false, reachedRouter: false });
    expect(asked).toEqual(['Bạn có thay đổi chưa lưu. Rời trang và bỏ các thay đổi?']);
    window.confirm = () => true;
    expect(tapLink('/meetings')).toEqual({ navigated: true, reachedRouter: true });
    markDirty('activity-form', false);
  });

  it('asks nothing for a form that saves itself when its screen goes (the minutes, a report), unless another is dirty', () => {
    markDirty('minutes', true, true);
    window.confirm = () => {
      throw new Error('asked for a form that saves on leaving');
    };
    expect(tapLink('/meetings')).toEqual({ navigated: true, reachedRouter: true });
    expect(isAnyFormDirty()).toBe(true); // the update prompt still waits for it
    expect(tryToLeave()).toBe(false); // and a reload still asks
    const asked: string[] = [];
    window.confirm = (q?: string) => (asked.push(q ?? ''), false);
    markDirty('activity-form', true);
    expect(tapLink('/meetings')).toEqual({ navigated: false, reachedRouter: false });
    expect(asked).toHaveLength(1);
    markDirty('activity-form', false);
    markDirty('minutes', false);
  });

  it('asks nothing once the form is clean', () => {
    markDirty('activity-form', true);
    markDirty('activity-form', false);
    window.confirm = () => {
      throw new Error('asked while clean');
    };
    expect(tapLink('/meetings')).toEqual({ navigated: true, reachedRouter: true });
  });
});

describe('the phone’s Back button while a form is dirty', () => {
  // The router (preact-iso) listens to popstate on window once the shell has mounted: after
  // dirty.ts was evaluated (the shell's modules), so it is added here, after the import.
  let reachedRouter = 0;
  const router = () => reachedRouter++;
  window.addEventListener('popstate', router);

  /** On /members, opens the form at /members/new (a pushed entry, as a link does). */
  function openForm(): void {
    history.pushState(null, '', '/members');
    history.pushState(null, '', '/members/new');
  }
  /** history.back(), resolved once its popstate has gone by (jsdom traverses in a task). */
  async function pressBack(): Promise<{ path: string; reachedRouter: boolean }> {
    const [before, pops] = [reachedRouter, popstates.count];
    history.back();
    await vi.waitFor(() => expect(popstates.count).toBe(pops + 1));
    return { path: location.pathname, reachedRouter: reachedRouter > before };
  }

  it('asks first; staying keeps the form and its address, with no extra entry; leaving goes back', async () => {
    openForm();
    markDirty('member-form', true);
    const entries = history.length;
    const asked: string[] = [];
    window.confirm = (q?: string) => (asked.push(q ?? ''), false);
    expect(await pressBack()).toEqual({ path: '/members/new', reachedRouter: false });
    expect(asked).toEqual(['Bạn có thay đổi chưa lưu. Rời trang và bỏ các thay đổi?']);
    expect(history.length).toBe(entries);

    window.confirm = (q?: string) => (asked.push(q ?? ''), true);
    expect(await pressBack()).toEqual({ path: '/members', reachedRouter: true });
    expect(asked).toHaveLength(2);
  });

  it('asks nothing for a form that saves itself when its screen goes', async () => {
    openForm();
    markDirty('minutes', true, true);
    window.confirm = () => {
      throw new Error('asked for a form that saves on leaving');
    };
    expect(await pressBack()).toEqual({ path: '/members', reachedRouter: true });
    markDirty('minutes', false);
  });

  it('asks nothing once the form is clean, and a back press goes where it always went', async () => {
    openForm();
    markDirty('member-form', true);
    markDirty('member-form', false);
    const entries = history.length;
    window.confirm = () => {
      throw new Error('asked while clean');
    };
    expect(await pressBack()).toEqual({ path: '/members', reachedRouter: true });
    expect(history.length).toBe(entries);
  });
});
