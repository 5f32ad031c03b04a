import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness/run-action.js';

/** Bundles once for the whole run: the end-to-end tests run dist/index.js, as the runner does. It rewrites dist/ only when it changed. */
export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}
