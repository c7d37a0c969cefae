// The SQLite store on a real file: durability settings, migrations, stable server identity.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME, openSqliteStore, type SqliteStore } from '../../../server/src/store/sqlite';
import { sqliteMigrations, type SqliteMigration } from '../../../server/src/store/sqlite-migrations';

let tempRoot: string;
let dataDir: string;
const opened: SqliteStore[] = [];

function open(migrations?: readonly SqliteMigration[]): SqliteStore {
  const store = openSqliteStore({ dataDir, migrations });
  opened.push(store);
  return store;
}

beforeEach(() => {
  // A nested, not yet existing folder: the store must create it.
  tempRoot = mkdtempSync(path.join(tmpdir(), 'scd-store-'));
  dataDir = path.join(tempRoot, 'nested', 'data');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  rmSync(tempRoot, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  it('creates DATA_DIR and the database file', () => {
    const store = open();
    expect(store.filePath).toBe(path.join(dataDir, SQLITE_FILE_NAME));
    expect(existsSync(store.filePath)).toBe(true);
  });

  it('uses WAL, synchronous=FULL and foreign keys on its connection', () => {
    const store = open();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leaves the file in WAL mode for any other connection (e.g. a backup)', async () => {
    const store = open();
    await store.close();
    const other = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('health() answers while open and fails after close()', async () => {
    const store = open();
    expect(await store.health()).toMatchObject({ answers: true, writable: true });
    await store.close();
    await store.close(); // idempotent
    expect(await store.health()).toMatchObject({ answers: false });
  });

  it('keeps the server id and creation time across reopen, and migrates only once', async () => {
    const first = open();
    const meta = await first.meta();
    expect(meta.serverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(meta.createdAt))).toBe(false);
    await first.close();

    const second = open();
    expect(await second.meta()).toEqual(meta);
    const versions = second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(sqliteMigrations.map((m) => m.version));
  });

  it('two data folders get different server ids', async () => {
    const a = await open().meta();
    dataDir = path.join(dataDir, 'other');
    const b = await open().meta();
    expect(a.serverId).not.toBe(b.serverId);
  });

  it('migration 3 (rows as a rowid table) keeps every synced row of a migration-2 database', async () => {
    const v2 = open(sqliteMigrations.slice(0, 2));
    v2.db.prepare("INSERT INTO units (id, name, created_at) VALUES ('unit-0001', 'Chi đoàn', 'now')").run();
    const insert = v2.db.prepare("INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version) VALUES ('unit-0001', 'members', ?, ?, '{}', '{}', ?, ?)");
    insert.run('member-0001', '{"fullName":"An"}', 0, 1);
    insert.run('member-0002', '{"fullName":"Bình"}', 1, 2);
    await v2.close();
    const v3 = open(sqliteMigrations.slice(0, 3));
    expect(v3.db.prepare('SELECT id, data, deleted, version FROM rows ORDER BY version').all()).toEqual([
      { id: 'member-0001', data: '{"fullName":"An"}', deleted: 0, version: 1 },
      { id: 'member-0002', data: '{"fullName":"Bình"}', deleted: 1, version: 2 },
    ]);
    expect(() => v3.db.prepare("INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, version) VALUES ('unit-0001', 'members', 'member-0009', '{}', '{}', '{}', 2)").run()).toThrow(/UNIQUE/);
    await v3.close();
    // the rows pull on the newest schema
    const pulled = await open().pull('unit-0001', 0, 10, 1e9);
    expect(pulled.rows.filter((r) => r.table === 'members').map((r) => r.id)).toEqual(['member-0001', 'member-0002']);
  });
});

describe('migration 4: every unit has its own record', () => {
  it('seeds the admin\'s name and cấp trên, or copies the record a phone pushed under its own id', async () => {
    const v3 = open(sqliteMigrations.slice(0, 3));
    const unit = v3.db.prepare('INSERT INTO units (id, name, parent_unit, version, created_at) VALUES (?, ?, ?, ?, ?)');
    unit.run('unit-server-a', 'Chi đoàn Khu phố 3', 'Đoàn phường 7', 0, '2026-01-05T00:00:00.000Z');
    unit.run('unit-server-b', 'Chi đoàn B (tên của cấp trên)', null, 2, '2026-01-06T00:00:00.000Z');
    const row = v3.db.prepare("INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version) VALUES ('unit-server-b', ?, ?, ?, ?, ?, 0, ?)");
    const phoneStamp = '1767657600000:0003:phone-of-secretary';
    const typed = { name: 'Chi đoàn Trường THPT B', kind: 'branch', parentUnit: 'Đoàn xã B', subGroups: ['12A1'], term: '2025–2027', createdAt: '2026-01-01T00:00:00.000Z' };
    row.run('units', 'local-unit-of-phone', JSON.stringify(typed), JSON.stringify({ name: 1, kind: 1, parentUnit: 1, subGroups: 1, term: 1, createdAt: 1 }), JSON.stringify({ 1: phoneStamp }), 1);
    row.run('members', 'member-0001', '{"fullName":"An"}', '{"fullName":2}', '{"2":"x"}', 2);
    await v3.close();

    const v4 = open();
    const a = await v4.pull('unit-server-a', 0, 10, 1e9);
    expect(a.unitVersion).toBe(1);
    expect(a.rows.map((r) => [r.table, r.id, JSON.parse(String(r.fieldsJson))])).toEqual([
      ['units', 'unit-server-a', { name: 'Chi đoàn Khu phố 3', kind: 'branch', subGroups: [], createdAt: '2026-01-05T00:00:00.000Z', parentUnit: 'Đoàn phường 7' }],
    ]);
    const b = await v4.pull('unit-server-b', 2, 10, 1e9);
    expect(b.unitVersion).toBe(3);
    expect(b.rows.map((r) => [r.id, JSON.parse(String(r.fieldsJson)), r.version])).toEqual([['unit-server-b', typed, 3]]);
    const hlcs = v4.db.prepare("SELECT hlcs FROM rows WHERE unit_id = 'unit-server-b' AND id = 'unit-server-b'").pluck().get() as string;
    expect(JSON.parse(hlcs)).toEqual({ 3: phoneStamp });
  });
});

describe('migrations', () => {
  const next = sqliteMigrations.length + 1;
  const failing: SqliteMigration = {
    version: next,
    name: 'half-done',
    up(db) {
      db.exec('CREATE TABLE half_done (id TEXT PRIMARY KEY)');
      throw new Error('boom in the middle');
    },
  };
  const working: SqliteMigration = {
    version: next,
    name: 'widgets',
    up(db) {
      db.exec('CREATE TABLE widgets (id TEXT PRIMARY KEY)');
    },
  };

  it('a failing migration leaves nothing behind and the next start applies the fixed one', async () => {
    expect(() => open([...sqliteMigrations, failing])).toThrow('boom in the middle');
    const store = open([...sqliteMigrations, working]);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('widgets');
    expect(tables).not.toContain('half_done');
    expect(store.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(next);
  });

  it('refuses a database written by a newer server instead of ignoring its schema', async () => {
    const newer = open([...sqliteMigrations, working]);
    await newer.close();
    expect(() => open(sqliteMigrations)).toThrow(/newer than this server knows/);
  });

  it('refuses a migration list with gaps', () => {
    expect(() => open([...sqliteMigrations, { ...working, version: next + 3 }])).toThrow(new RegExp(`expected ${next}`));
  });
});
