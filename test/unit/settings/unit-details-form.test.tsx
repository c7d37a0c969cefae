// @vitest-environment jsdom
// The unit's details form over real Dexie: the locality printed atop documents is typed once,
// saved with the other details, and one too long is refused under its field in plain Vietnamese.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { freshUnit } from '../helpers';
import { getUnit } from '../../../src/features/settings/settings-repo';
import { UnitDetailsForm } from '../../../src/features/settings/UnitDetailsForm';
import type { Unit } from '../../../src/protocol/unit';

beforeEach(() => freshUnit());
afterEach(cleanup);

async function mount() {
  const unit = (await getUnit())!;
  const saved: Unit[] = [];
  render(<UnitDetailsForm unit={unit} onSaved={(u) => saved.push(u)} />);
  return saved;
}

describe('UnitDetailsForm: locality', () => {
  it('shows the field with its hint, saves it trimmed and keeps it after saving', async () => {
    const saved = await mount();
    const input = screen.getByLabelText('Địa danh ghi trên văn bản') as HTMLInputElement;
    expect(input.value).toBe('');
    expect(screen.getByText(/^VD: Quận 8/)).toBeTruthy();
    fireEvent.input(input, { target: { value: ' Quận 8 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].locality).toBe('Quận 8');
    expect((await getUnit())?.locality).toBe('Quận 8');
    expect(input.value).toBe('Quận 8');
  });

  it('refuses one too long under its field and saves nothing', async () => {
    const saved = await mount();
    fireEvent.input(screen.getByLabelText('Địa danh ghi trên văn bản'), { target: { value: 'x'.repeat(61) } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));
    await screen.findByText('Địa danh dài quá 60 ký tự: chỉ ghi tên địa phương, ví dụ Quận 8.');
    expect(saved).toEqual([]);
    expect((await getUnit())?.locality).toBeUndefined();
  });
});
