// @vitest-environment jsdom
// An addendum being typed holds the page (a reload, an update, a tap on a link ask first); once
// the panel is gone — the user chose to leave — it holds nothing, or every later tap on a link
// would ask again (src/pwa/dirty.ts guards links while any form is dirty).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { AddendaPanel } from '../../../src/features/minutes/AddendaPanel';
import { isAnyFormDirty } from '../../../src/pwa/dirty';

afterEach(cleanup);

describe('the addendum being typed', () => {
  it('is dirty while typed, clean once the panel is gone', () => {
    const view = render(<AddendaPanel meetingId="meeting-0000001" addenda={[]} />);
    fireEvent.input(screen.getByLabelText('Nội dung phụ lục'), { target: { value: 'Đính chính: có mặt 38 đồng chí.' } });
    expect(isAnyFormDirty()).toBe(true);
    view.unmount();
    expect(isAnyFormDirty()).toBe(false);
  });
});
