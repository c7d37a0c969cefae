// Rating enums and default thresholds without zod.

/** Year-end levels, best first (glossary): xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
export const RATING_LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
