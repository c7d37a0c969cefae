// Small pure formatters for the meeting screens.

import { percentVi } from '../../lib/vi-number';

/** 0.8333 → "83%" (not Intl: a page's first Intl object loads ICU's Vietnamese data, lib/vi-number.ts) */
export function formatPercent(rate: number): string {
  return percentVi(rate);
}
