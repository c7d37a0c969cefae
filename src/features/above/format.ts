// Times on the level above's screens: "14:05 06/12/2026" in the phone's local time.
import { formatDate } from '../../lib/dates';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${formatDate(day)}`;
}

/** The oldest of the units' last syncs: every unit's data is at least this fresh. */
export function dataAsOf(times: (string | undefined)[]): string | undefined {
  if (!times.length || times.some((t) => !t)) return undefined;
  return (times as string[]).reduce((a, b) => (a < b ? a : b));
}
