// The place-and-date line atop the unit's documents (minutes, reports, the year's plan, the
// check-in record; the dues remittance slip words its own in i18n): "<địa danh>, ngày … tháng
// … năm …" (DOMAIN.md, the minutes' and the report's layouts). The place is the unit's
// locality, set once in Settings — never a meeting's room; with none set it is dots, written
// in by pen. Pure.

/** "Quận 8, ngày 07 tháng 12 năm 2026"; no locality: "……, ngày 07 tháng 12 năm 2026". */
export function placeDateLine(locality: string | undefined, isoDay: string): string {
  return `${locality?.trim() || '……'}, ngày ${isoDay.slice(8, 10)} tháng ${isoDay.slice(5, 7)} năm ${isoDay.slice(0, 4)}`;
}

/** A place typed in one document (a report's "Địa danh"), else the unit's locality; '' = dots. */
export const typedOrLocality = (typed: string | undefined, locality: string | undefined): string => typed?.trim() || locality?.trim() || '';
