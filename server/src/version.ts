// The app version reported by /api/v1/health: package.json's "version". The built server
// (scripts/build-server.mjs) carries it as SCD_APP_VERSION; from the sources it is read once
// at start from package.json two folders up.
import { readFileSync } from 'node:fs';

declare const SCD_APP_VERSION: string | undefined;

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export const APP_VERSION = typeof SCD_APP_VERSION === 'string' ? SCD_APP_VERSION : readVersion();
