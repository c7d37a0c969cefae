// Server settings come from the environment only (twelve-factor); defaults suit `npm start`.
import path from 'node:path';
import { parseTrustProxy } from './auth/client-ip';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  /**
   * TRUST_PROXY=127.0.0.1,::1,10.0.0.0/24: the reverse proxies whose X-Forwarded-For is believed
   * (rate limits then key on the client it names); empty: none
   */
  trustProxy: string[];
  /** UNIT_FILE_QUOTA_MB: photos one unit may keep on the server (default 1024 MB) */
  fileQuotaBytes: number;
  /** DATABASE_URL=postgres://…: use Postgres (several processes may share it); unset: SQLite in dataDir */
  databaseUrl?: string;
  /** DATABASE_POOL_MAX: Postgres connections per process (default 10) */
  poolMax?: number;
  /** SCD_FAULT_STALL_MID_BATCH=1: crash-test fault injection only (see SqliteStoreOptions) */
  stallMidBatch: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || './data'),
    distDir: path.resolve(cwd, env.DIST_DIR?.trim() || './dist'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    fileQuotaBytes: parseQuotaMb(env.UNIT_FILE_QUOTA_MB) * 1024 * 1024,
    stallMidBatch: isOn(env.SCD_FAULT_STALL_MID_BATCH),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    poolMax: parsePoolMax(env.DATABASE_POOL_MAX),
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseQuotaMb(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1024;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 1) throw new Error(`UNIT_FILE_QUOTA_MB must be a whole number of megabytes (1 or more), got "${raw}"`);
  return mb;
}

function isOn(raw: string | undefined): boolean {
  return ['1', 'true', 'yes', 'on'].includes((raw ?? '').trim().toLowerCase());
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must start with postgres:// (e.g. postgres://user:password@host:5432/sochidoan); leave it unset to use the SQLite file in DATA_DIR');
  }
  return url;
}

function parsePoolMax(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`DATABASE_POOL_MAX must be a whole number from 1 to 1000, got "${raw}"`);
  return n;
}
