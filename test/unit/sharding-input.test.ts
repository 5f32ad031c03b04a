import { describe, expect, it } from 'vitest';
import { Findings } from '../../src/inputs/fields.js';
import { readSharding, shardingProblems } from '../../src/inputs/sharding-input.js';

const GOOD = {
  createSupportingIndexes: false,
  shardingEntries: [{ database: 'shop', collection: 'orders', shardCollection: { key: [{ customerId: 1 }, { region: 'hashed' }] } }],
};
const read = (value: string) => (name: string) => (name === 'sharding' ? value : '');

describe('the sharding input, by MongoDB\u2019s ShardingRequest', () => {
  it('takes the published shape as is, and nothing when unset', () => {
    const f = new Findings();
    expect(readSharding(read(JSON.stringify(GOOD)), f)).toEqual(GOOD);
    expect(readSharding(read(''), f)).toBeUndefined();
    expect(f.problems).toEqual([]);
    expect(shardingProblems({ createSupportingIndexes: true, shardingEntries: [] })).toEqual([]);
  });

  it.each([
    ['a list', [], 'expected a JSON object with createSupportingIndexes and shardingEntries; got a list'],
    ['no shardingEntries', { createSupportingIndexes: true }, 'shardingEntries: expected a list of collections to shard; got nothing'],
    [
      'an empty database',
      { ...GOOD, shardingEntries: [{ ...GOOD.shardingEntries[0], database: '' }] },
      'shardingEntries[0].database: expected a non-empty string; got a string',
    ],
    [
      'an empty key',
      { ...GOOD, shardingEntries: [{ ...GOOD.shardingEntries[0], shardCollection: { key: [] } }] },
      'shardingEntries[0].shardCollection.key: expected a non-empty list of key fields; got a list',
    ],
    [
      'two fields in one key entry',
      { ...GOOD, shardingEntries: [{ ...GOOD.shardingEntries[0], shardCollection: { key: [{ a: 1, b: 1 }] } }] },
      'shardingEntries[0].shardCollection.key[0]: expected one field whose value is 1 or "hashed", such as {"customerId": 1}; got an object',
    ],
    [
      'an unknown entry field',
      { ...GOOD, shardingEntries: [{ ...GOOD.shardingEntries[0], unique: true }] },
      'shardingEntries[0].unique: not a field MongoDB takes here (expected database, collection, shardCollection)',
    ],
  ])('%s: named, with what would be right', (_what, value, problem) => {
    expect(shardingProblems(value)).toContain(problem);
    const f = new Findings();
    expect(readSharding(read(JSON.stringify(value)), f)).toBeUndefined();
    expect(f.problems.map((p) => p.input)).toContain('sharding');
  });

  it('text that is not JSON: the error says so without echoing it', () => {
    const f = new Findings();
    readSharding(read('{"createSupportingIndexes": tru'), f);
    expect(f.problems).toEqual([
      {
        input: 'sharding',
        message:
          'expected JSON such as {"createSupportingIndexes": true, "shardingEntries": [...]}; got text that is not JSON (31 characters).',
      },
    ]);
  });
});
