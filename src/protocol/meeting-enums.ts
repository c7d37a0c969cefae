// Meeting, attendance and activity enums without zod (roll screens use them; B4 keeps the
// roll chunk small).
export const MEETING_KINDS = ['regular', 'thematic', 'topic', 'extraordinary', 'political', 'committee', 'congress', 'ceremony'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent_excused', 'absent_unexcused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Reasons a secretary picks with one tap; any other reason can be typed. */
export const COMMON_ABSENCE_REASONS = ['sick', 'work', 'family', 'study', 'far_away'] as const;

export const ACTIVITY_KINDS = ['green_sunday', 'volunteer_saturday', 'youth_month', 'volunteering', 'sport_culture', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How often the unit must hold its regular meeting (DOMAIN.md: monthly, or quarterly where cấp trên agreed). */
export const MEETING_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];
