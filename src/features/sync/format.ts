// How sync screens show times, field names and values in plain words. No data imports.
import { t, tDynamic, type MessageKey } from '../../i18n';
import { ts } from '../../sync/i18n';
import { formatDate } from '../../lib/dates';
import { formatWhen } from './when';

export { formatWhen };


/** A translation if the key exists, else undefined. */
function maybe(key: string, params?: Record<string, string | number>): string | undefined {
  const s = tDynamic(key, params);
  return s === key ? undefined : s;
}

/** Where each table's field labels live in the other features' messages. */
const FIELD_NS: Record<string, string[]> = {
  members: ['members'],
  memberEvents: ['members'],
  meetings: ['meetings', 'sync.field'],
  activities: ['activities', 'meetings', 'sync.field'],
  attendance: ['attendance', 'sync.field'],
  minutes: ['minutes'],
  minutesAddenda: ['minutes'],
  units: ['settings', 'setup'],
  dues: ['sync.field'],
  duesExemptions: ['sync.field'],
  duesRates: ['sync.field'],
  remittances: ['sync.field'],
  trainingItems: ['sync.field'],
  trainingRegistrations: ['sync.field'],
  trainingProgress: ['sync.field'],
  ratings: ['sync.field'],
  unitRatings: ['sync.field'],
  unitSettings: ['sync.field'],
  yearPlans: ['sync.field'],
  targets: ['sync.field'],
  youthProjects: ['sync.field'],
  youthProjectLogs: ['sync.field'],
  committeeTerms: ['sync.field'],
  committeeSeats: ['sync.field'],
  fileRefs: ['sync.field'],
  reports: ['sync.field'],
  reportVersions: ['sync.field'],
  reportReviews: ['sync.field'],
  checkIns: ['sync.field'],
  checkInActions: ['sync.field'],
  unitNotes: ['sync.field'],
  unitRecognitions: ['sync.field'],
  consolidations: ['sync.field'],
};

/** The dues, training and rating tables' enum values (method, category, outcome, level) are labelled in the sync messages. */
const SYNC_VALUE_NS = new Set(['dues', 'duesExemptions', 'duesRates', 'remittances', 'trainingRegistrations', 'ratings', 'unitRatings']);

/** "Số điện thoại" for members.phone; the field's own name when no label is known. */
export function fieldLabel(table: string, field: string): string {
  for (const ns of FIELD_NS[table] ?? []) {
    const s = ns === 'sync.field' ? maybe(`sync.field_${field}`) : maybe(`${ns}.${field}`);
    if (s) return s;
  }
  return maybe(`sync.field_${field}`) ?? (field === 'title' ? ts('field_title') : field);
}

export function tableLabel(table: string): string {
  return maybe(`sync.table_${table}`) ?? table;
}

/** A stored value in words: enums through their labels, dates as dd/mm/yyyy, lists joined. */
export function formatValue(table: string, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return ts('empty');
  if (field === 'deleted') return value ? ts('deletedValue') : ts('notDeletedValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') {
    const ns = table === 'attendance' ? 'attendance' : table === 'memberEvents' || table === 'members' ? 'members' : SYNC_VALUE_NS.has(table) ? 'sync' : table;
    const prefix = field === 'partyStatus' ? 'party' : field === 'duesCategory' ? 'dues' : field;
    const enumLabel = maybe(`${ns}.${prefix}_${value}`);
    if (enumLabel) return enumLabel;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${formatDate(value.slice(0, 10))} ${value.slice(11)}`;
    return value;
  }
  if (Array.isArray(value)) {
    if (!value.length) return ts('empty');
    return value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v ? Object.values(v).filter((x) => typeof x === 'string').join(' – ') : String(v))).join('; ');
  }
  return JSON.stringify(value);
}

/** The server's reason for refusing a change, in plain words. */
export function reasonText(reason: string): string {
  const bare = reason.replace(/^err\./, '');
  return maybe(`sync.reason_${bare}`) ?? maybe(`err.${bare}`) ?? ts('reason_generic', { reason });
}

export function roleLabel(role: string): string {
  return maybe(`sync.role_${role}`) ?? role;
}

export type { MessageKey };
