// The meeting form's values are what a secretary enters (date, start and end time, guest
// rows); this turns them into a valid record or per-field error keys. Pure, tested.
import { parseDateText } from '../../lib/dates';
import { meetingFields, type Meeting, type MeetingFields, type MeetingKind, type MeetingStatus } from '../../protocol/meeting';

export interface GuestRow {
  name: string;
  role: string;
}

export interface MeetingFormValues {
  kind: MeetingKind;
  title: string;
  /** yyyy-mm-dd from a date picker (dd/mm/yyyy typed where there is none) */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  chairId: string;
  minuteTakerId: string;
  guests: GuestRow[];
  agenda: string;
  subGroup: string;
  status: MeetingStatus;
}

/** Keys: field names, "guests.<i>.name" for a guest row, values: i18n keys. */
export type MeetingFormErrors = Partial<Record<string, string>>;

export function toMeetingForm(m?: Meeting, init: { date?: string; kind?: MeetingKind } = {}): MeetingFormValues {
  if (!m) {
    return {
      kind: init.kind ?? 'regular',
      title: '',
      date: init.date ?? '',
      startTime: '',
      endTime: '',
      place: '',
      chairId: '',
      minuteTakerId: '',
      guests: [],
      agenda: '',
      subGroup: '',
      status: 'planned',
    };
  }
  return {
    kind: m.kind,
    title: m.title,
    date: m.startsAt.slice(0, 10),
    startTime: m.startsAt.slice(11, 16),
    endTime: m.endsAt ? m.endsAt.slice(11, 16) : '',
    place: m.place ?? '',
    chairId: m.chairId ?? '',
    minuteTakerId: m.minuteTakerId ?? '',
    guests: m.guests.map((g) => ({ name: g.name, role: g.role ?? '' })),
    agenda: m.agenda ?? '',
    subGroup: m.subGroup ?? '',
    status: m.status,
  };
}

/** "19:30", "7:30", "19h30", "19h", "1930", "19:30:00" → "hh:mm"; anything else → null. */
export function parseTime(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:h.]?(\d{2}))?(?::\d{2})?$/.exec(s) ?? /^(\d{1,2})h$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const blank = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function fromMeetingForm(v: MeetingFormValues): { fields: MeetingFields } | { errors: MeetingFormErrors } {
  const errors: MeetingFormErrors = {};
  const date = v.date.trim() ? parseDateText(v.date) : null;
  if (!v.date.trim()) errors.date = 'err.required';
  else if (!date) errors.date = 'err.date';
  const start = v.startTime.trim() ? parseTime(v.startTime) : null;
  if (!v.startTime.trim()) errors.startTime = 'err.required';
  else if (!start) errors.startTime = 'meetings.errTime';
  const end = v.endTime.trim() ? parseTime(v.endTime) : null;
  if (v.endTime.trim() && !end) errors.endTime = 'meetings.errTime';
  else if (end && start && end <= start) errors.endTime = 'meetings.errEndBeforeStart';

  // Guest rows left completely empty are dropped; a role without a name is an error.
  const guests: { row: number; name: string; role?: string }[] = [];
  v.guests.forEach((g, row) => {
    if (!g.name.trim() && !g.role.trim()) return;
    guests.push({ row, name: g.name.trim(), role: blank(g.role) });
  });

  const draft = {
    kind: v.kind,
    title: v.title.trim(),
    startsAt: date && start ? `${date}T${start}` : '0000-00-00T00:00',
    endsAt: date && end ? `${date}T${end}` : undefined,
    place: blank(v.place),
    chairId: blank(v.chairId),
    minuteTakerId: blank(v.minuteTakerId),
    guests: guests.map(({ name, role }) => ({ name, role })),
    agenda: blank(v.agenda),
    status: v.status,
    subGroup: blank(v.subGroup),
  };
  const parsed = meetingFields.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, sub] = issue.path;
      let key = String(field);
      if (field === 'guests' && typeof index === 'number') key = `guests.${guests[index]?.row ?? index}.${String(sub ?? 'name')}`;
      if (field === 'startsAt' || field === 'endsAt') continue; // reported on date / time above
      errors[key] ??= issue.message.startsWith('err.') ? issue.message : 'err.invalid';
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { fields: parsed.data };
}

/** Kinds whose title the form can suggest from the month ("Sinh hoạt chi đoàn tháng 03/2026"). */
export const AUTO_TITLE_KINDS: readonly MeetingKind[] = ['regular', 'committee'];

/**
 * Keeps a suggested title in step with kind and date while the secretary has not typed one:
 * a title that is empty or still the previous suggestion follows the new suggestion.
 */
export function retitle(
  prev: MeetingFormValues,
  next: MeetingFormValues,
  suggest: (kind: MeetingKind, date: string) => string | undefined,
): MeetingFormValues {
  const before = suggest(prev.kind, prev.date);
  const isUntouched = next.title.trim() === '' || next.title === before;
  if (!isUntouched) return next;
  return { ...next, title: suggest(next.kind, next.date) ?? (next.title === before ? '' : next.title) };
}
