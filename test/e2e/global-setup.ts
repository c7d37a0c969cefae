// Runs once before the browser tests: a build must exist (npm test builds right before;
// a local run builds only if dist/ is missing, or always with E2E_BUILD=1).
import { ensureDist } from './harness';

export default function setup(): void {
  ensureDist();
}
