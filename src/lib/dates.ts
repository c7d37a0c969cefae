// Dates are stored as ISO yyyy-mm-dd and shown as dd/mm/yyyy (DOMAIN.md conventions).

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  return isRealDate(+m[1], +m[2], +m[3]);
}

export function isRealDate(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIso(y: number, mo: number, d: number): string {
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "2026-03" → "03/2026" (how Vietnamese documents name a month). */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** 0 = Monday … 6 = Sunday (Vietnamese calendars start on Monday: Thứ hai). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** A year from the address bar ("?y=2026"), else undefined. */
export function parseYear(s: string | undefined): number | undefined {
  const y = Number(s);
  return /^\d{4}$/.test(s ?? '') && y >= 1990 && y <= 2100 ? y : undefined;
}

/** "2003-09-06" → "06/09/2003"; empty stays empty. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Parses what secretaries type or what Excel lists hold: dd/mm/yyyy, d/m/yy, dd-mm-yyyy,
 * dd.mm.yyyy, yyyy-mm-dd. Two-digit years: 00–(this year+1) → 20xx, else 19xx.
 * Returns ISO or null when the text is not a real date.
 */
export function parseDateText(raw: string, today = new Date()): string | null {
  const s = raw.trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  let y = +m[3];
  if (m[3].length === 2) {
    const pivot = (today.getFullYear() + 1) % 100;
    y += y <= pivot ? 2000 : 1900;
  }
  return checked(y, +m[2], +m[1]);
}

function checked(y: number, mo: number, d: number): string | null {
  return isRealDate(y, mo, d) ? toIso(y, mo, d) : null;
}

/** Excel serial day number (1900 date system, with its 1900-02-29 bug) → ISO. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  const d = new Date(ms);
  return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function todayIso(now = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole years between two ISO dates (age on a date). */
export function yearsBetween(fromIso: string, toIsoDate: string): number {
  const [y1, m1, d1] = fromIso.split('-').map(Number);
  const [y2, m2, d2] = toIsoDate.split('-').map(Number);
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years--;
  return years;
}

// Age rules of the Điều lệ Đoàn (DOMAIN.md member rules). They judge history, so the app
// WARNS with them on records already kept (import, edits, the list) and never refuses to
// save a member for them (docs/decisions.md "Age rules warn"). Kept here, beside the date
// helpers every screen already loads, so they cost no chunk of their own.

/** The age on admission when it is outside 16–30, else undefined (also when a date is missing). */
export function admissionAgeOutside(dateOfBirth?: string | null, admissionDate?: string | null): number | undefined {
  const age = dateOfBirth && admissionDate ? yearsBetween(dateOfBirth, admissionDate) : 20;
  return age < 16 || age > 30 ? age : undefined;
}

/** Still "đang sinh hoạt" past 30 (31 or older today): should have graduated. */
export function isActiveOver30(m: { status: string; dateOfBirth?: string }, today = todayIso()): boolean {
  return m.status === 'active' && !!m.dateOfBirth && yearsBetween(m.dateOfBirth, today) > 30;
}

/** Graduation (trưởng thành) is at 30: true when the member turns 30 in the given year. */
export function turnsThirtyIn(dateOfBirth: string | undefined, year: number): boolean {
  return !!dateOfBirth && Number(dateOfBirth.slice(0, 4)) + 30 === year;
}
