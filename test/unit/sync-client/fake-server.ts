// An in-memory model of the sync server (docs/sync-api.md: push, pull, conflicts), for the
// engine's unit tests: small, synchronous, and easy to break on purpose. The reliability
// tests run against the real server (real-server.ts); this model only has to be faithful
// enough for the client mechanics (batches, gap, rejected, duplicates, 401, locks).
import type { PullRequest, PullResponse, PulledRow, PushRequest, PushResponse, PushResult } from '../../../src/protocol/sync';
import { COLUMNS_FORM, FIELD_COLUMNS_FORM, expandColumns } from '../../../src/protocol/push-columns';
import { AuthError, HttpError, type ServerConflict, type SyncTransport } from '../../../src/sync/api';

interface StoredRow {
  table: string;
  id: string;
  fields: Record<string, unknown>;
  versions: Record<string, number>;
  hlcs: Record<string, string>;
  deleted: boolean;
  version: number;
}

export class FakeServer {
  version = 0;
  rows = new Map<string, StoredRow>();
  devices = new Map<string, { lastSeq: number; results: Map<number, PushResult & { storedMid: string }> }>();
  conflicts: (ServerConflict & { resolvedAt?: string })[] = [];
  /** return a reason to reject a mutation */
  rejectIf?: (m: PushRequest['mutations'][number]) => string | undefined;
  revoked = new Set<string>();
  pushes: PushRequest[] = [];
  pulls: PullRequest[] = [];
  /** reads the columns forms (src/protocol/push-columns.ts) and says so; off: an older server, which answers 400 to them */
  readsColumns = false;
  /** the columns forms it reads, when it reads any (a server of the last version read 'columns' only) */
  columnsForms: string[] = [COLUMNS_FORM, FIELD_COLUMNS_FORM];
  /** the form of each push body received ('plain', 'columns' or 'field-columns') */
  forms: string[] = [];

  transport(deviceId: string): SyncTransport {
    const auth = () => {
      if (this.revoked.has(deviceId)) throw new AuthError('token_revoked', 'revoked');
    };
    return {
      push: async (req) => {
        auth();
        const body = clone(req);
        this.forms.push('form' in body ? body.form : 'plain');
        if ('form' in body && !(this.readsColumns && this.columnsForms.includes(body.form))) throw new HttpError(400, 'invalid_body', 'mutations: expected array');
        const answer = this.push('form' in body ? (expandColumns(body as never) as PushRequest) : body);
        return clone(this.readsColumns ? { ...answer, pushForms: this.columnsForms } : answer);
      },
      pull: async (req) => {
        auth();
        const answer = this.pull(req, deviceId);
        return clone(this.readsColumns ? { ...answer, pushForms: this.columnsForms } : answer);
      },
      openConflicts: async () => {
        auth();
        return clone(this.conflicts.filter((c) => !c.resolvedAt));
      },
      resolveConflict: async (id) => {
        auth();
        const c = this.conflicts.find((x) => x.id === id);
        if (c) c.resolvedAt ??= new Date().toISOString();
      },
    };
  }

  push(req: PushRequest): PushResponse {
    this.pushes.push(req);
    let dev = this.devices.get(req.deviceId);
    if (!dev) this.devices.set(req.deviceId, (dev = { lastSeq: 0, results: new Map() }));
    const results: PushResult[] = [];
    for (const m of req.mutations) {
      if (m.seq <= dev.lastSeq) {
        const stored = dev.results.get(m.seq)!;
        const { storedMid: _, ...r } = stored;
        results.push(r.status === 'rejected' ? r : { ...r, status: 'duplicate' });
        continue;
      }
      if (m.seq > dev.lastSeq + 1) {
        results.push({ mid: m.mid, status: 'gap' });
        break;
      }
      const reason = this.rejectIf?.(m);
      let result: PushResult;
      if (reason) result = { mid: m.mid, status: 'rejected', error: reason };
      else result = this.apply(m, req.deviceId);
      dev.lastSeq = m.seq;
      dev.results.set(m.seq, { ...result, storedMid: m.mid });
      results.push(result);
    }
    return { results, lastSeq: dev.lastSeq };
  }

  private apply(m: PushRequest['mutations'][number], deviceId: string): PushResult {
    const key = `${m.table}:${m.rowId}`;
    const row = this.rows.get(key) ?? { table: m.table, id: m.rowId, fields: {}, versions: {}, hlcs: {}, deleted: false, version: 0 };
    const writes: Record<string, unknown> = {};
    let conflictId: string | undefined;
    for (const [f, v] of Object.entries(m.fields)) {
      const cur = row.versions[f] ?? 0;
      const base = m.base[f] ?? 0;
      if (cur === base) {
        writes[f] = v;
        continue;
      }
      if (JSON.stringify(row.fields[f] ?? null) === JSON.stringify(v ?? null)) continue;
      const mineWins = m.hlc > (row.hlcs[f] ?? '');
      const id = `c${this.conflicts.length + 1}`;
      conflictId ??= id;
      const otherDevice = (row.hlcs[f] ?? '').split(':').slice(2).join(':');
      this.conflicts.push({
        id,
        table: m.table,
        rowId: m.rowId,
        field: f,
        winnerValue: mineWins ? v : (row.fields[f] ?? null),
        loserValue: mineWins ? (row.fields[f] ?? null) : v,
        winnerDeviceId: mineWins ? deviceId : otherDevice,
        loserDeviceId: mineWins ? otherDevice : deviceId,
        createdAt: new Date().toISOString(),
      });
      if (mineWins) writes[f] = v;
    }
    if (Object.keys(writes).length) {
      this.version++;
      for (const [f, v] of Object.entries(writes)) {
        if (f === 'deleted') row.deleted = v as boolean;
        else if (v === null) delete row.fields[f];
        else row.fields[f] = v;
        row.versions[f] = this.version;
        row.hlcs[f] = m.hlc;
      }
      row.version = this.version;
      this.rows.set(key, row);
    }
    if (conflictId) return { mid: m.mid, status: 'conflict', conflictId, version: row.version };
    // as the real server: a change that wrote nothing answers no version (docs/sync-api.md)
    return Object.keys(writes).length ? { mid: m.mid, status: 'applied', version: row.version } : { mid: m.mid, status: 'applied' };
  }

  pull(req: PullRequest, deviceId: string): PullResponse {
    this.pulls.push(req);
    const limit = req.limit ?? 1000;
    const sorted = [...this.rows.values()].filter((r) => r.version > req.cursor).sort((a, b) => a.version - b.version);
    const page = sorted.slice(0, limit);
    const rows: PulledRow[] = page.map((r) => ({
      table: r.table as PulledRow['table'],
      id: r.id,
      fields: { ...r.fields },
      versions: { ...r.versions },
      deleted: r.deleted,
      version: r.version,
    }));
    return {
      rows,
      cursor: page.length ? page[page.length - 1].version : req.cursor,
      hasMore: sorted.length > page.length,
      deviceLastSeq: this.devices.get(deviceId)?.lastSeq ?? 0,
    };
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
