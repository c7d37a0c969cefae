// How the report screen writes times, figure values and the names of changed figures.
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { tDynamic } from '../../i18n';
import type { FigureChange } from '../../protocol/report-figure-changes';
import { num, pct } from './narrative-words';
import { trd } from './i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → "03/04/2026 15:00" (local time) */
export function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const clock = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

const MONEY = new Set(['collected', 'owedAmount', 'remitted', 'toRemit']);

/** A changed figure's value: money as "5.000 ₫", a percent as "86 %", none as "—". */
export function changeValue(c: FigureChange, v: number | undefined): string {
  if (v === undefined) return '—';
  if (c.figure === 'dues' && MONEY.has(c.field)) return formatMoney(v);
  if (/pct$/i.test(c.field)) return pct(v);
  return num(v);
}

/** "Đoàn viên cuối kỳ", "Sinh hoạt định kỳ – số buổi", "Tổ May 1 – cuối kỳ", "“Chỉ tiêu …” – đạt" */
export function changeLabel(c: FigureChange): string {
  const field = trd(c.list ? `f_${c.figure}_${c.list}_${c.field}` : `f_${c.figure}_${c.field}`);
  if (!c.list) return field;
  let item = c.itemLabel ?? c.item ?? '';
  if (c.figure === 'meetings' && c.list === 'byKind') item = tDynamic(`meetings.kind_${c.item}`);
  if (c.figure === 'activities' && c.list === 'byKind') item = tDynamic(`activities.kind_${c.item}`);
  return `${item} – ${field}`;
}
