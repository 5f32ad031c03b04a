import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument, type Scalar } from 'yaml';
import { readmeTables } from '../scripts/readme-tables.mjs';
import { ROOT } from './helpers/run-action.js';

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('action.yml', () => {
  it('is valid against the SchemaStore schema for action metadata', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'schemas', 'github-action.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
  });

  it('runs on node24 from dist/index.js, with branding and a description for every input and output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)] as Array<{ description?: string }>) {
      expect(spec.description?.length).toBeGreaterThan(20);
    }
  });

  it('quotes every default', () => {
    const doc = parseDocument(actionText);
    const inputs = doc.get('inputs');
    if (!isMap(inputs)) throw new Error('inputs is not a map');
    let defaults = 0;
    for (const pair of inputs.items) {
      const spec = pair.value;
      if (!isMap(spec)) continue;
      const node = spec.get('default', true);
      if (node === undefined) continue;
      defaults += 1;
      expect(isScalar(node) && ['QUOTE_SINGLE', 'QUOTE_DOUBLE'].includes(String((node as Scalar).type)), `${String(pair.key)}`).toBe(true);
    }
    expect(defaults).toBeGreaterThan(10);
  });

  it('declares exactly the inputs the input helper reads, and nothing else reads inputs', () => {
    const helper = readFileSync(join(ROOT, 'src', 'input-helper.ts'), 'utf8');
    const read = new Set([...helper.matchAll(/(?:get|read[A-Za-z]*)\((?:get, )?'([a-z-]+)'/g)].map((m) => m[1]));
    for (const name of ['atlas-private-key', 'atlas-client-secret', 'source-private-key', 'link-token']) {
      expect(helper).toContain(`'${name}'`);
      read.add(name);
    }
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());

    const readers = readdirSync(join(ROOT, 'src'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && /core\.get(Boolean|Multiline)?Input\(/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
    expect(readers).toEqual(['input-helper.ts']);
  });
});

describe('README', () => {
  // Cells, not bytes: Prettier may pad the columns.
  const rows = (markdown: string, header: string) => {
    const lines = markdown.split('\n');
    const start = lines.findIndex((l) => l.replace(/\s+/g, ' ').startsWith(header));
    expect(start, header).toBeGreaterThanOrEqual(0);
    const table = [];
    for (let i = start; i < lines.length && lines[i].startsWith('|'); i += 1) {
      table.push(
        lines[i]
          .split(/(?<!\\)\|/)
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    }
    return table.filter((r) => !r.every((c) => /^-+$/.test(c)));
  };

  it('has the inputs and outputs tables exactly as action.yml says', () => {
    const tables = readmeTables(actionText);
    expect(rows(readme, '| Input | Required |')).toEqual(rows(tables.inputs, '| Input | Required |'));
    expect(rows(readme, '| Output | Description |')).toEqual(rows(tables.outputs, '| Output | Description |'));
    expect(rows(tables.inputs, '| Input | Required |')).toHaveLength(Object.keys(action.inputs).length + 1);
  });

  it('documents the set-up: npm ci, npm test, npm run demo', () => {
    for (const command of ['npm ci', 'npm test', 'npm run demo']) expect(readme).toContain(command);
  });
});

describe('dist/', () => {
  it('is one ESM file, its package.json and the licences', () => {
    expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(['index.js', 'licenses.txt', 'package.json']);
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('lists the licence of every package bundled, not just ncc’s', () => {
    const licences = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
    const bundled = new Set(
      [...readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]),
    );
    expect(bundled.size).toBeGreaterThan(5);
    for (const name of bundled) expect(licences, name).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(licences).not.toMatch(/^@vercel\/ncc$/m);
  });
});

describe('.github', () => {
  const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));

  it('ci.yml installs, lints, typechecks and tests on the Node of .node-version (24)', () => {
    expect(readFileSync(join(ROOT, '.node-version'), 'utf8').trim()).toBe('24');
    const steps = workflow('ci.yml').jobs.test.steps;
    expect(steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node')).with['node-version-file']).toBe('.node-version');
    expect(steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(
      expect.arrayContaining(['npm ci', 'npm run lint', 'npm run build', 'npm test']),
    );
  });

  it('check-dist.yml rebuilds dist/ and fails on a difference; e2e.yml runs the action itself', () => {
    const checkDist = JSON.stringify(workflow('check-dist.yml'));
    expect(checkDist).toContain('npm run bundle');
    expect(checkDist).toContain('git status --porcelain -- dist');
    const e2eSteps = workflow('e2e.yml').jobs['link-against-simulator'].steps as Array<{ uses?: string; run?: string }>;
    expect(e2eSteps.filter((s) => s.uses === './').length).toBe(3);
    expect(e2eSteps.some((s) => s.run?.includes('npm run simulator'))).toBe(true);
  });

  it('Dependabot watches npm and GitHub Actions', () => {
    const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8'));
    expect(config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
