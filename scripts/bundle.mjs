// Builds dist/ from src/ with ncc: one CommonJS file, dist/index.js, and dist/package.json saying
// so (the repository itself is an ES module package). CommonJS because Node starts a CommonJS
// entry about 7 ms sooner than an ES module one, measured with `npm run bench`, and nothing the
// action bundles needs ES modules. dist/licenses.txt lists the licence of every third-party
// package bundled, when there is one (today there is none: the action has no runtime dependency).
// The result goes to a scratch folder first; a dist/ file is rewritten only when its content
// changes, so a fresh dist/ is left untouched (and `npm test` leaves the tree clean).
// Each per-command action (`<command>/action.yml`, written by `npm run actions`, runs
// `../dist/<command>/index.js`) gets a three-line entry there that starts the one bundle with its
// command: one copy of the code serves every action.
import ncc from '@vercel/ncc';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The commands that have their own action: the folders whose action.yml runs ../dist/<folder>/index.js. */
const commandActions = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'action.yml')))
  .map((d) => d.name)
  .filter((name) => readFileSync(join(root, name, 'action.yml'), 'utf8').includes(`main: ../dist/${name}/index.js`))
  .sort();
const dist = join(root, 'dist');
const { code, assets } = await ncc(join(root, 'src', 'index.ts'), { esm: false, quiet: true, license: 'licenses.txt' });
const extra = Object.keys(assets).filter((name) => name !== 'licenses.txt');
if (extra.length) {
  console.error(`the bundle emitted more than one file (${extra.join(', ')}); dist/ must be dist/index.js alone.`);
  process.exit(1);
}
// LF only: .gitattributes stores dist/ as text with eol=lf. JS reads CRLF and LF alike.
const files = {
  'index.js': code.replace(/\r\n?/g, '\n'),
  'package.json': '{\n  "type": "commonjs"\n}\n',
  ...Object.fromEntries(
    commandActions.map((name) => [
      `${name}/index.js`,
      `// ${name}/action.yml: the shared bundle, started with its command.\nprocess.env.INPUT_COMMAND = '${name}';\nrequire('../index.js');\n`,
    ]),
  ),
  ...(assets['licenses.txt'] ? { 'licenses.txt': String(assets['licenses.txt'].source).replace(/\r\n?/g, '\n') } : {}),
};
mkdirSync(dist, { recursive: true });
let changed = 0;
for (const [file, text] of Object.entries(files)) {
  const target = join(dist, file);
  if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  changed += 1;
}
for (const file of readdirSync(dist, { recursive: true }).map(String)) {
  const inFolder = Object.keys(files).some((f) => f.startsWith(`${file}/`));
  if (!(file in files) && !inFolder && existsSync(join(dist, file))) {
    rmSync(join(dist, file), { recursive: true, force: true });
    changed += 1;
  }
}
if (process.argv.includes('--verbose')) console.log(changed ? `dist/: ${changed} file(s) rewritten or removed` : 'dist/ was up to date');
