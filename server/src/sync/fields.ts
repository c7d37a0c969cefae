// Validation of a mutation's fields against the shared record schemas (src/protocol), one
// field at a time: a mutation carries only the fields that changed, so a whole-record parse
// would refuse every edit. Record-level refinements (e.g. discipline → disciplineLevel) are
// the device's job; the server keeps each field well-formed.
import type * as z from 'zod/mini';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';
import type { SyncedTable } from '../../../src/protocol/outbox';
import { unitFields } from '../../../src/protocol/unit';
import { memberFields } from '../../../src/protocol/member';
import { memberEventFields } from '../../../src/protocol/member-event';
import { activityFields, attendanceFields, meetingFields } from '../../../src/protocol/meeting';
import { addendumFields, minutesFields } from '../../../src/protocol/minutes';
import { trainingItemFields, trainingProgressFields, trainingRegistrationFields } from '../../../src/protocol/training';
import { duesEntryFields, duesExemptionFields, duesRateFields, remittanceFields } from '../../../src/protocol/dues';
import { ratingFields, unitRatingFields } from '../../../src/protocol/rating';
import { unitSettingsFields } from '../../../src/protocol/unit-settings';
import { targetFields, yearPlanFields } from '../../../src/protocol/target';
import { youthProjectFields, youthProjectLogFields } from '../../../src/protocol/youth-project';
import { committeeSeatFields, committeeTermFields } from '../../../src/protocol/committee';
import { fileRefFields } from '../../../src/protocol/file-ref';
import { reportFields, reportReviewFields, reportVersionFields } from '../../../src/protocol/report';
import { checkInActionFields, checkInFields, consolidationFields, unitNoteFields, unitRecognitionFields } from '../../../src/protocol/oversight';
import { jsonDepth } from './json';
import { NEWEST_NAMEABLE_SCHEMA } from './limits';

type FieldsSchema = z.ZodMiniObject<z.core.$ZodShape>;

export const TABLE_FIELDS: Readonly<Record<SyncedTable, FieldsSchema>> = {
  units: unitFields,
  members: memberFields,
  memberEvents: memberEventFields,
  meetings: meetingFields,
  activities: activityFields,
  attendance: attendanceFields,
  minutes: minutesFields,
  minutesAddenda: addendumFields,
  trainingItems: trainingItemFields,
  trainingRegistrations: trainingRegistrationFields,
  trainingProgress: trainingProgressFields,
  dues: duesEntryFields,
  duesExemptions: duesExemptionFields,
  duesRates: duesRateFields,
  remittances: remittanceFields,
  ratings: ratingFields,
  unitRatings: unitRatingFields,
  unitSettings: unitSettingsFields,
  yearPlans: yearPlanFields,
  targets: targetFields,
  youthProjects: youthProjectFields,
  youthProjectLogs: youthProjectLogFields,
  committeeTerms: committeeTermFields,
  committeeSeats: committeeSeatFields,
  fileRefs: fileRefFields,
  reports: reportFields,
  reportVersions: reportVersionFields,
  reportReviews: reportReviewFields,
  checkIns: checkInFields,
  checkInActions: checkInActionFields,
  unitNotes: unitNoteFields,
  unitRecognitions: unitRecognitionFields,
  consolidations: consolidationFields,
};

/** Meta fields the device never sends: the unit is the URL's, the id is the mutation's rowId. */
const META_FIELDS = new Set(['id', 'unitId', 'rev', 'updatedAt']);
/** A field name: what a TypeScript record key looks like. Excludes "__proto__" and friends. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FIELDS = 100;
/** Unknown fields from the next app version are stored as sent, within these bounds and the row's (limits.ts). */
const MAX_UNKNOWN_FIELD_BYTES = 64 * 1024;
const MAX_UNKNOWN_FIELD_DEPTH = 16;

export interface Rejection {
  error: string;
  field?: string;
}

export function reject(error: string, field?: string): Rejection {
  return field === undefined ? { error } : { error, field };
}

/** The `id` schema of src/protocol/common.ts, checked without zod on this hot path (kept in step by a test). */
const ROW_ID = /^[0-9A-Za-z:_-]{8,100}$/;

export function validateRowId(rowId: string): Rejection | null {
  return ROW_ID.test(rowId) ? null : reject('err.id');
}

/**
 * Checks every field of an upsert or delete. `schemaVersion` is the pushing app's: unknown
 * field names from the next app version are kept (returned as valid), from the same or an older
 * app refused, and from a version beyond the next refused as one the server cannot name.
 */
export function validateFields(
  table: SyncedTable,
  op: 'upsert' | 'delete',
  fields: Record<string, unknown>,
  schemaVersion: number,
): Rejection | null {
  const names = Object.keys(fields);
  if (op === 'delete') {
    if (names.some((n) => n !== 'deleted') || (names.length === 1 && fields.deleted !== true)) return reject('err.op', 'deleted');
    return null;
  }
  if (names.length > MAX_FIELDS) return reject('err.mutation');
  const shape = TABLE_FIELDS[table].shape;
  for (const name of names) {
    const value = fields[name];
    if (!FIELD_NAME.test(name)) return reject('err.unknownField', name.slice(0, 64));
    if (META_FIELDS.has(name)) return reject('err.metaField', name);
    if (name === 'deleted') {
      // An upsert may restore (deleted: false); deleting is op 'delete'.
      if (value !== false) return reject('err.op', name);
      continue;
    }
    if (name === 'createdAt') {
      if (typeof value !== 'string' || value.length > 40) return reject('err.invalid', name);
      continue;
    }
    const schema = (Object.prototype.hasOwnProperty.call(shape, name) ? shape[name] : undefined) as z.ZodMiniType | undefined;
    if (!schema) {
      if (schemaVersion <= SCHEMA_VERSION) return reject('err.unknownField', name);
      if (schemaVersion > NEWEST_NAMEABLE_SCHEMA) return reject('err.schemaTooNew', name);
      if (jsonDepth(value, MAX_UNKNOWN_FIELD_DEPTH) > MAX_UNKNOWN_FIELD_DEPTH) return reject('err.invalid', name);
      if (JSON.stringify(value).length > MAX_UNKNOWN_FIELD_BYTES) return reject('err.tooLong', name);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '';
      return reject(/^err\.[A-Za-z]+$/.test(message) ? message : 'err.invalid', name);
    }
  }
  return null;
}
