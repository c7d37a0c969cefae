// The unit (đơn vị: a chi đoàn or a Đoàn cơ sở) that all data belongs to and syncs in.
// cấp trên is data, not code (DOMAIN.md: since the 2025 reform the level above varies).
import * as z from 'zod/mini';
import { syncMeta, text, optionalText } from './common';
import { MEETING_FREQUENCIES } from './meeting-enums';

export const UNIT_KINDS = ['branch', 'baseUnion'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A place name, never an address: "Thành phố Hồ Chí Minh" is 21 characters. */
export const LOCALITY_MAX = 60;

export const unitFields = z.object({
  name: text(150).check(z.minLength(2, { message: 'err.required' })),
  kind: z.enum(UNIT_KINDS),
  parentUnit: text(150).check(z.minLength(2, { message: 'err.required' })),
  /** chi đoàn trực thuộc, tổ, lớp — used to filter lists and rolls */
  subGroups: z.array(text(80).check(z.minLength(1))).check(z.maxLength(100)),
  /** nhiệm kỳ, e.g. "2022–2024" */
  term: optionalText(40),
  secretaryName: optionalText(100),
  /** địa danh of "<địa danh>, ngày … tháng … năm …" atop the unit's documents ("Quận 8",
   *  "Bình Chánh"); absent or '' = dots, written by pen. Not a meeting's room (DOMAIN.md). */
  locality: z.optional(z.string().check(z.trim(), z.maxLength(LOCALITY_MAX, { message: 'err.localityTooLong' }))),
  /** regular meetings monthly, or quarterly where cấp trên agreed (DOMAIN.md); absent = monthly */
  meetingFrequency: z.optional(z.enum(MEETING_FREQUENCIES)),
});
export type UnitFields = z.infer<typeof unitFields>;

export const unitRecord = z.extend(unitFields, syncMeta);
export type Unit = z.infer<typeof unitRecord>;
