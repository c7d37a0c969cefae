// Postgres schema history, numbered like sqlite-migrations.ts so one number means one change on
// both stores. Append only: a released migration is never edited. Each runs in its own
// transaction under the migration lock (postgres-connection.ts runPgMigrations).
//
// Every table whose rows belong to a unit has unit_id leading its primary key, and every
// statement of a push or a pull names one unit: the tables can be distributed by unit_id on
// Citus without changing a query of the sync path (docs/scaling.md).
// The keys of the sync path's tables (ids, table names, mids) compare as bytes (COLLATE "C"):
// they are identifiers, never sorted for people, and a database created with a language
// locale would otherwise compare every key of every push through that locale's rules.
// JSON is kept as text, not jsonb: the pull splices the stored text into its answer unparsed,
// and jsonb would reorder keys and cost a parse on every write.
import { randomUUID } from 'node:crypto';
import type { PgClient } from './postgres-connection';

export interface PgMigration {
  version: number;
  name: string;
  up(c: PgClient): Promise<void>;
}

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: 'meta',
    async up(c) {
      await c.query('CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)');
      await c.query('INSERT INTO meta (key, value) VALUES ($1, $2), ($3, $4)', ['server_id', randomUUID(), 'created_at', new Date().toISOString()]);
    },
  },
  {
    version: 2,
    name: 'sync',
    async up(c) {
      await c.query(`
        CREATE TABLE accounts (
          id text PRIMARY KEY,
          username text NOT NULL UNIQUE,
          role text NOT NULL CHECK (role IN ('admin', 'supervisor')),
          password_hash text NOT NULL,
          created_at text NOT NULL
        );
        CREATE TABLE sessions (
          token_hash bytea PRIMARY KEY,
          account_id text NOT NULL REFERENCES accounts(id),
          created_at text NOT NULL,
          expires_at text NOT NULL
        );
        CREATE INDEX sessions_by_account ON sessions (account_id);
        CREATE TABLE units (
          id text PRIMARY KEY,
          name text NOT NULL,
          parent_unit text,
          version bigint NOT NULL DEFAULT 0,
          created_at text NOT NULL
        );
        CREATE TABLE account_units (
          account_id text NOT NULL REFERENCES accounts(id),
          unit_id text NOT NULL REFERENCES units(id),
          PRIMARY KEY (account_id, unit_id)
        );
        CREATE TABLE devices (
          unit_id text NOT NULL REFERENCES units(id),
          id text NOT NULL,
          name text NOT NULL,
          role text NOT NULL CHECK (role IN ('secretary', 'deputy', 'viewer', 'supervisor')),
          token_hash bytea NOT NULL UNIQUE,
          last_seq bigint NOT NULL DEFAULT 0,
          created_at text NOT NULL,
          last_seen_at text,
          revoked_at text,
          PRIMARY KEY (unit_id, id)
        );
        -- a device id is global today (docs/scaling.md: dropped when distributed by unit)
        CREATE UNIQUE INDEX devices_id ON devices (id);
        CREATE TABLE invites (
          code_hash bytea PRIMARY KEY,
          unit_id text NOT NULL REFERENCES units(id),
          role text NOT NULL CHECK (role IN ('secretary', 'deputy', 'viewer', 'supervisor')),
          created_by text NOT NULL,
          created_at text NOT NULL,
          expires_at text NOT NULL,
          used_at text,
          used_by_device text
        );
        CREATE TABLE rows (
          unit_id text COLLATE "C" NOT NULL,
          tbl text COLLATE "C" NOT NULL,
          id text COLLATE "C" NOT NULL,
          data text NOT NULL,
          versions text NOT NULL,
          hlcs text NOT NULL,
          deleted boolean NOT NULL DEFAULT false,
          version bigint NOT NULL,
          PRIMARY KEY (unit_id, tbl, id)
        );
        CREATE UNIQUE INDEX rows_by_version ON rows (unit_id, version);
        CREATE TABLE mutation_results (
          unit_id text COLLATE "C" NOT NULL,
          device_id text COLLATE "C" NOT NULL,
          seq bigint NOT NULL,
          mid text COLLATE "C",
          result text NOT NULL,
          PRIMARY KEY (unit_id, device_id, seq)
        );
        CREATE UNIQUE INDEX mutation_results_by_mid ON mutation_results (unit_id, mid);
        CREATE TABLE conflicts (
          unit_id text NOT NULL,
          id text NOT NULL,
          n bigint GENERATED ALWAYS AS IDENTITY,
          tbl text NOT NULL,
          row_id text NOT NULL,
          field text NOT NULL,
          kind text NOT NULL,
          winner_value text NOT NULL,
          loser_value text NOT NULL,
          winner_device text NOT NULL,
          loser_device text NOT NULL,
          winner_hlc text NOT NULL,
          loser_hlc text NOT NULL,
          mid text NOT NULL,
          version bigint NOT NULL,
          created_at text NOT NULL,
          resolved_at text,
          resolved_by text,
          resolved_keep text,
          PRIMARY KEY (unit_id, id)
        );
        CREATE INDEX conflicts_by_unit ON conflicts (unit_id, created_at, n);
      `);
    },
  },
  {
    version: 3,
    name: 'rows-rowid',
    async up() {
      // SQLite only (a rowid table for rows); the Postgres table of migration 2 is already a heap.
    },
  },
  {
    version: 4,
    name: 'unit-records',
    async up() {
      // SQLite only: seeds the unit's own record for units created before it. No Postgres
      // database predates it — createUnit has written the record from the start.
    },
  },
  {
    version: 5,
    name: 'files',
    async up(c) {
      await c.query(`
        CREATE TABLE files (
          unit_id text NOT NULL REFERENCES units(id),
          sha256 text NOT NULL CHECK (length(sha256) = 64),
          bytes bigint NOT NULL CHECK (bytes > 0),
          created_at text NOT NULL,
          PRIMARY KEY (unit_id, sha256)
        );
      `);
    },
  },
  {
    version: 6,
    name: 'unit tree',
    async up(c) {
      await c.query(`
        ALTER TABLE units ADD COLUMN parent_id text REFERENCES units(id);
        ALTER TABLE units ADD COLUMN in_charge text;
        CREATE INDEX units_parent ON units (parent_id);
      `);
    },
  },
  {
    version: 7,
    name: 'supervisor devices by account',
    async up(c) {
      await c.query('ALTER TABLE devices ADD COLUMN account_id text REFERENCES accounts(id)');
    },
  },
  {
    version: 8,
    name: 'rate limit failures',
    async up(c) {
      await c.query(`
        CREATE TABLE rate_failures (
          key text NOT NULL,
          at bigint NOT NULL
        );
        CREATE INDEX rate_failures_by_key ON rate_failures (key, at);
        CREATE INDEX rate_failures_by_time ON rate_failures (at);
      `);
    },
  },
];
