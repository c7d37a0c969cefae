import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/src/config';

describe('readConfig', () => {
  it('defaults to port 8080 on every interface with ./data and ./dist', () => {
    expect(readConfig({}, '/srv/app')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/app/data'),
      distDir: path.resolve('/srv/app/dist'),
      trustProxy: false,
      stallMidBatch: false,
      fileQuotaBytes: 1024 * 1024 * 1024,
    });
  });

  it('reads PORT, HOST, DATA_DIR and DIST_DIR', () => {
    const config = readConfig({ PORT: '3000', HOST: '127.0.0.1', DATA_DIR: '/var/lib/scd', DIST_DIR: 'build' }, '/srv/app');
    expect(config).toEqual({ port: 3000, host: '127.0.0.1', dataDir: '/var/lib/scd', distDir: path.resolve('/srv/app/build'), trustProxy: false, stallMidBatch: false, fileQuotaBytes: 1024 ** 3 });
  });

  it('reads TRUST_PROXY (behind a reverse proxy) and the crash-test fault switch', () => {
    expect(readConfig({ TRUST_PROXY: '1', SCD_FAULT_STALL_MID_BATCH: 'true' })).toMatchObject({ trustProxy: true, stallMidBatch: true });
    expect(readConfig({ TRUST_PROXY: '0' })).toMatchObject({ trustProxy: false, stallMidBatch: false, fileQuotaBytes: 1024 ** 3 });
  });

  it('reads UNIT_FILE_QUOTA_MB (photos per unit) and refuses a value that is not whole megabytes', () => {
    expect(readConfig({ UNIT_FILE_QUOTA_MB: '50' }).fileQuotaBytes).toBe(50 * 1024 * 1024);
    for (const bad of ['0', '-5', '1.5', 'lots']) expect(() => readConfig({ UNIT_FILE_QUOTA_MB: bad })).toThrow(/UNIT_FILE_QUOTA_MB/);
  });

  it.each(['abc', '-1', '70000', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT/);
  });
});
