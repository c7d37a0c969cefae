// @vitest-environment jsdom
// A committee form half-filled holds the page (found in use: a reload or the bottom bar threw a
// typed term or seat away unasked): the term form, the seat form and the card that ends a seat
// tell the dirty registry on the first edit, and let go once saved or closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { mountAt } from './mount';
import { LocationProvider } from 'preact-iso';
import { freshUnit } from '../helpers';
import { SeatEndCard } from '../../../src/features/committee/SeatEndCard';
import { assignSeat, saveTerm } from '../../../src/features/committee/committee-repo';
import { getSeat } from '../../../src/features/committee/committee-queries';
import { createMember } from '../../../src/features/members/members-repo';
import { activeDb } from '../../../src/data/session';
import { isAnyFormDirty } from '../../../src/pwa/dirty';
import { addMonths } from '../../../src/protocol/committee-rules';
import { todayIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

const OPTS = { timeout: 10_000 };
const today = todayIso();
const START = addMonths(today, -12);
beforeEach(() => freshUnit());
afterEach(cleanup);

async function seated() {
  const term = await saveTerm({ label: 'Nhiệm kỳ thử', startsOn: START, size: 5, deputies: 1 });
  const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An', admissionDate: '2019-03-26' });
  const seat = await assignSeat({ termId: term.id, memberId: an.id, position: 'committeeMember', from: START });
  return { term, seat };
}

describe('the term form', () => {
  it('is clean when opened, dirty once typed in, clean again once saved', async () => {
    mountAt('/committee/term');
    const label = await screen.findByLabelText(/Tên nhiệm kỳ/, undefined, OPTS);
    expect(isAnyFormDirty()).toBe(false);
    fireEvent.input(label, { target: { value: '2026–2029' } });
    expect(isAnyFormDirty()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('roster', undefined, OPTS);
    expect(isAnyFormDirty()).toBe(false);
    expect((await (await activeDb()).committeeTerms.toArray())[0].label).toBe('2026–2029');
  });

  it('lets go when the page closes unsaved', async () => {
    const view = mountAt('/committee/term');
    fireEvent.input(await screen.findByLabelText(/Tên nhiệm kỳ/, undefined, OPTS), { target: { value: 'Khóa mới' } });
    expect(isAnyFormDirty()).toBe(true);
    view.unmount();
    expect(isAnyFormDirty()).toBe(false);
  });
});

describe('the seat form', () => {
  it('is clean when opened, dirty once a field is changed, clean when closed', async () => {
    const { term } = await seated();
    const view = mountAt(`/committee/seat?term=${term.id}&position=committeeMember`);
    const position = await screen.findByLabelText('Chức vụ', undefined, OPTS);
    expect(isAnyFormDirty()).toBe(false);
    fireEvent.change(position, { target: { value: 'deputySecretary' } });
    expect(isAnyFormDirty()).toBe(true);
    view.unmount();
    expect(isAnyFormDirty()).toBe(false);
  });
});

describe('the card that ends a seat', () => {
  it('is dirty once a reason is picked, clean when closed', async () => {
    const { seat } = await seated();
    const named = (await getSeat(seat.id))!;
    const view = render(
      <LocationProvider>
        <SeatEndCard seat={named} />
      </LocationProvider>,
    );
    expect(isAnyFormDirty()).toBe(false);
    fireEvent.click(screen.getByLabelText('Xin thôi'));
    await waitFor(() => expect(isAnyFormDirty()).toBe(true));
    view.unmount();
    expect(isAnyFormDirty()).toBe(false);
  });
});
