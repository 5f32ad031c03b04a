import type { Sharding } from '../settings.js';
import type { Findings, InputReader } from './fields.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** Keys MongoDB's ShardingRequest, ShardEntry and ShardKeys define; anything else would be refused there. */
function unknownKeys(value: Record<string, unknown>, known: string[], at: string, problems: string[]): void {
  for (const key of Object.keys(value))
    if (!known.includes(key)) problems.push(`${at}${key}: not a field MongoDB takes here (expected ${known.join(', ')})`);
}

/** One shard key field, `{ "<field>": 1 }` or `{ "<field>": "hashed" }`, in key order. */
function checkKeyField(field: unknown, at: string, problems: string[]): void {
  const entries = isRecord(field) ? Object.entries(field) : [];
  if (entries.length !== 1 || entries[0][0] === '' || !(entries[0][1] === 1 || entries[0][1] === 'hashed'))
    problems.push(`${at}: expected one field whose value is 1 or "hashed", such as {"customerId": 1}; got ${kind(field)}`);
}

/**
 * The problems of a `sharding` value by MongoDB's ShardingRequest: `createSupportingIndexes`
 * (boolean) and `shardingEntries` (a list of `{database, collection, shardCollection: {key: [...]}}`)
 * both required; each key a non-empty list of one-field objects, in shard key order.
 */
export function shardingProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return [`expected a JSON object with createSupportingIndexes and shardingEntries; got ${kind(value)}`];
  unknownKeys(value, ['createSupportingIndexes', 'shardingEntries'], '', problems);
  if (typeof value.createSupportingIndexes !== 'boolean')
    problems.push(`createSupportingIndexes: expected true or false; got ${kind(value.createSupportingIndexes)}`);
  const entries = value.shardingEntries;
  if (!Array.isArray(entries)) return [...problems, `shardingEntries: expected a list of collections to shard; got ${kind(entries)}`];
  entries.forEach((entry, i) => {
    const at = `shardingEntries[${i}]`;
    if (!isRecord(entry))
      return problems.push(`${at}: expected an object with database, collection and shardCollection; got ${kind(entry)}`);
    unknownKeys(entry, ['database', 'collection', 'shardCollection'], `${at}.`, problems);
    for (const name of ['database', 'collection'])
      if (typeof entry[name] !== 'string' || entry[name] === '')
        problems.push(`${at}.${name}: expected a non-empty string; got ${kind(entry[name])}`);
    const shard = entry.shardCollection;
    if (!isRecord(shard)) return problems.push(`${at}.shardCollection: expected an object with key; got ${kind(shard)}`);
    unknownKeys(shard, ['key'], `${at}.shardCollection.`, problems);
    if (!Array.isArray(shard.key) || shard.key.length === 0)
      return problems.push(`${at}.shardCollection.key: expected a non-empty list of key fields; got ${kind(shard.key)}`);
    shard.key.forEach((field, j) => checkKeyField(field, `${at}.shardCollection.key[${j}]`, problems));
  });
  return problems;
}

/** The `sharding` input: JSON, checked against MongoDB's shape before any call. */
export function readSharding(read: InputReader, f: Findings): Sharding | undefined {
  const text = read('sharding');
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    f.fail(
      'sharding',
      `expected JSON such as {"createSupportingIndexes": true, "shardingEntries": [...]}; got text that is not JSON (${text.length} characters).`,
    );
    return undefined;
  }
  const problems = shardingProblems(value);
  for (const problem of problems.slice(0, 5)) f.fail('sharding', `${problem}.`);
  if (problems.length > 5) f.fail('sharding', `and ${problems.length - 5} more problems.`);
  return problems.length ? undefined : (value as Sharding);
}
