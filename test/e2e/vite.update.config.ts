// Build config for the update test (RELIABILITY.md 16): the app's own vite.config.ts plus a
// marker appended to the entry chunk, so "version 2" really differs from dist/ — new chunk
// hash, new index.html, new precache manifest, new sw.js — whatever the source says.
//   VITE_BUILD_ID=e2e-v2 vite build --config test/e2e/vite.update.config.ts --outDir /tmp/v2
// The page can read the marker as globalThis.__scdBuild.
import { mergeConfig, type Plugin, type UserConfig } from 'vite';
import base from '../../vite.config';

const buildId = process.env.VITE_BUILD_ID || `e2e-${Date.now()}`;

const marker: Plugin = {
  name: 'scd-e2e-build-marker',
  apply: 'build',
  renderChunk(code, chunk) {
    if (!chunk.isEntry) return null;
    return { code: `${code}\n;globalThis.__scdBuild=${JSON.stringify(buildId)};\n`, map: null };
  },
};

type ConfigFn = (env: { command: 'build' | 'serve'; mode: string }) => UserConfig | Promise<UserConfig>;
const withMarker = (c: UserConfig) => mergeConfig(c, { plugins: [marker] });

export default typeof base === 'function'
  ? async (env: Parameters<ConfigFn>[0]) => withMarker(await (base as ConfigFn)(env))
  : withMarker(base as UserConfig);
