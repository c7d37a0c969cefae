// SQLite schema history. Append only: a released migration is never edited, a change is a
// new entry with the next version. Each runs in its own transaction (see runMigrations in
// sqlite-connection.ts).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'meta',
    up(db) {
      db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
      const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insert.run('server_id', randomUUID());
      insert.run('created_at', new Date().toISOString());
    },
  },
  {
    version: 2,
    name: 'sync',
    up(db) {
      // Accounts of cấp trên (admin, supervisor); passwords as scrypt strings, session tokens
      // as sha256 only. Devices hold one unit's token (sha256), their role and lastSeq.
      db.exec(`
        CREATE TABLE accounts (
          id TEXT PRIMARY KEY,
          username TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor')),
          password_hash TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
          token_hash BLOB PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_by_account ON sessions(account_id);
        CREATE TABLE units (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          parent_unit TEXT,
          version INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE account_units (
          account_id TEXT NOT NULL REFERENCES accounts(id),
          unit_id TEXT NOT NULL REFERENCES units(id),
          PRIMARY KEY (account_id, unit_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE devices (
          id TEXT PRIMARY KEY,
          unit_id TEXT NOT NULL REFERENCES units(id),
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy', 'viewer', 'supervisor')),
          token_hash BLOB NOT NULL UNIQUE,
          last_seq INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          last_seen_at TEXT,
          revoked_at TEXT
        ) STRICT;
        CREATE INDEX devices_by_unit ON devices(unit_id);
        CREATE TABLE invites (
          code_hash BLOB PRIMARY KEY,
          unit_id TEXT NOT NULL REFERENCES units(id),
          role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy', 'viewer', 'supervisor')),
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          used_at TEXT,
          used_by_device TEXT
        ) STRICT;
        CREATE TABLE rows (
          unit_id TEXT NOT NULL,
          tbl TEXT NOT NULL,
          id TEXT NOT NULL,
          data TEXT NOT NULL,
          versions TEXT NOT NULL,
          hlcs TEXT NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL,
          PRIMARY KEY (unit_id, tbl, id)
        ) STRICT, WITHOUT ROWID;
        CREATE UNIQUE INDEX rows_by_version ON rows(unit_id, version);
        CREATE TABLE mutation_results (
          unit_id TEXT NOT NULL,
          device_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          mid TEXT,
          result TEXT NOT NULL,
          PRIMARY KEY (device_id, seq)
        ) STRICT, WITHOUT ROWID;
        CREATE UNIQUE INDEX mutation_results_by_mid ON mutation_results(unit_id, mid);
        CREATE TABLE conflicts (
          id TEXT PRIMARY KEY,
          unit_id TEXT NOT NULL,
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          field TEXT NOT NULL,
          kind TEXT NOT NULL,
          winner_value TEXT NOT NULL,
          loser_value TEXT NOT NULL,
          winner_device TEXT NOT NULL,
          loser_device TEXT NOT NULL,
          winner_hlc TEXT NOT NULL,
          loser_hlc TEXT NOT NULL,
          mid TEXT NOT NULL,
          version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          resolved_at TEXT,
          resolved_by TEXT,
          resolved_keep TEXT
        ) STRICT;
        CREATE INDEX conflicts_by_unit ON conflicts(unit_id, created_at);
      `);
    },
  },
  {
    version: 3,
    name: 'rows-rowid',
    up(db) {
      // Rows hold a whole record (often 300–600 bytes of JSON): an ordinary rowid table with
      // a unique key index writes ~15-20% faster under push than the WITHOUT ROWID table of
      // migration 2 (measured with B6's batches), and keeps the version index entries small.
      db.exec(`
        CREATE TABLE rows_new (
          unit_id TEXT NOT NULL,
          tbl TEXT NOT NULL,
          id TEXT NOT NULL,
          data TEXT NOT NULL,
          versions TEXT NOT NULL,
          hlcs TEXT NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL,
          UNIQUE (unit_id, tbl, id)
        ) STRICT;
        INSERT INTO rows_new (unit_id, tbl, id, data, versions, hlcs, deleted, version)
          SELECT unit_id, tbl, id, data, versions, hlcs, deleted, version FROM rows ORDER BY unit_id, version;
        DROP TABLE rows;
        ALTER TABLE rows_new RENAME TO rows;
        CREATE UNIQUE INDEX rows_by_version ON rows(unit_id, version);
      `);
    },
  },
  {
    version: 4,
    name: 'unit-records',
    up(db) {
      // Every unit gets its own record (server/src/sync/unit-record.ts: the `units` row whose id
      // is the unit's id), which units created before had only if a phone had pushed one, under
      // that phone's local id. Where such a row exists, the one written last is copied with the
      // stamp of its last write (so the details the secretary typed are not a placeholder and a
      // concurrent edit conflicts as usual); else the admin's name and cấp trên are seeded with
      // the seed stamp. Written out here, not imported: a migration must not change with later code.
      const SEED_STAMP = '0000000000000:0000:server-seed';
      type UnitRow = { id: string; name: string; parent_unit: string | null; version: number; created_at: string };
      const units = db.prepare('SELECT id, name, parent_unit, version, created_at FROM units').all() as UnitRow[];
      const hasRecord = db.prepare("SELECT 1 FROM rows WHERE unit_id = ? AND tbl = 'units' AND id = ?");
      const newestOther = db.prepare("SELECT data, hlcs, version FROM rows WHERE unit_id = ? AND tbl = 'units' AND deleted = 0 ORDER BY version DESC LIMIT 1");
      const maxVersion = db.prepare('SELECT max(version) FROM rows WHERE unit_id = ?').pluck();
      const insert = db.prepare("INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version) VALUES (?, 'units', ?, ?, ?, ?, 0, ?)");
      const bump = db.prepare('UPDATE units SET version = ? WHERE id = ?');
      for (const u of units) {
        if (hasRecord.get(u.id, u.id)) continue;
        const version = Math.max(u.version, (maxVersion.get(u.id) as number | null) ?? 0) + 1;
        const other = newestOther.get(u.id) as { data: string; hlcs: string; version: number } | undefined;
        let data: Record<string, unknown>;
        let stamp = SEED_STAMP;
        if (other) {
          data = JSON.parse(other.data) as Record<string, unknown>;
          stamp = (JSON.parse(other.hlcs) as Record<string, string>)[other.version] ?? SEED_STAMP;
        } else {
          data = { name: u.name, kind: 'branch', subGroups: [], createdAt: u.created_at };
          if (u.parent_unit) data.parentUnit = u.parent_unit;
        }
        const versions = Object.fromEntries(Object.keys(data).map((field) => [field, version]));
        insert.run(u.id, u.id, JSON.stringify(data), JSON.stringify(versions), JSON.stringify({ [version]: stamp }), version);
        bump.run(version, u.id);
      }
    },
  },
  {
    version: 5,
    name: 'files',
    up(db) {
      // Photos kept on disk (server/src/files/blob-files.ts), one row per unit and blob: the
      // unit's usage against its quota is the sum of bytes, and a blob is stored once per unit.
      db.exec(`
        CREATE TABLE files (
          unit_id TEXT NOT NULL REFERENCES units(id),
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          bytes INTEGER NOT NULL CHECK (bytes > 0),
          created_at TEXT NOT NULL,
          PRIMARY KEY (unit_id, sha256)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 6,
    name: 'unit tree',
    up(db) {
      // The unit tree (issue 11): a unit's parent by id (parent_unit stays the name printed on
      // documents), and the cadre of the level above in charge of it (phụ trách).
      db.exec(`
        ALTER TABLE units ADD COLUMN parent_id TEXT REFERENCES units(id);
        ALTER TABLE units ADD COLUMN in_charge TEXT;
        CREATE INDEX units_parent ON units (parent_id);
      `);
    },
  },
  {
    version: 7,
    name: 'supervisor devices by account',
    up(db) {
      // Which supervisor account enrolled a supervisor's phone (issue 11): when the account
      // loses a unit (unassigned, or the unit moved out from under its units) the phone's
      // device in that unit is revoked. Phones of the unit itself (invited) have none.
      db.exec('ALTER TABLE devices ADD COLUMN account_id TEXT REFERENCES accounts(id);');
    },
  },
  {
    version: 8,
    name: 'rate limit failures',
    up(db) {
      // Failed sign-ins and invite codes (server/src/auth/rate-limit.ts), kept in the database
      // so that every server process on it counts the same attempts (issue 12).
      db.exec(`
        CREATE TABLE rate_failures (
          key TEXT NOT NULL,
          at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX rate_failures_by_key ON rate_failures (key, at);
        CREATE INDEX rate_failures_by_time ON rate_failures (at);
      `);
    },
  },
];
