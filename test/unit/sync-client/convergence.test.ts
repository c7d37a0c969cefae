// RELIABILITY.md 1 (convergence) and 2 (no silent loss), against the real server in process
// (real SQLite file) and real client code over fake-indexeddb: 3–5 phones, random edits of
// members, meetings, the roll and minutes drafts, random network (deliver, delay, duplicate,
// lost request, lost answer after commit, offline, two phones syncing at once). After a
// final full sync every phone equals the server on every synced table, and every change the
// server acknowledged is in the final state or kept in a conflict with its value.
// Seed: SYNC_SEED=<n> (printed by fast-check on failure); runs: SYNC_RUNS=<n>.
import { afterEach, describe, expect, test } from 'vitest';
import * as fc from 'fast-check';
import type { SyncedTable } from '../../../src/protocol/outbox';
import { dropAllDatabases, makeDevice, snapshot, type Device } from './devices';
import { AckLog, FAULTS, Network, type Ack, type Fault } from './network';
import { startRealServer, type RealServer } from './real-server';
import { discardRefusedChangeIn } from '../../../src/sync/attention-repo';

const SEED = Number(process.env.SYNC_SEED ?? 20260415);
const RUNS = Number(process.env.SYNC_RUNS ?? 10);

afterEach(dropAllDatabases);

const MEETING = 'meeting-0001';
const member = (i: number) => `member-000${i}`;

type Cmd =
  | { kind: 'editMember'; dev: number; m: number; field: 'phone' | 'notes' | 'status' | 'fullName'; v: number }
  | { kind: 'editMeeting'; dev: number; field: 'title' | 'place' | 'agenda'; v: number }
  | { kind: 'mark'; dev: number; m: number; v: number }
  | { kind: 'clearMark'; dev: number; m: number }
  | { kind: 'minutes'; dev: number; field: 'discussion' | 'conclusions'; v: number }
  | { kind: 'deleteMember'; dev: number; m: number }
  /** a value the server refuses (it shows under "needs attention") */
  | { kind: 'badEdit'; dev: number; m: number }
  | { kind: 'sync'; dev: number; fault: Fault }
  | { kind: 'syncTwo'; a: number; b: number }
  /** an edit lands while the same phone's cycle runs (between its push and its pull, often) */
  | { kind: 'editDuringSync'; edit: Cmd & { dev: number } }
  | { kind: 'offline'; dev: number; on: boolean };

const STATUSES = ['active', 'temporary', 'transferred_out'] as const;
const MARKS = ['present', 'late', 'absent_excused', 'absent_unexcused'] as const;

function cmdArb(n: number): fc.Arbitrary<Cmd> {
  const dev = fc.nat(n - 1);
  const m = fc.nat(4);
  const v = fc.nat(3);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('editMember' as const), dev, m, field: fc.constantFrom('phone' as const, 'notes' as const, 'status' as const, 'fullName' as const), v }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('editMeeting' as const), dev, field: fc.constantFrom('title' as const, 'place' as const, 'agenda' as const), v }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('mark' as const), dev, m, v }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearMark' as const), dev, m }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('minutes' as const), dev, field: fc.constantFrom('discussion' as const, 'conclusions' as const), v }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMember' as const), dev, m }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('badEdit' as const), dev, m }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), dev, fault: fc.constantFrom(...FAULTS) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('syncTwo' as const), a: dev, b: dev }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev, on: fc.boolean() }) },
  );
}

function cmdWithConcurrentEdits(n: number): fc.Arbitrary<Cmd> {
  const edit = cmdArb(n).filter((c): c is Cmd & { dev: number } => 'dev' in c && c.kind !== 'sync' && c.kind !== 'offline');
  return fc.oneof({ weight: 12, arbitrary: cmdArb(n) }, { weight: 2, arbitrary: fc.record({ kind: fc.constant('editDuringSync' as const), edit }) });
}

const scenario = fc.integer({ min: 3, max: 5 }).chain((n) => fc.record({ n: fc.constant(n), cmds: fc.array(cmdWithConcurrentEdits(n), { minLength: 25, maxLength: 45 }) }));

interface Phone {
  d: Device;
  net: Network;
}

async function apply(cmd: Cmd, phones: Phone[], srv: RealServer, stats: { faults: number; refused: number }) {
  const w = (i: number, table: SyncedTable, id: string, patch: Record<string, unknown>) => phones[i].d.write(table, id, patch);
  switch (cmd.kind) {
    case 'editMember': {
      const values = {
        phone: ['0901000001', '0901000002', '0901000003', ''][cmd.v],
        notes: ['Tổ trưởng', 'Chuyển về từ Đoàn xã', 'Đã nộp đoàn phí', ''][cmd.v],
        status: STATUSES[cmd.v % 3],
        fullName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Minh Đức'][cmd.v],
      };
      return w(cmd.dev, 'members', member(cmd.m), { [cmd.field]: values[cmd.field] });
    }
    case 'editMeeting': {
      const values = { title: ['Sinh hoạt tháng 4', 'Sinh hoạt chuyên đề', 'Họp BCH', 'Sinh hoạt tháng 5'], place: ['Hội trường', 'Nhà văn hóa', 'Phòng họp', ''], agenda: ['1. Kiểm điểm', '2. Kết nạp', '3. Đoàn phí', ''] };
      return w(cmd.dev, 'meetings', MEETING, { [cmd.field]: values[cmd.field][cmd.v] });
    }
    case 'mark':
      return w(cmd.dev, 'attendance', `${MEETING}:${member(cmd.m)}`, { eventId: MEETING, memberId: member(cmd.m), status: MARKS[cmd.v], checkedAt: new Date().toISOString() });
    case 'clearMark':
      return phones[cmd.dev].d.remove('attendance', `${MEETING}:${member(cmd.m)}`);
    case 'minutes': {
      const text = ['Đồng chí Bí thư báo cáo.', 'Thảo luận kế hoạch tháng.', 'Thống nhất tổ chức hiến máu.', ''][cmd.v];
      return w(cmd.dev, 'minutes', MEETING, { meetingId: MEETING, status: 'draft', votes: [], tasks: [], [cmd.field]: text });
    }
    case 'deleteMember':
      return phones[cmd.dev].d.remove('members', member(cmd.m));
    case 'badEdit':
      return w(cmd.dev, 'members', member(cmd.m), { email: 'khong-phai-email' });
    case 'offline':
      phones[cmd.dev].net.offline = cmd.on;
      return;
    case 'sync': {
      const p = phones[cmd.dev];
      p.net.fault = cmd.fault;
      if (cmd.fault !== 'deliver') stats.faults++;
      await srv.sync(p.d, { fetch: p.net.fetch, batchSize: 7 }).catch(() => undefined);
      p.net.fault = 'deliver';
      return;
    }
    case 'editDuringSync': {
      const p = phones[cmd.edit.dev];
      p.net.fault = 'delay';
      let edited = false;
      const slow = async (input: string, init?: RequestInit) => {
        const res = await p.net.fetch(input, init);
        // the first answer has arrived: the user taps while the rest of the cycle runs
        if (!edited) {
          edited = true;
          await apply(cmd.edit, phones, srv, stats);
        }
        return res;
      };
      await srv.sync(p.d, { fetch: slow, batchSize: 7 }).catch(() => undefined);
      if (!edited) await apply(cmd.edit, phones, srv, stats);
      p.net.fault = 'deliver';
      return;
    }
    case 'syncTwo': {
      const [a, b] = [phones[cmd.a], phones[cmd.b]];
      a.net.fault = 'delay';
      b.net.fault = 'delay';
      await Promise.all([srv.sync(a.d, { fetch: a.net.fetch, batchSize: 5 }).catch(() => undefined), srv.sync(b.d, { fetch: b.net.fetch, batchSize: 5 }).catch(() => undefined)]);
      a.net.fault = b.net.fault = 'deliver';
      return;
    }
  }
}

/**
 * Everyone online with a perfect network, syncing in turns until nothing moves. Refused
 * changes are checked (kept with the server's reason and the value) and then discarded, as a
 * user would with "Bỏ thay đổi này".
 */
async function settle(phones: Phone[], srv: RealServer, stats: { refused: number }) {
  for (const p of phones) {
    p.net.offline = false;
    p.net.fault = 'deliver';
  }
  for (const p of phones) await srv.sync(p.d, { fetch: p.net.fetch });
  for (const p of phones) {
    for (const w of await p.d.db.needsAttention.toArray()) {
      expect(w.reason).toBe('err.email');
      expect(w.mutation.fields.email).toBe('khong-phai-email');
      expect((await p.d.db.members.get(w.mutation.rowId))?.email).toBe('khong-phai-email');
      await discardRefusedChangeIn(p.d.db, w.mid);
      stats.refused++;
    }
  }
  for (let round = 0; round < 4; round++) for (const p of phones) await srv.sync(p.d, { fetch: p.net.fetch });
}

function key(...parts: string[]) {
  return parts.join('\u0000');
}

async function checkNoSilentLoss(srv: RealServer, acks: AckLog, server: Record<string, Record<string, unknown>[]>) {
  const conflicts = await srv.conflicts();
  const inConflicts = new Set<string>();
  for (const c of conflicts) {
    inConflicts.add(key(c.table, c.rowId, c.field, JSON.stringify(c.winnerValue ?? null)));
    inConflicts.add(key(c.table, c.rowId, c.field, JSON.stringify(c.loserValue ?? null)));
  }
  const finalRows = new Map<string, Record<string, unknown>>();
  for (const [table, rows] of Object.entries(server)) for (const r of rows) finalRows.set(key(table, String(r.id)), r);
  // Which (row, field, value) were written, by which acknowledged changes; who wrote on top of what.
  const writes = new Map<string, Ack[]>();
  const byField = new Map<string, Ack[]>();
  for (const a of acks.byMid.values()) {
    const m = a.mutation;
    for (const [f, v] of Object.entries(m.fields)) {
      const k = key(m.table, m.rowId, f, JSON.stringify(v ?? null));
      writes.set(k, [...(writes.get(k) ?? []), a]);
      const fk = key(m.table, m.rowId, f);
      byField.set(fk, [...(byField.get(fk) ?? []), a]);
    }
  }
  const conflictStamps = new Set(conflicts.flatMap((c) => [key(c.table, c.rowId, String(c.loserHlc)), key(c.table, c.rowId, String(c.winnerHlc))]));
  const lost: string[] = [];
  for (const [k, writers] of writes) {
    const [table, rowId, field, json] = k.split('\u0000');
    if (field === 'createdAt' || (table === 'attendance' && field === 'checkedAt')) continue; // settled by rule, documented
    const row = finalRows.get(key(table, rowId));
    const finalValue = field === 'deleted' ? (row?.deleted ?? false) : (row?.[field] ?? null);
    const value = JSON.parse(json) as unknown;
    const same = JSON.stringify(finalValue) === JSON.stringify(value) || ((value === null || value === '') && (finalValue === null || finalValue === ''));
    if (same) continue;
    if (inConflicts.has(k)) continue;
    const others = byField.get(key(table, rowId, field)) ?? [];
    const superseded = writers.some(
      (w) =>
        // a phone that had seen it wrote over it (its base was at least this write's version)
        others.some((o) => o !== w && (o.mutation.base[field] ?? 0) >= (w.version ?? Infinity)) ||
        // the same phone wrote the field again later (it had its own value in front of it)
        others.some((o) => o.deviceId === w.deviceId && o.mutation.seq > w.mutation.seq) ||
        // kept as a conflict of this change (a restore that met a delete keeps its fields)
        conflictStamps.has(key(table, rowId, w.mutation.hlc)),
    );
    if (superseded) continue;
    const history = [...acks.byMid.values()]
      .filter((a) => a.mutation.table === table && a.mutation.rowId === rowId)
      .map((a) => `${a.status}@v${a.version} ${a.deviceId.slice(-4)}#${a.mutation.seq} ${a.mutation.op} ${JSON.stringify(a.mutation.fields)} base ${JSON.stringify(a.mutation.base)}`);
    const kept = conflicts.filter((c) => c.table === table && c.rowId === rowId).map((c) => `${c.kind}:${c.field} ${JSON.stringify(c.winnerValue)}>${JSON.stringify(c.loserValue)}`);
    lost.push(`${table}/${rowId}.${field} = ${json} (final ${JSON.stringify(finalValue)}) | ${history.join(' | ')} | conflicts: ${kept.join(', ')}`);
  }
  return { lost, checked: writes.size, conflicts: conflicts.length };
}

/** For a failure message: the history of the rows that differ. */
async function explainDiff(mine: Record<string, Record<string, unknown>[]>, server: Record<string, Record<string, unknown>[]>, acks: AckLog, srv: RealServer): Promise<string> {
  const out: string[] = [];
  const conflicts = await srv.conflicts();
  for (const table of Object.keys(server)) {
    const theirs = new Map(server[table].map((r) => [r.id, JSON.stringify(r)]));
    for (const r of mine[table] ?? []) {
      if (theirs.get(r.id) === JSON.stringify(r)) continue;
      out.push(`\n${table}/${r.id}: here ${JSON.stringify(r)}\n  server ${theirs.get(r.id)}`);
      for (const a of acks.byMid.values()) {
        if (a.mutation.table !== table || a.mutation.rowId !== r.id) continue;
        out.push(`  ${a.status}@v${a.version} ${a.deviceId.slice(-4)}#${a.mutation.seq} ${a.mutation.op} ${JSON.stringify(a.mutation.fields)} base ${JSON.stringify(a.mutation.base)}`);
      }
      for (const c of conflicts) if (c.table === table && c.rowId === r.id) out.push(`  conflict ${c.kind}:${c.field} ${JSON.stringify(c.winnerValue)}>${JSON.stringify(c.loserValue)}`);
    }
  }
  return out.join('\n');
}

describe('RELIABILITY 1 + 2: convergence and no silent loss (real server, 3–5 phones, random faults)', () => {
  const totals = { runs: 0, faults: 0, acked: 0, conflicts: 0, refused: 0 };

  test(`random edits and network faults converge (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ n, cmds }) => {
        const srv = await startRealServer();
        const acks = new AckLog();
        const phones: Phone[] = [];
        const stats = { faults: 0, refused: 0 };
        try {
          // The secretary recorded offline before joining: members and a meeting.
          const sec = await makeDevice('sec');
          for (let i = 0; i < 5; i++) await sec.write('members', member(i), { fullName: `Đoàn viên ${i}`, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' });
          await sec.write('meetings', MEETING, { kind: 'regular', title: 'Sinh hoạt tháng 4', startsAt: '2026-04-15T19:30', guests: [], status: 'planned' });
          await srv.join(sec, 'secretary');
          phones.push({ d: sec, net: new Network(sec.deviceId, acks) });
          for (let i = 1; i < n; i++) {
            const d = await makeDevice(`p${i}`);
            await srv.join(d, 'deputy');
            phones.push({ d, net: new Network(d.deviceId, acks) });
          }
          for (const p of phones) await srv.sync(p.d, { fetch: p.net.fetch });
          for (const cmd of cmds) await apply(cmd, phones, srv, stats);
          await settle(phones, srv, stats);

          const observer = await makeDevice('observer');
          await srv.join(observer, 'viewer');
          await srv.sync(observer);
          const server = await snapshot(observer.db);
          const openConflicts = (await srv.conflicts()).filter((c) => !c.resolvedAt).map((c) => c.id).sort();
          for (const p of phones) {
            expect(await p.d.db.outbox.count(), `${p.d.name}: outbox`).toBe(0);
            expect(await p.d.db.needsAttention.count(), `${p.d.name}: needs attention`).toBe(0);
            const mine = await snapshot(p.d.db);
            expect(mine, `${p.d.name} equals the server${await explainDiff(mine, server, acks, srv)}`).toEqual(server);
            expect((await p.d.db.conflicts.toArray()).map((c) => c.id).sort(), `${p.d.name}: conflicts`).toEqual(openConflicts);
          }
          // one attendance row per member: deterministic ids never duplicate
          expect(new Set(server.attendance.map((r) => r.id)).size).toBe(server.attendance.length);
          const loss = await checkNoSilentLoss(srv, acks, server);
          expect(loss.lost, 'acknowledged values neither final nor in conflicts').toEqual([]);
          totals.runs++;
          totals.faults += stats.faults;
          totals.acked += acks.byMid.size;
          totals.conflicts += loss.conflicts;
          totals.refused += stats.refused;
        } finally {
          for (const p of phones) p.d.close();
          await srv.close();
          await dropAllDatabases();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`[sync] convergence: ${totals.runs} runs, ${totals.faults} faulty syncs survived, ${totals.acked} acknowledged changes, ${totals.conflicts} conflicts kept, ${totals.refused} refused changes shown then discarded, 0 lost`);
  }, 600_000);
});
