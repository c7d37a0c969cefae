// @vitest-environment jsdom
// The dirty-form registry: what the update prompt and the stale-chunk reload consult before
// reloading, and the beforeunload guard while any form holds unsaved edits.
import { afterEach, describe, expect, it } from 'vitest';
import { isAnyFormDirty, markDirty, onDirtyChange } from '../../../src/pwa/dirty';

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
