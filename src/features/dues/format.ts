// How dues screens show months and states. No data imports.
import { td, type DuesKey } from './i18n';
import type { CellState } from '../../protocol/dues-rules';
import { addPeriods } from '../../protocol/dues-rules';
import { todayIso } from '../../lib/dates';

/** "2026-03" → "03/2026". */
export function formatPeriod(p: string): string {
  return `${p.slice(5, 7)}/${p.slice(0, 4)}`;
}

/** Months of one year as "01, 02, 03/2026"; across years each with its year. */
export function formatPeriods(ps: string[]): string {
  const sorted = [...ps].sort();
  const years = new Set(sorted.map((p) => p.slice(0, 4)));
  if (years.size === 1) return `${sorted.map((p) => p.slice(5, 7)).join(', ')}/${sorted[0].slice(0, 4)}`;
  return sorted.map(formatPeriod).join(', ');
}

export function currentPeriod(): string {
  return todayIso().slice(0, 7);
}

export function parsePeriod(s: string | undefined): string | undefined {
  return s && /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/.test(s) ? s : undefined;
}

export { addPeriods };

/** The symbol shown with each state's colour, so a state never rests on colour alone. */
export const STATE_SYMBOL: Record<CellState, string> = {
  paid: '✓',
  partial: '½',
  owed: '✗',
  upcoming: '·',
  exempt: 'M',
  none: '–',
  settled: '✓',
  unknown: '?',
};

export function stateLabel(s: CellState): string {
  return td(`state_${s}` as DuesKey);
}
