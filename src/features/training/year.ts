// The training screens' percent format. Pure. (The year a screen shows: data/use-unit-year.ts.)
// Made on first use: a page's first Intl object loads ICU's Vietnamese data (~200 ms at 4× CPU).
let percent: Intl.NumberFormat | undefined;

/** 0.8333 → "83%"; undefined → "—" */
export function pct(rate: number | undefined): string {
  return rate === undefined ? '—' : (percent ??= new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 })).format(rate);
}
