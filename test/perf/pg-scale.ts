// How one Postgres holds many units (issue 12, docs/scaling.md): the rows table grown to
// 1,000 units × 200 rows and then × 2,000 rows (member-sized records, each with its versions,
// stamps and push result), and at each size the bytes a row takes on disk with its indexes,
// a unit's first pull page (1,000 rows) and a push of 100 changes to one unit, through the
// Postgres store itself. Durable cluster (fsync on), like production.
//
//   node --import tsx test/perf/pg-scale.ts [--units 1000] [--sizes 200,2000]
import { randomUUID } from 'node:crypto';
import { startPgCluster } from '../pg/cluster';
import { PostgresStore } from '../../server/src/store/postgres';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const UNITS = Number(arg('--units', '1000'));
const SIZES = arg('--sizes', '200,2000').split(',').map(Number);

const cluster = await startPgCluster({ durable: true });
const store = await PostgresStore.open({ connectionString: await cluster.createDatabase() });
const q = (sql: string, params?: unknown[]) => store.pool.query(sql, params);
try {
  const now = new Date().toISOString();
  for (let u = 0; u < UNITS; u++) await store.createUnit({ id: `unit-${String(u).padStart(5, '0')}`, name: `Chi đoàn ${u}`, parentUnit: null, createdAt: now });
  await q(`INSERT INTO devices (unit_id, id, name, role, token_hash, created_at) SELECT id, 'dev-' || id, 'x', 'secretary', sha256(id::bytea), $1 FROM units`, [now]);
  let have = 0;
  for (const perUnit of SIZES) {
    // rows and their push results, as a year of pushes leaves them (one result per change)
    await q(`INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version)
      SELECT u.id, 'members', md5(u.id || n), json_build_object('fullName', 'Nguyễn Thị Đoàn Viên ' || n, 'gender', 'female', 'birthDate', '2001-05-17',
        'phone', '09' || lpad(n::text, 8, '0'), 'position', 'member', 'duesCategory', 'unsalaried', 'partyStatus', 'none', 'status', 'active',
        'joinedUnionAt', '2016-03-26', 'ethnicity', 'Kinh', 'hometown', 'Phường 7, Quận 3, TP. Hồ Chí Minh', 'createdAt', $1::text)::text,
        '{"fullName":' || (n + 1) || ',"gender":' || (n + 1) || ',"birthDate":' || (n + 1) || ',"phone":' || (n + 1) || ',"position":' || (n + 1) || ',"duesCategory":' || (n + 1) || ',"partyStatus":' || (n + 1) || ',"status":' || (n + 1) || ',"createdAt":' || (n + 1) || '}',
        '{"' || (n + 1) || '":"1765000000000:0000:dev-' || u.id || '"}', false, u.version + n - $2 + 1
      FROM units u, generate_series($2::int, $3::int - 1) AS n`, [now, have + 1, perUnit + 1]);
    await q(`INSERT INTO mutation_results (unit_id, device_id, seq, mid, result)
      SELECT u.id, d.id, d.last_seq + n - $1 + 1, md5('mid' || u.id || n), '{"status":"applied","version":' || (u.version + n - $1 + 1) || '}'
      FROM units u JOIN devices d ON d.unit_id = u.id, generate_series($1::int, $2::int - 1) AS n`, [have + 1, perUnit + 1]);
    await q('UPDATE units SET version = version + $1', [perUnit - have]);
    await q('UPDATE devices SET last_seq = last_seq + $1', [perUnit - have]);
    have = perUnit;
    await q('VACUUM ANALYZE');
    const rows = Number((await q('SELECT count(*) AS n FROM rows')).rows[0].n);
    const sizes = (await q(`SELECT pg_total_relation_size('rows') AS r, pg_total_relation_size('mutation_results') AS m, pg_database_size(current_database()) AS d`)).rows[0];
    const pulls: number[] = [];
    const pushes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const unit = `unit-${String(Math.floor(Math.random() * UNITS)).padStart(5, '0')}`;
      let t = performance.now();
      const page = await store.pull(unit, 0, 1000, 4 * 1024 * 1024);
      pulls.push(performance.now() - t);
      if (page.rows.length < Math.min(1000, perUnit + 1)) throw new Error(`pulled ${page.rows.length}`);
      const seq = Number((await q('SELECT last_seq FROM devices WHERE unit_id = $1', [unit])).rows[0].last_seq);
      const mutations = Array.from({ length: 100 }, (_, k) => ({
        mid: randomUUID(), seq: seq + k + 1, table: 'members', rowId: randomUUID(), op: 'upsert',
        fields: { fullName: `Đoàn viên mới ${k}`, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active', createdAt: now },
        base: {}, hlc: `${Date.now()}:${String(k).padStart(4, '0')}:dev-${unit}`,
      }));
      t = performance.now();
      const res = await store.push({ unitId: unit, deviceId: `dev-${unit}`, role: 'secretary', schemaVersion: 2, mutations, now: Date.now() });
      pushes.push(performance.now() - t);
      if (res.results.some((r) => r.status !== 'applied')) throw new Error(JSON.stringify(res.results[0]));
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1].toFixed(1);
    console.log(
      `${UNITS} units × ${perUnit} rows = ${rows.toLocaleString('en')} rows: rows table ${(sizes.r / 1e6).toFixed(0)} MB (${Math.round(sizes.r / rows)} B/row with indexes), ` +
        `results ${(sizes.m / 1e6).toFixed(0)} MB (${Math.round(sizes.m / rows)} B/change), database ${(sizes.d / 1e6).toFixed(0)} MB; ` +
        `first pull page (1,000 rows) median ${med(pulls)} ms p95 ${p95(pulls)} ms; push of 100 new rows median ${med(pushes)} ms p95 ${p95(pushes)} ms`,
    );
  }
} finally {
  await store.close();
  await cluster.stop();
}
