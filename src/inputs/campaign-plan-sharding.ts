import { SHARDING_KEYS } from './campaign-plan-keys.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A loose check of `sharding`, MongoDB's object passed through as is:
 * `{ createSupportingIndexes?: boolean, shardingEntries?: [{ database, collection, shardCollection: { key: [...] } }] }`.
 * Atlas checks the rest (key fields and their order) at validation.
 */
export function checkSharding(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value))
    if (!(SHARDING_KEYS as readonly string[]).includes(key)) problems.push(`unknown key in sharding; expected ${SHARDING_KEYS.join(', ')}`);
  if (value.createSupportingIndexes !== undefined && typeof value.createSupportingIndexes !== 'boolean')
    problems.push('createSupportingIndexes: expected true or false');
  const entries = value.shardingEntries;
  if (entries === undefined) return problems;
  if (!Array.isArray(entries)) return [...problems, 'shardingEntries: expected a list'];
  entries.forEach((entry, i) => {
    const at = `shardingEntries[${i}]`;
    if (!isRecord(entry)) return problems.push(`${at}: expected a mapping with database, collection and shardCollection`);
    for (const name of ['database', 'collection'])
      if (typeof entry[name] !== 'string' || entry[name] === '') problems.push(`${at}.${name}: expected a non-empty string`);
    const shard = entry.shardCollection;
    if (!isRecord(shard) || !Array.isArray(shard.key) || shard.key.length === 0)
      problems.push(`${at}.shardCollection: expected a mapping with key, a non-empty list of key fields`);
  });
  return problems;
}
