// The month view's logic, pure and tested: months as "yyyy-mm", meetings and activities
// merged into one day-by-day agenda, a Monday-first month grid, the calendar anchors of
// DOMAIN.md. No zod, no Dexie.
import type { MeetingStatus } from '../../protocol/meeting-enums';
import { weekdayOf } from '../../lib/dates';

export interface CalendarItem {
  type: 'meeting' | 'activity';
  id: string;
  kind: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  /** hh:mm — meetings only */
  time?: string;
  endTime?: string;
  place?: string;
  status: MeetingStatus;
}

export interface DayGroup {
  date: string;
  items: CalendarItem[];
}

interface MeetingLike {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt?: string;
  place?: string;
  status: MeetingStatus;
}

interface ActivityLike {
  id: string;
  kind: string;
  title: string;
  date: string;
  place?: string;
  status: MeetingStatus;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-15" or "2026-03-15T19:30" → "2026-03". */
export const monthOf = (date: string) => date.slice(0, 7);

/** "2026-03" + 1 → "2026-04"; "2026-01" − 1 → "2025-12". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** A "yyyy-mm" the app can trust (from the address bar), else undefined. */
export function parseMonth(s: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(s ?? '');
  return m && +m[1] >= 1900 && +m[1] <= 2100 && +m[2] >= 1 && +m[2] <= 12 ? s : undefined;
}

export function toCalendarItems(meetings: readonly MeetingLike[], activities: readonly ActivityLike[]): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const m of meetings) {
    items.push({
      type: 'meeting',
      id: m.id,
      kind: m.kind,
      title: m.title,
      date: m.startsAt.slice(0, 10),
      time: m.startsAt.slice(11, 16),
      endTime: m.endsAt ? m.endsAt.slice(11, 16) : undefined,
      place: m.place,
      status: m.status,
    });
  }
  for (const a of activities) {
    items.push({ type: 'activity', id: a.id, kind: a.kind, title: a.title, date: a.date, place: a.place, status: a.status });
  }
  return items;
}

/**
 * Items grouped by day, days in order; within a day, untimed activities first (they last the
 * day), then meetings by start time; ties by title so the order never jumps between renders.
 */
export function groupByDay(items: readonly CalendarItem[]): DayGroup[] {
  const sorted = items
    .slice()
    .sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.title.localeCompare(b.title, 'vi'));
  const groups: DayGroup[] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, items: [item] });
  }
  return groups;
}

export interface GridCell {
  date: string;
  day: number;
  inMonth: boolean;
}

/** The month as whole weeks, Monday first, padded with the neighbouring months' days. */
export function monthGrid(month: string): GridCell[][] {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = weekdayOf(first);
  const cells: GridCell[] = [];
  const start = Date.UTC(y, m - 1, 1 - lead);
  const total = Math.ceil((lead + days) / 7) * 7;
  for (let i = 0; i < total; i++) {
    const d = new Date(start + i * 86_400_000);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    cells.push({ date, day: d.getUTCDate(), inMonth: monthOf(date) === month });
  }
  const weeks: GridCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Calendar anchors (DOMAIN.md) as mm-dd: days a chi đoàn plans around. Fixed national dates, so
 * a constant; the label is an i18n key suffix (meetings.anchor_mmdd).
 */
export const CALENDAR_ANCHORS = ['02-03', '03-26', '04-30', '05-01', '05-19', '07-27', '09-02', '10-15', '11-20', '12-22'] as const;
export type Anchor = (typeof CALENDAR_ANCHORS)[number];

/** Anchors falling in a month, as { date, key } with key "ddmm" for the label. */
export function anchorsInMonth(month: string): { date: string; key: string }[] {
  const mm = month.slice(5, 7);
  return CALENDAR_ANCHORS.filter((a) => a.slice(0, 2) === mm).map((a) => ({
    date: `${month}-${a.slice(3, 5)}`,
    key: `${a.slice(3, 5)}${a.slice(0, 2)}`,
  }));
}

