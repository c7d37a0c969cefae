// The activity form: typed values → a valid record or per-field error keys. Pure, tested.
import { parseDateText } from '../../lib/dates';
import { activityFields, type Activity, type ActivityFields, type ActivityKind, type MeetingStatus } from '../../protocol/meeting';

export interface ActivityFormValues {
  kind: ActivityKind;
  title: string;
  date: string;
  place: string;
  results: string;
  status: MeetingStatus;
  /** evidence photos (sha256), kept on the phone as they are added (features/photos) */
  photos: string[];
}

export type ActivityFormErrors = Partial<Record<keyof ActivityFormValues, string>>;

export function toActivityForm(a?: Activity, init: { date?: string; kind?: ActivityKind } = {}): ActivityFormValues {
  return {
    kind: a?.kind ?? init.kind ?? 'green_sunday',
    title: a?.title ?? '',
    date: a?.date ?? init.date ?? '',
    place: a?.place ?? '',
    results: a?.results ?? '',
    status: a?.status ?? 'planned',
    photos: a?.photos ?? [],
  };
}

export function fromActivityForm(v: ActivityFormValues): { fields: ActivityFields } | { errors: ActivityFormErrors } {
  const errors: ActivityFormErrors = {};
  const date = v.date.trim() ? parseDateText(v.date) : null;
  if (!v.date.trim()) errors.date = 'err.required';
  else if (!date) errors.date = 'err.date';
  const parsed = activityFields.safeParse({
    kind: v.kind,
    title: v.title.trim(),
    date: date ?? '',
    place: v.place.trim() || undefined,
    results: v.results.trim() || undefined,
    status: v.status,
    // none: the key is still there (undefined), so removing the last photo clears the field
    photos: v.photos.length ? v.photos : undefined,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof ActivityFormValues;
      if (field === 'date') continue;
      errors[field] ??= issue.message.startsWith('err.') ? issue.message : 'err.invalid';
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { fields: parsed.data };
}

/**
 * A named campaign is its own title ("Chủ nhật xanh"): while the secretary has not typed a
 * title, it follows the kind. "Tình nguyện", "Văn thể" and "Khác" need a real title.
 */
export const SELF_TITLED_KINDS: readonly ActivityKind[] = ['green_sunday', 'volunteer_saturday', 'youth_month'];

export function retitleActivity(prev: ActivityFormValues, next: ActivityFormValues, label: (k: ActivityKind) => string): ActivityFormValues {
  const suggest = (k: ActivityKind) => (SELF_TITLED_KINDS.includes(k) ? label(k) : undefined);
  const before = suggest(prev.kind);
  if (next.title.trim() !== '' && next.title !== before) return next;
  return { ...next, title: suggest(next.kind) ?? (next.title === before ? '' : next.title) };
}
