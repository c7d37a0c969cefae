// The year a year screen shows (training, rating): `?y=2025` is the unit's year that starts in
// 2025 (calendar 2025, or school year 2025–2026 as that year is pinned or set), else the year
// in progress (data/unit-year.ts). Live: changing the setting moves every open year screen.
import { useLive } from './live';
import { unitYearFor } from './unit-year';
import { parseYear, todayIso } from '../lib/dates';
import { yearSpan, type YearSpan } from '../protocol/year';

export function useUnitYear(param: string | undefined, today = todayIso()): YearSpan | undefined {
  const live = useLive(() => unitYearFor(param, today), [param, today]);
  // Unreadable (should not happen): the calendar year asked for, as before whose-year existed.
  if (live.error) return yearSpan(parseYear(param) ?? Number(today.slice(0, 4)));
  return live.value;
}
