// @vitest-environment jsdom
// The remittance slip's head, as the level above files it (found in use: it printed the unit's
// name only — no organisation, no place or date, and no one to sign for receiving it).
import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { SlipHead } from '../../../src/features/dues/RemitPage';

afterEach(() => cleanup());

test('cấp trên and the unit left; the organisation and the day it was paid right', () => {
  const { container } = render(<SlipHead parent="Đoàn phường Bến Thành" unit="Chi đoàn Khu phố 3" paidAt="2026-12-07" />);
  const [left, right] = [...container.querySelectorAll('.dues-slip-head > div')].map((d) => d.textContent);
  expect(left).toBe('Đoàn phường Bến ThànhChi đoàn Khu phố 3***');
  expect(right).toBe('ĐOÀN TNCS HỒ CHÍ MINH……, ngày 07 tháng 12 năm 2026');
});

test('not paid yet: the date is left for the pen', () => {
  const { container } = render(<SlipHead parent="Đoàn phường Bến Thành" unit="Chi đoàn Khu phố 3" />);
  expect(container.querySelector('em')!.textContent).toBe('……, ngày …… tháng …… năm ……');
});

test("the unit's locality where the slip is dated; dots for the pen when none is set", () => {
  const { container } = render(<SlipHead parent="Đoàn phường Bến Thành" unit="Chi đoàn Khu phố 3" locality="Quận 8" paidAt="2026-12-07" />);
  expect(container.querySelector('em')!.textContent).toBe('Quận 8, ngày 07 tháng 12 năm 2026');
  cleanup();
  const undated = render(<SlipHead parent="Đoàn phường Bến Thành" unit="Chi đoàn Khu phố 3" locality="Quận 8" />);
  expect(undated.container.querySelector('em')!.textContent).toBe('Quận 8, ngày …… tháng …… năm ……');
  cleanup();
  const unset = render(<SlipHead parent="Đoàn phường Bến Thành" unit="Chi đoàn Khu phố 3" locality="" paidAt="2026-12-07" />);
  expect(unset.container.querySelector('em')!.textContent).toBe('……, ngày 07 tháng 12 năm 2026');
});
