import { quoted } from './fields.js';

/**
 * Git's own rule for a branch name, as `git check-ref-format --branch` applies it (git's
 * check_refname_format on `refs/heads/<name>`, plus the two rules of a branch): slashes separate
 * components; none is empty, starts with `.` or ends in `.lock`; no `..`, no `@{`, no control
 * character, space or any of `~ ^ : ? * [ \`; the name does not end in `.`, is not `@` or `HEAD`,
 * and does not start with `-`.
 *
 * Returns git's reason in words when `name` breaks a rule, else undefined.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name === '@') return 'it is "@", which git reads as HEAD';
  if (name === 'HEAD') return 'git refuses "HEAD" as a branch name';
  // eslint-disable-next-line no-control-regex -- control characters are what git refuses here
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(name);
  if (bad) return `it contains ${describe(bad[0])}, which git does not allow in a ref name`;
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.startsWith('/')) return 'it starts with "/"';
  if (name.endsWith('/')) return 'it ends with "/"';
  if (name.includes('//')) return 'it contains "//" (an empty component)';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `its component ${quoted(component)} starts with "."`;
    if (component.endsWith('.lock')) return `its component ${quoted(component)} ends with ".lock"`;
  }
  return undefined;
}

function describe(c: string): string {
  if (c === ' ') return 'a space';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${c}"`;
}
