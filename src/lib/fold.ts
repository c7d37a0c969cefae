// Search text folding (DOMAIN.md): ignore case and diacritics, map đ/Đ → d (NFD alone
// does not), so "duong" finds "Dương" and "Đường". Part of the search hot path: keep it lean.

const MARKS = /[\u0300-\u036f]/g;

export function fold(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Splits a query into folded words; empty words dropped. */
export function foldWords(q: string): string[] {
  return fold(q).split(/\s+/).filter(Boolean);
}
