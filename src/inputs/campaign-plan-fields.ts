import { Findings, isObjectId, shown } from './fields.js';
import { readMigrationInputs } from './migration-inputs.js';
import { KIND_OF, MAX_ATTEMPT, MAX_OWNERS, OWNER, SECRET_KEY, type PlanKey } from './campaign-plan-keys.js';
import type { PlanPath } from './campaign-plan-source.js';
import { checkSharding } from './campaign-plan-sharding.js';

/** The checks of one plan value: its YAML type, the inputs' rules for its form, secrets, unknown keys. */

export type Entry = Record<string, unknown>;
/** A deployment name as MongoDB allows it: the input's own rule for source-cluster-name (spaces pass). */
export { MONGODB_STRING as DEPLOYMENT_NAME } from './migration-inputs.js';
const NETWORKS = ['PUBLIC', 'PRIVATE_LINK', 'VPC_PEERING'];

/** Keys whose form readMigrationInputs checks, as it does the inputs of the same names. */
const FORM_CHECKED = new Set<string>([
  'source-project-id',
  'source-cluster-name',
  'atlas-cluster-name',
  'migration-host',
  'source-managed-authentication',
  'source-ssl',
  'source-ca-certificate-path',
  'destination-network',
  'private-link-id',
  'drop-destination-data',
  'migration-id',
]);
export const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Fail = (path: PlanPath, message: string) => void;

export function checkKeys(value: Entry, at: PlanPath, allowed: readonly string[], what: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key) || SECRET_KEY.test(key)) continue;
    const near = allowed.find((k) => k.replace(/-/g, '') === key.toLowerCase().replace(/[-_ ]/g, ''));
    fail(
      [...at, key],
      `unknown key ${keyName(key)} in ${what}${near ? `: did you mean ${near}?` : `; expected one of ${allowed.join(', ')}`}`,
    );
  }
}

/** Keys named like secrets, anywhere (sharding included): refused without showing the value. */
export function refuseSecrets(value: unknown, at: PlanPath, fail: Fail): void {
  if (Array.isArray(value)) return value.forEach((v, i) => refuseSecrets(v, [...at, i], fail));
  if (!isEntry(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key))
      fail(
        [...at, key],
        `${keyName(key)} looks like a secret, and secrets never go in the plan (it is in the repository, and the state and dashboard are public to it): ` +
          'remove it, pass source-password and the API keys as inputs from secrets, and rotate the value if it was committed',
      );
    else refuseSecrets(inner, [...at, key], fail);
  }
}

/** The YAML type of one key; a value of the wrong type is reported and read as absent. */
export function typed(value: Entry, key: PlanKey, path: PlanPath, required: boolean, fail: Fail): unknown {
  const v = value[key];
  if (v === undefined || v === null) {
    if (required) fail(path, `is required`);
    return undefined;
  }
  const kind = KIND_OF[key];
  const bad = (expected: string) => {
    const quote = typeof v === 'number' && kind !== 'attempt' ? ' (write it in quotes: YAML read it as a number)' : '';
    fail(path, `expected ${expected}; got ${describe(v)}${quote}`);
    return undefined;
  };
  if (kind === 'boolean') return typeof v === 'boolean' ? v : bad('true or false (a YAML boolean, without quotes)');
  if (kind === 'object') return isEntry(v) ? v : bad('a mapping');
  if (kind === 'list') return Array.isArray(v) ? v : bad('a list of deployments');
  if (kind === 'owners') {
    const names = "GitHub users or teams, such as ['@octocat', '@octo-org/dba']";
    if (!Array.isArray(v)) return bad(`a list of ${names}`);
    if (v.length > MAX_OWNERS) return bad(`at most ${MAX_OWNERS} ${names}`);
    const wrong = v.findIndex((o) => typeof o !== 'string' || !OWNER.test(o));
    if (wrong >= 0) {
      fail([...path, wrong], `expected a GitHub user or team (@user or @org/team: letters, digits and hyphens); got ${describe(v[wrong])}`);
      return undefined;
    }
    return (v as string[]).map((o) => (o.startsWith('@') ? o : `@${o}`));
  }
  if (kind === 'attempt')
    return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_ATTEMPT ? v : bad(`a whole number of 1 to ${MAX_ATTEMPT}`);
  if (typeof v !== 'string') return bad(kind === 'object-id' ? '24 hexadecimal digits in quotes' : 'a string');
  if (kind === 'object-id' && !FORM_CHECKED.has(key) && !isObjectId(v))
    return bad(`24 hexadecimal digits such as 5f1a2b3c4d5e6f7a8b9c0d1e`);
  return v;
}

/** Keys are names, not secrets: shown when short and printable. */
export function keyName(key: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(key) ? `"${key}"` : `of ${key.length} characters (not shown)`;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return shown(v);
  if (Array.isArray(v)) return 'a list';
  if (isEntry(v)) return 'a mapping';
  return typeof v === 'number' || typeof v === 'boolean' ? `${typeof v} ${String(v).slice(0, 30)}` : typeof v;
}

/** The inputs' own checks of each value's form, on the keys present (readMigrationInputs reads them as inputs). */
export function formChecks(value: Entry, fail: (key: string, message: string) => void): void {
  const f = new Findings();
  readMigrationInputs(readerOf(value), f);
  for (const p of f.problems) fail(p.input, p.message.replace(/\.$/, ''));
  // The input takes any case; a file is written once, with an editor and the schema to help: exactly.
  const network = value['destination-network'];
  if (typeof network === 'string' && !f.has('destination-network') && !NETWORKS.includes(network))
    fail('destination-network', `expected one of ${NETWORKS.join(', ')}, in capitals; got ${shown(network)}`);
  if (isEntry(value.sharding)) for (const problem of checkSharding(value.sharding)) fail('sharding', problem);
}

/** The plan's values as the inputs' reader sees them (input names are the plan's keys); a value of the wrong YAML type reads as unset (typed() reported it). */
export function readerOf(value: Entry) {
  return (name: string): string => {
    const v = value[name];
    if (KIND_OF[name as PlanKey] === 'boolean') return typeof v === 'boolean' ? String(v) : '';
    return typeof v === 'string' ? v : '';
  };
}
