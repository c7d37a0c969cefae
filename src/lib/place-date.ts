// The place-and-date line atop the unit's documents (minutes, reports, the year's plan, the
// check-in record; the dues remittance slip words its own in i18n): "<địa danh>, ngày … tháng
// … năm …" (DOMAIN.md, the minutes' and the report's layouts). The place is the unit's
// locality, set once in Settings — never a meeting's room; with none set it is dots, written
// in by pen. Pure.

/**
 * A document's month as Nghị định 30/2020/NĐ-CP writes it: a 0 before months 1 and 2 only
 * ("tháng 02", "tháng 3", "tháng 12"); days below 10 keep theirs ("ngày 07").
 */
export const docMonth = (isoDay: string): string => (isoDay.slice(5, 7) < '03' ? isoDay.slice(5, 7) : String(Number(isoDay.slice(5, 7))));

/** "Quận 8, ngày 07 tháng 12 năm 2026"; no locality: "……, ngày 07 tháng 3 năm 2026". */
export function placeDateLine(locality: string | undefined, isoDay: string): string {
  return `${locality?.trim() || '……'}, ngày ${isoDay.slice(8, 10)} tháng ${docMonth(isoDay)} năm ${isoDay.slice(0, 4)}`;
}

/** A place typed in one document (a report's "Địa danh"), else the unit's locality; '' = dots. */
export const typedOrLocality = (typed: string | undefined, locality: string | undefined): string => typed?.trim() || locality?.trim() || '';
