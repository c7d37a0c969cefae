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
      trustProxy: [],
      stallMidBatch: false,
      fileQuotaBytes: 1024 * 1024 * 1024,
    });
  });

  it('reads PORT, HOST, DATA_DIR and DIST_DIR', () => {
    const config = readConfig({ PORT: '3000', HOST: '127.0.0.1', DATA_DIR: '/var/lib/scd', DIST_DIR: 'build' }, '/srv/app');
    expect(config).toEqual({ port: 3000, host: '127.0.0.1', dataDir: '/var/lib/scd', distDir: path.resolve('/srv/app/build'), trustProxy: [], stallMidBatch: false, fileQuotaBytes: 1024 ** 3 });
  });

  it('reads TRUST_PROXY as the list of reverse proxies (addresses and CIDR ranges), and the crash-test fault switch', () => {
    expect(readConfig({ TRUST_PROXY: '127.0.0.1, ::1,10.0.0.5,10.1.0.0/16 , fd00::/8', SCD_FAULT_STALL_MID_BATCH: 'true' })).toMatchObject({
      trustProxy: ['127.0.0.1', '::1', '10.0.0.5', '10.1.0.0/16', 'fd00::/8'],
      stallMidBatch: true,
    });
    expect(readConfig({ TRUST_PROXY: '::ffff:10.0.0.5' }).trustProxy).toEqual(['10.0.0.5']);
    for (const off of ['0', 'false', 'off', '', '  ']) expect(readConfig({ TRUST_PROXY: off })).toMatchObject({ trustProxy: [], stallMidBatch: false, fileQuotaBytes: 1024 ** 3 });
  });

  it.each(['1', 'true', 'TRUE', 'yes', 'on'])('refuses TRUST_PROXY=%s, which would trust X-Forwarded-For from anyone, and says what to write', (on) => {
    expect(() => readConfig({ TRUST_PROXY: on })).toThrow(/List the addresses of your reverse proxies instead, e.g. TRUST_PROXY=127\.0\.0\.1,::1/);
  });

  it.each(['10.0.0.300', 'proxy.local', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '10.0.0.0/', '127.0.0.1,,::1', '*'])('refuses TRUST_PROXY=%s, naming the bad entry', (bad) => {
    expect(() => readConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY: ".*" is not an IP address or a CIDR range/);
  });

  it('reads UNIT_FILE_QUOTA_MB (photos per unit) and refuses a value that is not whole megabytes', () => {
    expect(readConfig({ UNIT_FILE_QUOTA_MB: '50' }).fileQuotaBytes).toBe(50 * 1024 * 1024);
    for (const bad of ['0', '-5', '1.5', 'lots']) expect(() => readConfig({ UNIT_FILE_QUOTA_MB: bad })).toThrow(/UNIT_FILE_QUOTA_MB/);
  });

  it.each(['abc', '-1', '70000', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT/);
  });
});
