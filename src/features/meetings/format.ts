// Small pure formatters for the meeting screens.

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });

/** 0.8333 → "83%" */
export function formatPercent(rate: number): string {
  return percent.format(rate);
}

/** A year from the address bar ("2026"), else undefined. */
export function parseYear(s: string | undefined): number | undefined {
  const y = Number(s);
  return /^\d{4}$/.test(s ?? '') && y >= 1990 && y <= 2100 ? y : undefined;
}
