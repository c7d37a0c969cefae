// The inbox's messages (reports received, notes, Home's "Cấp trên" card), registered when its
// chunk loads: ti('send') = t('inbox.send'). English sits in i18n/en/index.ts.
import { registerMessages, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/dates';
import vi from '../../i18n/vi/inbox.json';

registerMessages('inbox', vi);

export type InboxKey = keyof typeof vi;

export function ti(key: InboxKey, params?: Record<string, string | number>): string {
  return tDynamic(`inbox.${key}`, params);
}

/** A key built from data (a column, a cell's state). */
export const tid = (key: string, params?: Record<string, string | number>): string => tDynamic(`inbox.${key}`, params);

/** A user-facing error: repo errors carry "inbox.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  return tDynamic((e as { key?: string })?.key ?? 'err.unexpected');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → "20/04/2026 14:05" in the phone's local time, as the unit's report screen writes it. */
export function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
