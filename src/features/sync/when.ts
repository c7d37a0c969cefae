// Times in the sync screens and the chip, in the phone's local time. No messages here: the chip
// (precached, on every screen) uses it without loading the sync screens' messages.

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" today, "03/02 14:05" another day this year, else "03/02/2025 14:05". */
export function formatWhen(iso: string | undefined, now = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === now.toDateString()) return time;
  const day = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}`;
  return d.getFullYear() === now.getFullYear() ? `${day} ${time}` : `${day}/${d.getFullYear()} ${time}`;
}
