// The licences of the runtime dependencies (what ncc bundles into dist/): each must be on the
// allowed list below, and dist/licenses.txt must carry the notice of every package bundled.
// Reads `npm query .prod` (package.json's dependencies and theirs, as installed); offline.
// Exits 1 naming each package whose licence is missing or not allowed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isMain } from './is-main.mjs';

/** Permissive licences (SPDX ids) whose notice travels in dist/licenses.txt. */
export const ALLOWED = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD'];

/** The production packages installed, with their licences. @param {string} root */
export function productionPackages(root) {
  const text = execFileSync('npm', ['query', '.prod'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const own = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).name;
  return /** @type {Array<{ name: string, version: string, license?: string }>} */ (JSON.parse(text)).filter((p) => p.name !== own);
}

/** @param {Array<{ name: string, version: string, license?: string }>} packages @param {string} notices dist/licenses.txt */
export function licenceProblems(packages, notices) {
  const problems = [];
  for (const p of packages) {
    const licence = typeof p.license === 'string' ? p.license : undefined;
    const ids = licence?.replace(/[()]/g, '').split(/\s+OR\s+/) ?? [];
    if (!ids.some((id) => ALLOWED.includes(id)))
      problems.push(`${p.name}@${p.version}: licence ${licence ?? 'not stated'} is not one of ${ALLOWED.join(', ')}`);
    if (!new RegExp(`^${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').test(notices))
      problems.push(`${p.name}: no notice in dist/licenses.txt`);
  }
  return problems;
}

if (isMain(import.meta.url)) {
  const root = new URL('..', import.meta.url).pathname;
  const packages = productionPackages(root);
  const problems = licenceProblems(packages, readFileSync(`${root}/dist/licenses.txt`, 'utf8'));
  for (const p of packages) console.log(`${p.name}@${p.version} ${p.license}`);
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  console.log(`${packages.length} runtime packages, all with allowed licences and notices in dist/licenses.txt.`);
}
