// Whether a module is the script Node was started with (`node scripts/x.mjs`): compares real
// paths, so a path with spaces or other escaped characters, or one through a symlink, still counts.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {string} metaUrl the module's `import.meta.url` */
export function isMain(metaUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(metaUrl)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
}
