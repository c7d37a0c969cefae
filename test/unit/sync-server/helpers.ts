// Fixtures for the sync server tests: a real server on loopback with a real database, a small
// JSON client, and simulated devices that build mutations the way src/data/outbox.ts does (only
// changed fields, a base per field, createdAt on a new row, {deleted:true} to delete).
// The store is the project's (vitest.config.ts): SYNC_STORE=postgres gives each test server a
// database of its own on the run's throwaway cluster, else a SQLite file in a temp folder.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../server/src/store/sqlite';
import { createDatabaseAt } from '../../pg/cluster';
import { makeWorkspace, type TempWorkspace } from '../server/helpers';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/src/server';
import type { Mutation, SyncedTable } from '../../../src/protocol/outbox';
import type { PulledRow, PushResponse, Role } from '../../../src/protocol/sync';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../src/protocol/sync';
import { uuidv7 } from '../../../src/lib/ids';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  server: RunningServer;
  workspace: TempWorkspace;
  url: string;
  api: Api;
  /** which store this run's project uses */
  storeKind: StoreKind;
  /** postgres:// of this server's own database (postgres only) */
  databaseUrl?: string;
  /**
   * Reads the server's database directly (what tests check is stored, not what the API says):
   * `?` placeholders on both stores; booleans come back as 0/1 on SQLite, true/false on Postgres.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KIND: StoreKind = process.env.SYNC_STORE === 'postgres' ? 'postgres' : 'sqlite';

let databases = 0;
/** A fresh database for one test server (postgres), or undefined (SQLite: its temp folder). */
export async function testDatabaseUrl(): Promise<string | undefined> {
  if (STORE_KIND !== 'postgres') return undefined;
  return createDatabaseAt(inject('pgAdminUrl'), `scd_${process.pid}_${Date.now().toString(36)}_${databases++}`);
}

/** The first column of the first row (a count, a version). */
export async function scalar<T = unknown>(rows: Promise<Record<string, unknown>[]>): Promise<T> {
  const first = (await rows)[0];
  return (first ? Object.values(first)[0] : undefined) as T;
}

/** Runs one statement on a database directly (see TestServer.query). */
export async function queryDatabase<R>(target: { dataDir: string; databaseUrl?: string }, sql: string, params: unknown[] = []): Promise<R[]> {
  if (target.databaseUrl) {
    // int8 (counts, versions) as numbers, as the store reads them
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
    const client = new pg.Client({ connectionString: target.databaseUrl, types });
    await client.connect();
    try {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(target.dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as R[];
  } finally {
    db.close();
  }
}

export const RELAXED_LIMITS = {
  loginPerUser: { max: 1_000_000, windowMs: 1000 },
  loginPerIp: { max: 1_000_000, windowMs: 1000 },
  joinPerIp: { max: 1_000_000, windowMs: 1000 },
};

export async function startTestSyncServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const workspace = makeWorkspace();
  const databaseUrl = options.databaseUrl ?? (await testDatabaseUrl());
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: workspace.dataDir, distDir: workspace.distDir, rateLimits: RELAXED_LIMITS, databaseUrl, ...options });
  return {
    server,
    workspace,
    url: server.url,
    api: new Api(server.url),
    storeKind: STORE_KIND,
    databaseUrl,
    query: (sql, params) => queryDatabase({ dataDir: workspace.dataDir, databaseUrl }, sql, params),
    close: async () => {
      await server.close();
      workspace.remove();
    },
  };
}

export class Api {
  constructor(public url: string) {}

  async request<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string>; gzip?: boolean } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      const json = JSON.stringify(opts.body);
      if (opts.gzip) {
        headers['Content-Encoding'] = 'gzip';
        body = new Uint8Array(gzipSync(json));
      } else body = json;
    }
    const res = await fetch(this.url + '/api/v1' + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: the test will say so */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, token?: string) => this.request<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('POST', path, { token, body });
}

export function expectOk<T>(a: Answer<T>, status = 200): T {
  if (a.status !== status) throw new Error(`expected HTTP ${status}, got ${a.status}: ${JSON.stringify(a.body)}`);
  return a.body;
}

/** First admin of a fresh server (or sign-in if it exists). */
export async function adminToken(api: Api, username = 'admin', password = 'mật khẩu an toàn'): Promise<string> {
  const setup = await api.post('/setup', { username, password });
  if (setup.status === 201) return setup.body.token;
  return expectOk(await api.post('/login', { username, password })).token;
}

export async function createUnit(api: Api, admin: string, name = 'Chi đoàn 12A1'): Promise<string> {
  return expectOk(await api.post('/units', { name, parentUnit: 'Đoàn trường THPT Chu Văn An' }, admin), 201).id;
}

export async function invite(api: Api, token: string, unitId: string, role: Role): Promise<string> {
  return expectOk(await api.post(`/units/${unitId}/invites`, { role }, token), 201).code;
}

export async function joinDevice(api: Api, admin: string, unitId: string, role: Role = 'secretary', name = 'Điện thoại'): Promise<Device> {
  const code = await invite(api, admin, unitId, role);
  const deviceId = `dev-${randomUUID()}`;
  const joined = expectOk(await api.post('/join', { code, deviceName: name, deviceId }));
  return new Device(api, unitId, deviceId, joined.deviceToken, role);
}

/** One unit with an admin, ready for devices. */
export async function freshUnit(api: Api): Promise<{ admin: string; unitId: string }> {
  const admin = await adminToken(api);
  return { admin, unitId: await createUnit(api, admin) };
}

type Fields = Record<string, unknown>;

/**
 * A phone: keeps the rows it knows (fields + rev), an outbox with gap-free seqs and an HLC
 * whose clock can be skewed. Mirrors src/data/outbox.ts closely enough to exercise the server.
 */
export class Device {
  seq = 0;
  cursor = 0;
  clockOffsetMs = 0;
  private hlcMs = 0;
  private hlcCounter = 0;
  outbox: Mutation[] = [];
  rows = new Map<string, { table: SyncedTable; id: string; fields: Fields; rev: Record<string, number>; deleted: boolean }>();

  constructor(
    public api: Api,
    public unitId: string,
    public deviceId: string,
    public token: string,
    public role: Role,
  ) {}

  private stamp(): string {
    const now = Date.now() + this.clockOffsetMs;
    if (now > this.hlcMs) {
      this.hlcMs = now;
      this.hlcCounter = 0;
    } else this.hlcCounter++;
    return `${String(this.hlcMs).padStart(13, '0')}:${String(this.hlcCounter).padStart(4, '0')}:${this.deviceId}`;
  }

  private key(table: string, id: string) {
    return `${table}/${id}`;
  }

  /** Queues an upsert of the changed fields (a new row also sends createdAt). */
  upsert(table: SyncedTable, id: string, patch: Fields): Mutation {
    const prev = this.rows.get(this.key(table, id));
    const fields: Fields = {};
    for (const [k, v] of Object.entries(patch)) if (!prev || JSON.stringify(prev.fields[k]) !== JSON.stringify(v)) fields[k] = v;
    if (prev?.deleted) fields.deleted = false;
    const base: Record<string, number> = {};
    for (const f of Object.keys(fields)) base[f] = prev?.rev[f] ?? 0;
    if (!prev) fields.createdAt = new Date(Date.now() + this.clockOffsetMs).toISOString();
    const row = prev ?? { table, id, fields: {}, rev: {}, deleted: false };
    Object.assign(row.fields, patch);
    row.deleted = false;
    this.rows.set(this.key(table, id), row);
    return this.queue({ table, rowId: id, op: 'upsert', fields, base });
  }

  delete(table: SyncedTable, id: string): Mutation {
    const prev = this.rows.get(this.key(table, id));
    if (prev) prev.deleted = true;
    return this.queue({ table, rowId: id, op: 'delete', fields: { deleted: true }, base: { deleted: prev?.rev.deleted ?? 0 } });
  }

  /** Queues any mutation body (for malformed ones too): mid, seq and hlc are filled in. */
  queue(m: Partial<Mutation> & Record<string, unknown>): Mutation {
    const entry = { mid: uuidv7(), seq: ++this.seq, hlc: this.stamp(), ...m } as Mutation;
    this.outbox.push(entry);
    return entry;
  }

  pushBody(mutations: Mutation[]) {
    return { protocol: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: this.deviceId, mutations };
  }

  async pushRaw(mutations: Mutation[], opts: { gzip?: boolean } = {}): Promise<Answer<PushResponse>> {
    return this.api.request<PushResponse>('POST', `/units/${this.unitId}/push`, { token: this.token, body: this.pushBody(mutations), gzip: opts.gzip });
  }

  /** Pushes the outbox in batches until empty, removing acknowledged entries like the client. */
  async sync(batch = 1000): Promise<PushResponse['results']> {
    const all: PushResponse['results'] = [];
    while (this.outbox.length) {
      const res = expectOk(await this.pushRaw(this.outbox.slice(0, batch)));
      all.push(...res.results);
      const done = new Set(res.results.filter((r) => r.status !== 'gap').map((r) => r.mid));
      this.outbox = this.outbox.filter((m) => !done.has(m.mid) && m.seq > res.lastSeq);
      if (res.results.some((r) => r.status === 'gap')) throw new Error(`gap at lastSeq ${res.lastSeq}`);
    }
    await this.pullAll();
    return all;
  }

  /** Pulls until hasMore is false; pulled rows replace what the device knows. */
  async pullAll(limit = 1000): Promise<PulledRow[]> {
    const got: PulledRow[] = [];
    for (;;) {
      const page = expectOk(await this.api.post(`/units/${this.unitId}/pull`, { cursor: this.cursor, limit }, this.token));
      for (const r of page.rows as PulledRow[]) {
        got.push(r);
        this.rows.set(this.key(r.table, r.id), { table: r.table, id: r.id, fields: { ...r.fields }, rev: { ...r.versions }, deleted: r.deleted });
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return got;
    }
  }

  row(table: SyncedTable, id: string) {
    return this.rows.get(this.key(table, id));
  }
}

/**
 * Every row phones pushed to a unit, as the server has it (pulled from 0 with an admin token).
 * The unit's own record, seeded when the admin created it (version 1), is left out unless asked.
 */
export async function serverRows(api: Api, token: string, unitId: string, opts: { withUnitRecord?: boolean } = {}): Promise<Map<string, PulledRow>> {
  const rows = new Map<string, PulledRow>();
  let cursor = 0;
  for (;;) {
    const page = expectOk(await api.post(`/units/${unitId}/pull`, { cursor, limit: 1000 }, token));
    for (const r of page.rows as PulledRow[]) {
      if (opts.withUnitRecord || !(r.table === 'units' && r.id === unitId)) rows.set(`${r.table}/${r.id}`, r);
    }
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

export const memberId = () => uuidv7();
export const newMember = (fullName: string): Fields => ({ fullName, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' });

/** A fixed fast-check seed, from FC_SEED when set, printed with every failure by fast-check itself. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20251128);
