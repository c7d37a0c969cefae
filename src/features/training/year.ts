// The training screens' percent format. Pure. (The year a screen shows: data/use-unit-year.ts.)
import { percentVi } from '../../lib/vi-number';

/** 0.8333 → "83%"; undefined → "—" (not Intl: a page's first Intl object loads ICU's Vietnamese data, lib/vi-number.ts) */
export function pct(rate: number | undefined): string {
  return rate === undefined ? '—' : percentVi(rate);
}
