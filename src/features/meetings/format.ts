// Small pure formatters for the meeting screens.

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });

/** 0.8333 → "83%" */
export function formatPercent(rate: number): string {
  return percent.format(rate);
}
