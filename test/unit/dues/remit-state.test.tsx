// @vitest-environment jsdom
// The dues home's "Nộp cấp trên (1/3)" line: paid, not paid, or paid with a top-up still owed.
import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { RemitState } from '../../../src/features/dues/DuesHome';

afterEach(() => cleanup());

test('paid in full, not paid, and paid before more money came in', () => {
  expect(render(<RemitState remit={36_333} remittance={{ amount: 36_333, paidAt: '2026-12-07' }} />).container.textContent).toBe('Đã nộp 07/12/2026');
  cleanup();
  expect(render(<RemitState remit={36_333} />).container.textContent).toBe('Chưa nộp');
  cleanup();
  // found in use: 36.333 paid, then 6.000 more collected → the 1/3 is 38.333
  const { container } = render(<RemitState remit={38_333} remittance={{ amount: 36_333, paidAt: '2026-12-07' }} />);
  expect(container.textContent).toBe('Đã nộp 36.333\u00a0₫, còn thiếu 2.000\u00a0₫');
  expect(container.querySelector('small')!.className).toBe('error');
});
