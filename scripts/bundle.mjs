// Builds dist/ from src/ with ncc. digest-fetch's fallback `import('node-fetch')` is never
// reached (the transport brings its own fetch), so it stays external: otherwise ncc emits an
// extra chunk and writes a licences file that lists only itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
execFileSync(process.execPath, [ncc, 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
const files = readdirSync(dist).sort();
const expected = ['index.js', 'licenses.txt', 'package.json'];
if (files.join() !== expected.join()) {
  console.error(`dist/ holds ${files.join(', ')}; expected exactly ${expected.join(', ')}.`);
  process.exit(1);
}
