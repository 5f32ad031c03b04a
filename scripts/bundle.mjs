// Builds dist/ from src/ with ncc, into a scratch folder first; dist/ files are rewritten only when
// their content changes, so a fresh dist/ is left untouched (and `npm test` leaves the tree clean).
// digest-fetch's fallback `import('node-fetch')` is never reached (the transport sends every
// request itself), so it stays external: otherwise ncc emits an extra chunk and a licences file
// that lists only that chunk.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const scratch = mkdtempSync(join(tmpdir(), 'bundle-'));
const expected = ['index.js', 'licenses.txt', 'package.json'];
try {
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  execFileSync(
    process.execPath,
    [ncc, 'build', 'src/index.ts', '-o', scratch, '--license', 'licenses.txt', '-e', 'node-fetch', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const files = readdirSync(scratch).sort();
  if (files.join() !== expected.join()) {
    console.error(`the bundle holds ${files.join(', ')}; expected exactly ${expected.join(', ')}.`);
    process.exit(1);
  }
  mkdirSync(dist, { recursive: true });
  let changed = 0;
  for (const file of files) {
    // LF only: .gitattributes stores dist/ as text with eol=lf, and a bundled package (md5) has
    // CRLF sources. JS reads CRLF and LF alike, so nothing changes at run time.
    const text = readFileSync(join(scratch, file), 'utf8').replace(/\r\n?/g, '\n');
    const target = join(dist, file);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    writeFileSync(target, text);
    changed += 1;
  }
  for (const file of readdirSync(dist)) if (!expected.includes(file)) rmSync(join(dist, file), { recursive: true, force: true });
  if (process.argv.includes('--verbose')) console.log(changed ? `dist/: ${changed} file(s) rewritten` : 'dist/ was up to date');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
