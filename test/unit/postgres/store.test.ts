// What only the Postgres store has (issue 12): migrations under an advisory lock, transient
// errors answered 503 with Retry-After (a lock wait timed out, a connection killed by an admin),
// a read-only database and one that refuses connections reported by /health, and start-up
// errors in plain words. The sync behaviour itself is test/unit/sync-server, run on both stores.
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PostgresStore } from '../../../server/src/store/postgres';
import { pgMigrations } from '../../../server/src/store/postgres-migrations';
import { StoreUnavailableError } from '../../../server/src/store/types';
import { expectOk, freshUnit, joinDevice, memberId, newMember, startTestSyncServer, testDatabaseUrl, type TestServer } from '../sync-server/helpers';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function admin(url: string, sql: string): Promise<pg.QueryResult> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
const dbName = (url: string) => new URL(url).pathname.slice(1);

describe('migrations', () => {
  it('five processes opening an empty database at once migrate it once', async () => {
    const url = (await testDatabaseUrl())!;
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open({ connectionString: url })));
    opened.push(...stores);
    const applied = await stores[0].pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.rows.map((r) => r.version)).toEqual(pgMigrations.map((m) => m.version));
    // one server id for all of them: meta was written once
    const ids = new Set(await Promise.all(stores.map(async (s) => (await s.meta()).serverId)));
    expect(ids.size).toBe(1);
  });

  it('refuses a database migrated by a newer server, saying what to do', async () => {
    const url = (await testDatabaseUrl())!;
    const store = await PostgresStore.open({ connectionString: url });
    await store.pool.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'now')");
    await store.close();
    await expect(PostgresStore.open({ connectionString: url })).rejects.toThrow(/schema version 99 is newer than this server knows .*Run the newer server version/);
  });
});

describe('start-up errors in plain words', () => {
  it('nothing listening, an unknown database: which URL (without its password), what is wrong, what to do', async () => {
    await expect(PostgresStore.open({ connectionString: 'postgres://scd:secret@127.0.0.1:1/x' })).rejects.toThrow(
      /Cannot use the Postgres database postgres:\/\/scd:\*\*\*@127\.0\.0\.1:1\/x: .*Nothing listens there: start Postgres/,
    );
    const url = new URL((await testDatabaseUrl())!);
    url.pathname = '/no_such_database';
    await expect(PostgresStore.open({ connectionString: url.toString() })).rejects.toThrow(/does not exist: create it \(createdb\)/);
  });
});

describe('transient failures answer 503 with Retry-After, and the next request works', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a push waiting too long for its unit (another transaction holds it) is 503 with nothing applied', async () => {
    t = await startTestSyncServer({ databaseUrl: (await testDatabaseUrl())! });
    const { admin: token, unitId } = await freshUnit(t.api);
    const phone = await joinDevice(t.api, token, unitId);
    // the store under test waits 300 ms for a lock instead of 10 s
    const store = await PostgresStore.open({ connectionString: t.databaseUrl!, lockTimeoutMs: 300 });
    opened.push(store);
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [unitId]);
      phone.upsert('members', memberId(), newMember('Chờ khoá'));
      const failed = store.push({ unitId, deviceId: phone.deviceId, role: 'secretary', schemaVersion: 2, mutations: phone.outbox as never, now: Date.now() });
      await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(failed).rejects.toThrow(/55P03 lock wait timed out/);
      await holder.query('ROLLBACK');
      const ok = await store.push({ unitId, deviceId: phone.deviceId, role: 'secretary', schemaVersion: 2, mutations: phone.outbox as never, now: Date.now() });
      expect(ok.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      await holder.end();
    }
  });

  it('connections killed by an admin (57P01): the request in flight is 503, the next one reconnects', async () => {
    t = await startTestSyncServer({ databaseUrl: (await testDatabaseUrl())! });
    const { admin: token, unitId } = await freshUnit(t.api);
    const phone = await joinDevice(t.api, token, unitId);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      // the push waits on the unit's lock; then every server connection is terminated
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [unitId]);
      phone.upsert('members', memberId(), newMember('Bị ngắt'));
      const pending = phone.pushRaw(phone.outbox.slice());
      await vi.waitFor(async () => {
        const waiting = await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        expect(waiting.rows[0].n).toBe(1);
      });
      await admin(t.databaseUrl!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName(t.databaseUrl!)}' AND application_name = 'so-chi-doan'`);
      const answer = await pending;
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      await holder.query('ROLLBACK');
      const retried = expectOk(await phone.pushRaw(phone.outbox.slice()));
      expect(retried.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      log.mockRestore();
      await holder.end();
    }
  });
});

describe('/health on Postgres', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('200 while it answers and takes writes; a read-only database is 503 db_read_only, one refusing connections db_unavailable', async () => {
    t = await startTestSyncServer({ databaseUrl: (await testDatabaseUrl())! });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ok = await t.api.get('/health');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ ok: true, db: 'postgres', database: { answers: true, writable: true, spaceBytes: null, integrity: 'unchecked' } });

      const name = dbName(t.databaseUrl!);
      const kill = `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`;
      await admin(t.databaseUrl!, `ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
      await admin(t.databaseUrl!, kill);
      await vi.waitFor(async () => expect((await t!.api.get('/health')).status).toBe(503));
      const readOnly = await t.api.get('/health');
      expect(readOnly.body).toMatchObject({ ok: false, error: { code: 'db_read_only' }, database: { answers: true, writable: false } });

      await admin(t.databaseUrl!, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin(t.databaseUrl!, kill);
      await vi.waitFor(async () => expect((await t!.api.get('/health')).body.error?.code).toBe('db_unavailable'));
      // logged once per change of state, not once per probe
      await t.api.get('/health');
      expect(log.mock.calls.filter((c) => /db_unavailable/.test(String(c[0]))).length).toBe(1);

      await admin(t.databaseUrl!, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin(t.databaseUrl!, `ALTER DATABASE "${name}" SET default_transaction_read_only = off`);
      await vi.waitFor(async () => expect((await t!.api.get('/health')).status).toBe(200), { timeout: 5000 });
    } finally {
      log.mockRestore();
    }
  });
});
