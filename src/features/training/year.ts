// The year a training or rating screen shows: ?y=yyyy, else this year. Pure.
// Made on first use: a page's first Intl object loads ICU's Vietnamese data (~200 ms at 4× CPU).
let percent: Intl.NumberFormat | undefined;

export function yearFrom(query: Record<string, string>, today = new Date()): number {
  const s = query.y ?? '';
  const y = Number(s);
  return /^\d{4}$/.test(s) && y >= 2000 && y <= 2100 ? y : today.getFullYear();
}

/** 0.8333 → "83%"; undefined → "—" */
export function pct(rate: number | undefined): string {
  return rate === undefined ? '—' : (percent ??= new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 })).format(rate);
}
