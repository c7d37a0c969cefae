// A report's writes (issue 10): start it (sections filled with the figures' sentences, the
// header's defaults), save as she types, send it — the figures, text and header frozen as
// version n in the same transaction that marks the working copy sent — and start version
// n+1 with the text carried over. Every write is one Dexie transaction with its outbox entries
// (data/commit.ts); bad input is refused before anything is written (UserError).
import type * as z from 'zod/mini';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { yearKindOf } from '../../data/unit-year';
import { typedOrLocality } from '../../lib/place-date';
import { UserError } from '../../lib/user-error';
import { REPORT_SECTIONS, DEFAULT_REPORT_DUE_DAYS, type ReportSection } from '../../protocol/report-enums';
import { dueOn, reportId, reportPeriod, reportVersionId, type ReportPeriod } from '../../protocol/report-period';
import { reportFigures, type ReportFigures } from '../../protocol/report-figures-schema';
import { reportFields, reportVersionFields, type Report, type ReportFields, type ReportVersion } from '../../protocol/report';
import { UNIT_SETTINGS_ID } from '../../protocol/unit-settings';
import { getUnit } from '../setup/unit-queries';
import { narrativeText } from './report-narrative';

function check<T>(schema: z.ZodMiniType<T>, value: unknown, key?: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(key ?? (r.error.issues[0]?.message || 'err.invalid'), r.error);
  return r.data;
}

/** What the editor writes: the sections and the header. */
export type ReportPatch = Partial<Pick<ReportFields, ReportSection | 'docNumber' | 'place' | 'recipients' | 'signerTitle' | 'signerName'>>;
const EDITABLE = new Set<string>([...REPORT_SECTIONS, 'docNumber', 'place', 'recipients', 'signerTitle', 'signerName']);

/** "Nơi nhận" as units write it: cấp trên "to report to", and the unit's own file. Vietnamese: it is printed. */
export const defaultRecipients = (parentUnit: string): string => `- Ban Thường vụ ${parentUnit} (để báo cáo);\n- Lưu.`;

async function unitNames() {
  const unit = await getUnit();
  if (!unit) throw new UserError('err.unexpected');
  return unit;
}

/**
 * Starts a period's report: the row `reportId(period)`, draft of version 1, whose year pinned
 * (quarters are calendar quarters; a half-year or year follows the unit's year as it is for
 * that year), each section starting with the figures' sentences. The id is the period's, so a
 * report another phone already started is returned as it is, never overwritten.
 */
export async function startReport(period: ReportPeriod, figures: ReportFigures, today: string): Promise<Report> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const yearKind = period.kind === 'quarter' ? 'calendar' : await yearKindOf(period.year, db);
  if (period.yearKind !== yearKind) throw new UserError('reports.errYearChanged');
  const p = reportPeriod(period.kind, period.year, period.index, yearKind);
  if (p.from > today) throw new UserError('reports.errNotBegun');
  const f = check(reportFigures, figures, 'reports.errFigures');
  const unit = await unitNames();
  const fields = check(reportFields, {
    kind: p.kind,
    year: p.year,
    index: p.index,
    yearKind,
    status: 'draft',
    version: 1,
    ...narrativeText(f, p, unit),
    recipients: defaultRecipients(unit.parentUnit),
    signerTitle: 'secretary',
    signerName: unit.secretaryName ?? '',
  });
  const id = reportId(p);
  return commit(db, [db.reports], async () => {
    const prev = await db.reports.get(id);
    if (prev && !prev.deleted) return prev;
    return upsertRow<Report>(db, 'reports', id, unitId, fields);
  });
}

/** Saves sections and header fields as typed. Refused once the version is sent: make a new one. */
export async function saveReport(id: string, patch: ReportPatch): Promise<Report> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const only = Object.fromEntries(Object.entries(patch).filter(([k]) => EDITABLE.has(k)));
  return commit(db, [db.reports], async () => {
    const prev = await db.reports.get(id);
    if (!prev || prev.deleted) throw new UserError('reports.errNotStarted');
    if (prev.status === 'submitted') throw new UserError('reports.errSent');
    const valid = check(reportFields, { ...fieldsOf(prev), ...only });
    const changes = Object.fromEntries(Object.keys(only).map((k) => [k, valid[k as keyof ReportFields]]));
    return upsertRow<Report>(db, 'reports', id, unitId, changes);
  });
}

function fieldsOf(r: Report): ReportFields {
  const { id: _id, unitId: _u, rev: _r, deleted: _d, createdAt: _c, updatedAt: _up, ...fields } = r;
  return fields;
}

const hasText = (r: Report) => REPORT_SECTIONS.some((s) => (r[s] ?? '').trim() !== '');

/**
 * Sends the working copy: version n (the figures as computed now, the sections, the header, the
 * unit's and cấp trên's names, the due date, when and by whom) is written and the row marked
 * sent, in one transaction. Sync carries it to the server, which keeps it unchanged for good.
 */
export async function submitReport(id: string, figures: ReportFigures, now: string): Promise<ReportVersion> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const f = check(reportFigures, figures, 'reports.errFigures');
  const unit = await unitNames();
  const settings = await db.unitSettings.get(UNIT_SETTINGS_ID);
  const dueDays = (settings && !settings.deleted ? settings.reportDueDays : undefined) ?? DEFAULT_REPORT_DUE_DAYS;
  return commit(db, [db.reports, db.reportVersions], async () => {
    const row = await db.reports.get(id);
    if (!row || row.deleted) throw new UserError('reports.errNotStarted');
    if (row.status === 'submitted') throw new UserError('reports.errSent');
    if (!hasText(row)) throw new UserError('reports.errEmpty');
    const vid = reportVersionId(id, row.version);
    const already = await db.reportVersions.get(vid);
    if (already && !already.deleted) throw new UserError('reports.errAlreadySent');
    const p = reportPeriod(row.kind, row.year, row.index, row.yearKind);
    const sections = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, row[s] ?? ''])) as Record<ReportSection, string>;
    const version = check(reportVersionFields, {
      reportId: id,
      version: row.version,
      kind: row.kind,
      year: row.year,
      index: row.index,
      yearKind: row.yearKind,
      from: p.from,
      to: p.to,
      dueOn: dueOn(p, dueDays),
      unitName: unit.name,
      parentUnit: unit.parentUnit,
      figures: f,
      sections,
      docNumber: row.docNumber ?? '',
      place: typedOrLocality(row.place, unit.locality),
      recipients: row.recipients ?? '',
      signerTitle: row.signerTitle,
      signerName: row.signerName ?? '',
      submittedAt: now,
      submittedBy: row.signerName || unit.secretaryName || '',
    });
    const saved = await upsertRow<ReportVersion>(db, 'reportVersions', vid, unitId, version);
    await upsertRow<Report>(db, 'reports', id, unitId, { status: 'submitted' });
    return saved;
  });
}

/** Starts version n+1 after version n was sent (returned by cấp trên, or to correct): the text carries over. */
export async function startNextVersion(id: string): Promise<Report> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.reports], async () => {
    const row = await db.reports.get(id);
    if (!row || row.deleted) throw new UserError('reports.errNotStarted');
    if (row.status !== 'submitted') throw new UserError('reports.errNotSent');
    const next = check(reportFields, { ...fieldsOf(row), status: 'draft', version: row.version + 1 });
    return upsertRow<Report>(db, 'reports', id, unitId, { status: next.status, version: next.version });
  });
}
