// Reads for the conflicts and needs-attention screens: what a record is called and where it
// opens, conflicts and refused changes as the screens show them. No zod. Kept apart from
// sync-queries.ts so the precached chip does not carry it.
import type { ConflictRecord, NeedsAttentionRecord, UnitDb } from '../data/db';
import type { SyncedTable } from '../protocol/outbox';
import { tDynamic } from '../i18n';
import { attentionCard, conflictCard, unitDb } from './sync-queries';

export interface RecordRef {
  table: SyncedTable;
  rowId: string;
  /** what a person calls the record: a member's name, a meeting's title… */
  title: string;
  /** where to open it */
  href?: string;
  /** the row as stored here (undefined: not on this device) */
  row?: Record<string, unknown>;
}

type Row = Record<string, unknown> & { id: string };

async function getRow(db: UnitDb, table: string, id: string): Promise<Row | undefined> {
  try {
    return (await db.table(table).get(id)) as Row | undefined;
  } catch {
    return undefined;
  }
}

/** Title and link of a record, for the conflicts and needs-attention lists. */
export async function describeRecord(db: UnitDb, table: SyncedTable, rowId: string): Promise<RecordRef> {
  const row = await getRow(db, table, rowId);
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  let title = '';
  let href: string | undefined;
  switch (table) {
    case 'members':
      title = s(row?.fullName);
      href = `/members/${rowId}/edit`;
      break;
    case 'memberEvents': {
      const member = await getRow(db, 'members', s(row?.memberId));
      title = s(member?.fullName);
      href = member ? `/members/${member.id}` : undefined;
      break;
    }
    case 'meetings':
      title = s(row?.title);
      href = `/meetings/${rowId}/edit`;
      break;
    case 'activities':
      title = s(row?.title);
      href = `/activities/${rowId}/edit`;
      break;
    case 'attendance': {
      const [eventId, memberId] = rowId.split(':');
      const member = await getRow(db, 'members', s(row?.memberId) || memberId);
      const meeting = await getRow(db, 'meetings', s(row?.eventId) || eventId);
      const activity = meeting ? undefined : await getRow(db, 'activities', s(row?.eventId) || eventId);
      const event = meeting ?? activity;
      title = [s(member?.fullName), s(event?.title)].filter(Boolean).join(' — ');
      href = meeting ? `/meetings/${meeting.id}/roll` : activity ? `/activities/${activity.id}/roll` : undefined;
      break;
    }
    case 'minutes': {
      const meeting = await getRow(db, 'meetings', rowId);
      title = s(meeting?.title);
      href = `/meetings/${rowId}/minutes`;
      break;
    }
    case 'minutesAddenda': {
      const meeting = await getRow(db, 'meetings', s(row?.meetingId));
      title = s(meeting?.title);
      href = meeting ? `/meetings/${meeting.id}/minutes` : undefined;
      break;
    }
    case 'units':
      title = s(row?.name);
      href = '/settings';
      break;
    // Labels through tDynamic: the screens that describe records register the sync messages.
    case 'dues':
    case 'duesExemptions': {
      const member = await getRow(db, 'members', s(row?.memberId));
      const p = s(row?.period);
      const name = s(member?.fullName);
      title = table === 'dues' && p ? tDynamic('sync.duesOfMonth', { name, month: `${p.slice(5, 7)}/${p.slice(0, 4)}` }) : name;
      href = member ? `/dues/member/${member.id}` : undefined;
      break;
    }
    case 'duesRates':
      title = tDynamic('sync.ratesTitle');
      href = '/dues/rates';
      break;
    case 'remittances': {
      const p = s(row?.period) || rowId.replace(/^remit:/, '');
      title = tDynamic('sync.remittanceOf', { month: `${p.slice(5, 7)}/${p.slice(0, 4)}` });
      href = `/dues/remit?m=${p}`;
      break;
    }
    case 'trainingItems':
      title = s(row?.title);
      href = row ? `/training/setup?y=${row.year}` : '/training';
      break;
    case 'trainingRegistrations':
    case 'trainingProgress':
    case 'ratings': {
      // ids are `${year}:${memberId}` (progress: `${year}:${memberId}:${itemId}`)
      const [year, memberId, itemId] = rowId.split(':');
      const member = await getRow(db, 'members', s(row?.memberId) || memberId);
      const item = table === 'trainingProgress' ? await getRow(db, 'trainingItems', s(row?.itemId) || itemId) : undefined;
      title = [s(member?.fullName), s(item?.title)].filter(Boolean).join(' — ');
      href = member ? `/${table === 'ratings' ? 'rating' : 'training'}/${member.id}?y=${year}` : undefined;
      break;
    }
    case 'unitRatings': {
      const year = rowId.replace(/^unit:/, '');
      title = tDynamic('sync.unitRatingOf', { year });
      href = `/rating?y=${year}`;
      break;
    }
    case 'unitSettings':
      title = tDynamic('sync.unitSettingsTitle');
      href = '/rating/settings';
      break;
    case 'yearPlans': {
      const year = rowId.replace(/^year:/, '');
      title = tDynamic('sync.yearPlanOf', { year });
      href = `/year?y=${year}`;
      break;
    }
    case 'targets':
      title = s(row?.title);
      href = `/year/targets/${rowId}`;
      break;
    case 'youthProjects':
      title = s(row?.title);
      href = `/projects/${rowId}`;
      break;
    case 'youthProjectLogs': {
      const project = await getRow(db, 'youthProjects', s(row?.projectId));
      title = s(project?.title);
      href = project ? `/projects/${project.id}` : '/projects';
      break;
    }
    case 'committeeTerms':
    case 'committeeSeats': {
      const member = table === 'committeeSeats' ? await getRow(db, 'members', s(row?.memberId)) : undefined;
      title = member ? s(member.fullName) : s(row?.label) || tDynamic('sync.table_committeeTerms');
      href = '/committee';
      break;
    }
    case 'fileRefs':
      title = tDynamic('sync.table_fileRefs');
      break;
    case 'reports':
    case 'reportVersions':
    case 'reportReviews': {
      // ids start with the report's: report:2026:q1[:v2[:review]]
      const reportId = rowId.split(':').slice(0, 3).join(':');
      title = tDynamic(`sync.table_${table}`);
      href = `/reports/${reportId}`;
      break;
    }
    case 'checkIns':
    case 'checkInActions':
    case 'unitNotes':
    case 'unitRecognitions':
    case 'consolidations':
      title = tDynamic(`sync.table_${table}`);
      break;
  }
  return { table, rowId, title, href, row };
}

export interface ConflictView extends RecordRef {
  id: string;
  field: string;
  /** the value in effect now (the HLC winner) and the one kept aside */
  winnerValue: unknown;
  loserValue: unknown;
  /** which side this device wrote: 'winner', 'loser', or undefined (two other phones) */
  mySide?: 'winner' | 'loser';
  /** the winner is a delete: keeping the other side brings the record back */
  isDeleteEdit: boolean;
  at: string;
  /** earlier conflicts of the same field that the same phone lost, superseded by this one */
  also?: string[];
}

export async function listConflicts(): Promise<ConflictView[]> {
  const db = await unitDb();
  if (!db) return [];
  const dev = await db.syncState.get('device');
  const all = (await db.conflicts.toArray()).filter((c) => !c.resolvePending);
  all.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  // One card per field and losing phone (sync-queries conflictCard): "Giữ bản này" would have
  // brought back an in-between mark that was never the phone's choice.
  const cards = lastPerCard(all, conflictCard, (c) => c.id);
  return Promise.all(cards.map(async (c) => ({ ...(await conflictView(db, c, dev?.deviceId)), ...(c.also.length ? { also: c.also } : {}) })));
}

async function conflictView(db: UnitDb, c: ConflictRecord, deviceId?: string): Promise<ConflictView> {
  const ref = await describeRecord(db, c.table, c.rowId);
  const winnerValue = 'winnerValue' in c ? c.winnerValue : c.theirs;
  const loserValue = 'loserValue' in c ? c.loserValue : c.mine;
  const mySide = c.winnerDeviceId === deviceId ? 'winner' : c.loserDeviceId === deviceId ? 'loser' : undefined;
  return { ...ref, id: c.id, field: c.field, winnerValue, loserValue, mySide, isDeleteEdit: c.kind === 'deleteEdit', at: c.at };
}

export interface AttentionView extends RecordRef {
  mid: string;
  /** the earlier refusals of the same record shown in this card (final minutes: one per record) */
  also?: string[];
  reason: string;
  fields: Record<string, unknown>;
  op: 'upsert' | 'delete';
  at: string;
}

export async function listNeedsAttention(): Promise<AttentionView[]> {
  const db = await unitDb();
  if (!db) return [];
  const all: NeedsAttentionRecord[] = await db.needsAttention.toArray();
  all.sort((a, b) => a.mutation.seq - b.mutation.seq);
  // Changes to final minutes, nothing to fix: one card per record with what was typed last
  // (sync-queries attentionCard; found in use: three taps on one name made three cards).
  const cards = lastPerCard(all, attentionCard, (w) => w.mid, (before, w) => ({ ...w, mutation: { ...w.mutation, fields: { ...before.mutation.fields, ...w.mutation.fields } } }));
  return Promise.all(
    cards.map(async (w) => ({
      ...(await describeRecord(db, w.mutation.table, w.mutation.rowId)),
      mid: w.mid,
      ...(w.also.length ? { also: w.also } : {}),
      reason: w.reason,
      fields: w.mutation.fields,
      op: w.mutation.op,
      at: w.at,
    })),
  );
}

/**
 * The last of each card's items (in the order given), at the place of its first, with the ids
 * of the earlier ones it stands for; `merge` makes it from the one before and itself.
 */
function lastPerCard<T>(items: readonly T[], card: (t: T) => string, id: (t: T) => string, merge: (before: T, t: T) => T = (_, t) => t): (T & { also: string[] })[] {
  const at = new Map<string, number>();
  const out: (T & { also: string[] })[] = [];
  for (const t of items) {
    const key = card(t);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push({ ...t, also: [] });
    } else {
      const before = out[i];
      out[i] = { ...merge(before, t), also: [...before.also, id(before)] };
    }
  }
  return out;
}

