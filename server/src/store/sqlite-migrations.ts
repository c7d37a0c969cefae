// SQLite schema history. Append only: a released migration is never edited, a change is a
// new entry with the next version. Each runs in its own transaction (see sqlite.ts).
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
];
