// @vitest-environment jsdom
// A log entry typed and not saved holds the page (found in use: a reload or the bottom bar threw
// its note and photo away unasked): the form tells the dirty registry, and lets go when closed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { LogEntryForm } from '../../../src/features/projects/LogEntryForm';
import { isAnyFormDirty } from '../../../src/pwa/dirty';

afterEach(cleanup);

describe('a project log entry being written', () => {
  it('is dirty once a note is typed, clean again when closed', () => {
    const view = render(<LogEntryForm id="pj-log-new" onSave={async () => undefined} onCancel={() => undefined} />);
    expect(isAnyFormDirty()).toBe(false);
    fireEvent.input(screen.getByLabelText(/Ghi chú|Nội dung/), { target: { value: 'Đã trồng 50 cây' } });
    expect(isAnyFormDirty()).toBe(true);
    view.unmount();
    expect(isAnyFormDirty()).toBe(false);
  });

  it('an entry opened for editing is clean until changed', () => {
    render(<LogEntryForm id="pj-log-1" initial={{ date: '2026-11-02', note: 'Khởi công', photos: [] }} onSave={async () => undefined} onCancel={() => undefined} />);
    expect(isAnyFormDirty()).toBe(false);
  });
});
