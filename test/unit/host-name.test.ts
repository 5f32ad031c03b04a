// migration-host is one host name (RFC 1123) or IPv4 address, as an input and in a plan: a list,
// a path, white space or an empty label is refused before any request, naming the input (or the
// plan file and field) and what a host name is; the value is echoed only as `shown` allows.
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanError } from '../../src/inputs/campaign-plan.js';
import { Findings } from '../../src/inputs/fields.js';
import { hostNameProblem } from '../../src/inputs/host-name.js';
import { readMigrationInputs } from '../../src/inputs/migration-inputs.js';

const GOOD = [
  'mh-1.example.net',
  'mh1',
  'MH1.Example.COM',
  'a',
  '1host.example.com',
  'xn--bcher-kva.example',
  '10.0.0.5',
  '255.255.255.255',
  '0.0.0.0',
  `${'a'.repeat(63)}.example.com`,
  [1, 2, 3].map(() => 'a'.repeat(63)).join('.') + '.' + 'b'.repeat(61),
];

const BAD: Array<[string, RegExp]> = [
  ['mh1.example.com,mh2.example.com', /a comma \(name one migration host\)/],
  ['mh1.example.com, mh2.example.com', /a comma/],
  ['mh1.example.com/agent', /contains "\/"/],
  ['https://mh1.example.com', /contains ":"/],
  ['mh1 example', /white space/],
  ['mh1\texample', /white space/],
  ['mh1..example.com', /empty label/],
  ['.mh1.example.com', /empty label/],
  ['mh1.example.com.', /empty label/],
  ['-mh1.example.com', /starts or ends with a hyphen/],
  ['mh1-.example.com', /starts or ends with a hyphen/],
  ['mh_1.example.com', /contains "_"/],
  ['mh1:8443', /contains ":"/],
  ['::1', /contains ":"/],
  ['müller.example', /U\+00FC/],
  ['mh\u00011', /U\+0001/],
  [`${'a'.repeat(64)}.example.com`, /a label is 64 characters long/],
  [[1, 2, 3, 4].map(() => 'a'.repeat(63)).join('.'), /255 characters long/],
  ['256.1.1.1', /all digits but not an IPv4 address/],
  ['10.0.0', /all digits but not an IPv4 address/],
  ['010.0.0.1', /all digits but not an IPv4 address/],
];

describe('a host name', () => {
  it.each(GOOD)('accepts %s', (value) => {
    expect(hostNameProblem(value)).toBeUndefined();
  });
  it.each(BAD)('refuses %j, saying why', (value, reason) => {
    expect(hostNameProblem(value)).toMatch(reason);
  });
});

describe('the migration-host input', () => {
  const problems = (value: string) => {
    const f = new Findings();
    const m = readMigrationInputs((n) => (n === 'migration-host' ? value : ''), f);
    return { host: m.migrationHost, problems: f.problems };
  };

  it('takes a host name as given', () => {
    expect(problems('mh-1.example.net')).toEqual({ host: 'mh-1.example.net', problems: [] });
    expect(problems('10.0.0.5').problems).toEqual([]);
  });

  it('refuses a list, naming the input and what a host name is, and showing a short value', () => {
    expect(problems('mh1,mh2').problems).toEqual([
      {
        input: 'migration-host',
        message:
          'expected a host name, such as mh-1.example.net: labels of letters, digits and hyphens (1 to 63 characters each, ' +
          'not starting or ending with a hyphen) joined by dots, at most 253 characters; or an IPv4 address such as 10.0.0.5; ' +
          'got "mh1,mh2": it contains a comma (name one migration host).',
      },
    ]);
  });

  it('never echoes a long value, nor a control character', () => {
    const long = 'mh1.example.com,mh2.example.com';
    const [p] = problems(long).problems;
    expect(p.message).not.toContain(long);
    expect(p.message).toContain('got a value of 31 characters (not shown): it contains a comma');
    // eslint-disable-next-line no-control-regex -- the point
    expect(problems('mh\u001b[31m').problems[0].message).not.toMatch(/[\x00-\x1f]/);
  });
});

describe('migration-host in a plan', () => {
  const plan = (host: string, where: 'entry' | 'defaults' = 'entry') =>
    `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\n` +
    (where === 'defaults' ? `defaults:\n  migration-host: ${JSON.stringify(host)}\n` : '') +
    `deployments:\n  - source-project-id: 65f000000000000000000001\n    source-cluster-name: rs0\n    atlas-cluster-name: orders-rs0\n` +
    (where === 'entry' ? `    migration-host: ${JSON.stringify(host)}\n` : '');
  const refusal = (text: string) => {
    try {
      parsePlan(text, 'migration/orders.yml');
    } catch (err) {
      expect(err).toBeInstanceOf(PlanError);
      return (err as PlanError).problems.map((p) => `${p.input}: ${p.message}`);
    }
    throw new Error('the plan was accepted');
  };

  it('takes a host name', () => {
    expect(parsePlan(plan('mh-1.example.net'), 'orders.yml').deployments[0].migrationHost).toBe('mh-1.example.net');
  });

  it.each([
    ['mh1.example.com,mh2.example.com', /a comma/],
    ['mh1/x', /contains "\/"/],
    ['mh1 x', /white space/],
    ['mh1..x', /empty label/],
  ])('refuses %j in an entry, naming the file, line, entry and field', (host, reason) => {
    const [message, ...rest] = refusal(plan(host));
    expect(rest).toEqual([]);
    expect(message).toMatch(
      /^plan: migration\/orders\.yml line 8, deployments\[0\] \(65f000000000000000000001\/rs0\)\.migration-host: expected a host name, such as mh-1\.example\.net/,
    );
    expect(message).toMatch(reason);
  });

  it('refuses one in defaults, naming defaults.migration-host', () => {
    expect(refusal(plan('a,b', 'defaults'))).toEqual([
      expect.stringMatching(
        /^plan: migration\/orders\.yml line 5, defaults\.migration-host: expected a host name.*got "a,b": it contains a comma/,
      ),
    ]);
  });
});
