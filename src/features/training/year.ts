// The year a training or rating screen shows: ?y=yyyy, else this year. Pure.
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });

export function yearFrom(query: Record<string, string>, today = new Date()): number {
  const s = query.y ?? '';
  const y = Number(s);
  return /^\d{4}$/.test(s) && y >= 2000 && y <= 2100 ? y : today.getFullYear();
}

/** 0.8333 → "83%"; undefined → "—" */
export function pct(rate: number | undefined): string {
  return rate === undefined ? '—' : percent.format(rate);
}
