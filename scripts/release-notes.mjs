// `node scripts/release-notes.mjs <version>` prints the body of CHANGELOG.md's section for that
// version (`1.2.3` or `v1.2.3`): the lines under `## [1.2.3] - date` up to the next `## `
// heading, trimmed. release.yml uses it as the GitHub release's notes. Exits 1 when the section
// is missing or empty.
import { readFileSync } from 'node:fs';
import { isMain } from './is-main.mjs';

const HEADING = /^## \[([^\]]+)\](.*)$/;

/** The section of `version` (a leading `v` is ignored), or undefined when there is none. */
export function releaseNotes(changelog, version) {
  const wanted = String(version).replace(/^v/, '');
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === wanted);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  // Link reference definitions (`[1.2.3]: https://…`) at the end belong to the whole file.
  while (end > start + 1 && /^\[[^\]]+\]:\s/.test(lines[end - 1].trim() || '[x]: ')) end -= 1;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  return body || undefined;
}

/** The versions with a `## [x.y.z]` section, newest (topmost) first; `Unreleased` left out. */
export function releasedVersions(changelog) {
  return changelog
    .split(/\r?\n/)
    .map((l) => HEADING.exec(l)?.[1])
    .filter((v) => v !== undefined && v.toLowerCase() !== 'unreleased');
}

if (isMain(import.meta.url)) {
  const version = process.argv[2];
  if (!version) {
    console.error('usage: node scripts/release-notes.mjs <version>');
    process.exit(2);
  }
  const notes = releaseNotes(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version);
  if (!notes) {
    console.error(`CHANGELOG.md has no section for ${version}, or it is empty.`);
    process.exit(1);
  }
  console.log(notes);
}
