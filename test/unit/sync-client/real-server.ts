// The real server, in process on loopback with a temporary SQLite file (test/unit/server/
// helpers.ts), set up as the admin would: first admin account, one unit; then phones join it
// with invite codes through the same api.ts the app uses.
import { startServer, type RunningServer, type ServerOptions } from '../../../server/src/server';
import { accountApi, type FetchFn } from '../../../src/sync/api';
import { runCycle, type CycleOptions, type CycleResult } from '../../../src/sync/engine';
import type { Role } from '../../../src/protocol/sync';
import { makeWorkspace, type TempWorkspace } from '../server/helpers';
import type { Device } from './devices';

export interface RealServer {
  url: string;
  adminToken: string;
  unitId: string;
  server: RunningServer;
  /** a fresh one-time invite code */
  invite(role: Role): Promise<string>;
  /** joins a simulated phone (its own deviceId) and stores the link in its syncState */
  join(d: Device, role?: Role): Promise<void>;
  /** one sync cycle of a phone against this server */
  sync(d: Device, extra?: Partial<CycleOptions>): Promise<CycleResult>;
  revoke(deviceId: string): Promise<void>;
  /** every conflict the server kept (open and resolved) */
  conflicts(): Promise<ServerConflictFull[]>;
  close(): Promise<void>;
}

export interface ServerConflictFull {
  id: string;
  table: string;
  rowId: string;
  field: string;
  kind?: string;
  winnerValue: unknown;
  loserValue: unknown;
  winnerDeviceId: string;
  loserDeviceId: string;
  winnerHlc?: string;
  loserHlc?: string;
  resolvedAt?: string | null;
}

/** `options`: server settings of a test (e.g. a small photo quota). */
export async function startRealServer(options: Partial<ServerOptions> = {}): Promise<RealServer> {
  const ws: TempWorkspace = makeWorkspace();
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: ws.dataDir, distDir: ws.distDir, ...options });
  const url = server.url;
  const { token: adminToken } = await accountApi.setup({ baseUrl: url }, 'admin-cap-tren', 'mat-khau-an-toan-1');
  const admin = { baseUrl: url, token: adminToken };
  const unit = await accountApi.createUnit(admin, 'Chi đoàn Công ty May 30/4', 'Đoàn phường 7');
  const real: RealServer = {
    url,
    adminToken,
    unitId: unit.id,
    server,
    invite: async (role) => (await accountApi.createInvite(admin, unit.id, role)).code,
    join: async (d, role = 'deputy') => {
      const code = await real.invite(role);
      const res = await accountApi.join({ baseUrl: url }, code, `Điện thoại ${d.name}`, d.deviceId);
      await d.db.syncState.where('key').equals('device').modify((s) => {
        s.server = { baseUrl: url, unitId: res.unitId, unitName: res.unitName, role: res.role, deviceToken: res.deviceToken, joinedAt: new Date().toISOString() };
        delete s.pausedReason;
      });
    },
    sync: (d, extra = {}) => runCycle({ db: d.db, localUnitId: d.localUnitId, ...extra }),
    revoke: async (deviceId) => {
      await accountApi.revokeDevice(admin, unit.id, deviceId);
    },
    conflicts: async () => {
      const res = await fetch(`${url}/api/v1/units/${unit.id}/conflicts?status=all`, { headers: { Authorization: `Bearer ${adminToken}` } });
      if (!res.ok) throw new Error(`conflicts: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as ServerConflictFull[];
    },
    close: async () => {
      await server.close();
      ws.remove();
    },
  };
  return real;
}

/** A fetch that fails every call, as a phone with no network. */
export const offlineFetch: FetchFn = async () => {
  throw new TypeError('Failed to fetch');
};
