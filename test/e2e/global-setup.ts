// Runs once before the browser tests: the app and the server must be built (npm test builds
// right before; a local run builds the app only if dist/ is missing and the server when its
// sources changed, or both always with E2E_BUILD=1).
import { ensureDist, ensureServerBuild } from './harness';

export default async function setup(): Promise<void> {
  ensureDist();
  await ensureServerBuild();
}
