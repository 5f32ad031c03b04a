import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument, type Scalar } from 'yaml';
import { licenceProblems, productionPackages } from '../scripts/check-licences.mjs';
import { checkActionMetadata } from '../scripts/check-workflows.mjs';
import { commandInputs, generatedFiles, staleFiles } from '../scripts/actions.mjs';
import { COMMANDS } from '../src/commands/registry.js';
import { COMMON_INPUTS, DEFAULTS } from '../src/inputs/declarations.js';
import { INPUTS_DOCUMENTED, OUTPUTS_DOCUMENTED } from '../src/inputs/input-docs.js';
import { readSettings, secretInputs } from '../src/inputs/input-helper.js';
import { ROOT } from './helpers/run-action.js';

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('action.yml', () => {
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

  it('declares exactly the inputs the input helper reads (for every command), with the same defaults, and nothing else reads inputs', () => {
    const asked = new Set<string>();
    const recording = (name: string) => {
      asked.add(name);
      return '';
    };
    secretInputs(recording);
    for (const { name: command } of COMMANDS) {
      try {
        readSettings((name) => (name === 'command' ? command : recording(name)), COMMANDS);
      } catch {
        // Required inputs are missing here; every input was read all the same.
      }
    }
    asked.add('command');
    expect([...asked].sort()).toEqual(Object.keys(action.inputs).sort());
    const declared = new Set([...COMMON_INPUTS, ...COMMANDS.flatMap((c) => Object.keys(c.inputs))]);
    expect([...declared].sort()).toEqual(Object.keys(action.inputs).sort());
    const defaults = Object.fromEntries(
      Object.entries(action.inputs as Record<string, { default?: string }>)
        .filter(([, spec]) => spec.default)
        .map(([name, spec]) => [name, spec.default]),
    );
    expect(DEFAULTS).toEqual(defaults);

    const readers = readdirSync(join(ROOT, 'src'), { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|js)$/.test(f) && /INPUT_|getInput\(|actionInput\b/.test(readFileSync(join(ROOT, 'src', f), 'utf8')))
      .sort();
    expect(readers).toEqual(['inputs/action-inputs.ts', 'main.ts']);
  });
});

describe('the generated metadata: action.yml, <command>/action.yml, docs/reference.md', () => {
  it('is what `npm run actions` writes from the command declarations (a stale file fails)', async () => {
    expect(await staleFiles()).toEqual([]);
    // The check can fail: a copy of the repository with one declaration's file changed.
    const copy = mkdtempSync(join(tmpdir(), 'stale-'));
    try {
      const files = await generatedFiles();
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(copy, path)), { recursive: true });
        writeFileSync(join(copy, path), path === 'migrate/action.yml' ? text.replace('required: true', 'required: false') : text);
      }
      expect(await staleFiles(copy)).toEqual(['migrate/action.yml']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s/action.yml declares exactly its inputs and outputs, runs its entry, and passes the action validator',
    (name, command) => {
      const text = readFileSync(join(ROOT, name, 'action.yml'), 'utf8');
      const own = parse(text);
      const expected = [...COMMON_INPUTS.filter((n) => n !== 'command'), ...Object.keys(command.inputs)];
      expect(Object.keys(own.inputs).sort()).toEqual(expected.sort());
      expect(Object.keys(own.outputs).sort()).toEqual([...command.outputs].sort());
      for (const [input, spec] of Object.entries(
        own.inputs as Record<string, { required: boolean; default?: string; description: string }>,
      )) {
        expect(spec.required, input).toBe(command.inputs[input] === 'required');
        expect(spec.default, input).toBe(DEFAULTS[input]);
        // Its own wording: no other command is named as the subject of a description.
        expect(spec.description, input).not.toMatch(/^`[a-z-]+`[,:(]/);
      }
      expect(own.description.length).toBeLessThan(125);
      expect(own.runs).toEqual({ using: 'node24', main: `../dist/${name}/index.js` });
      expect(readFileSync(join(ROOT, 'dist', name, 'index.js'), 'utf8')).toContain(`process.env.INPUT_COMMAND = '${name}';`);
      expect(checkActionMetadata(text)).toEqual([]);
      expect(commandInputs(command)).toEqual(Object.keys(own.inputs));
    },
  );

  it('documents every input and output of every command, in action.yml and in docs/reference.md, and nothing else', () => {
    const reference = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8');
    const inputs = new Set([...COMMON_INPUTS, ...COMMANDS.flatMap((c) => Object.keys(c.inputs))]);
    const outputs = new Set(COMMANDS.flatMap((c) => c.outputs));
    expect(Object.keys(INPUTS_DOCUMENTED).sort()).toEqual([...inputs].sort());
    expect(Object.keys(OUTPUTS_DOCUMENTED).sort()).toEqual([...outputs].sort());
    expect(Object.keys(action.outputs).sort()).toEqual([...outputs].sort());
    for (const name of [...inputs, ...outputs]) expect(reference, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
    for (const c of COMMANDS) expect(reference).toContain(`## \`${c.name}\``);
    expect(action.description.length).toBeLessThan(125);
  });
});

describe('README', () => {
  it("names every command, with what it does, in action.yml's description of the command input", () => {
    const description = action.inputs.command.description as string;
    for (const c of COMMANDS) expect(description).toContain(`\`${c.name}\` ${c.description}`);
  });

  it('documents the set-up: npm ci, npm test, npm run demo', () => {
    for (const command of ['npm ci', 'npm test', 'npm run demo']) expect(readme).toContain(command);
  });
});

describe('dist/', () => {
  it('is one CommonJS bundle, its package.json, one three-line entry per command (plus licences, only when third-party code is bundled)', () => {
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true }).map(String).sort();
    const entries = COMMANDS.flatMap((c) => [c.name, join(c.name, 'index.js')]);
    expect(files.filter((f) => f !== 'licenses.txt')).toEqual([...entries, 'index.js', 'package.json'].sort());
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8')).not.toMatch(/^\s*(import|export) /m);
  });

  it('carries the notice of every third-party package bundled, each a runtime dependency with an allowed licence', () => {
    const bundled = new Set(
      [...readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]),
    );
    const production = productionPackages(ROOT);
    expect(bundled.size).toBeGreaterThan(0);
    expect([...bundled].filter((name) => !production.some((p) => p.name === name))).toEqual([]);
    const notices = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
    expect(licenceProblems(production, notices)).toEqual([]);
    // The check can fail: a licence off the list, and a package without a notice.
    expect(licenceProblems([{ name: 'gpl-thing', version: '1.0.0', license: 'GPL-3.0' }], 'gpl-thing\n')).toHaveLength(1);
    expect(licenceProblems([{ name: 'mit-thing', version: '1.0.0', license: 'MIT' }], notices)).toHaveLength(1);
  });

  it('bundles @actions/core and @actions/http-client, the runtime dependencies package.json names', () => {
    const dependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).sort();
    expect(dependencies).toEqual(expect.arrayContaining(['@actions/core']));
    const bundle = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
    for (const name of dependencies) expect(bundle, name).toContain(`node_modules/${name}/`);
  });
});

describe('.github', () => {
  const workflowDir = join(ROOT, '.github', 'workflows');
  const workflowText = (name: string) => readFileSync(join(workflowDir, name), 'utf8');
  const workflow = (name: string) => parse(workflowText(name));
  type Step = { uses?: string; run?: string; id?: string; with?: Record<string, string>; env?: Record<string, string> };

  it('ci.yml installs, lints, typechecks and tests on Node 20 and on the Node of .node-version (24, what runs the action)', () => {
    const nodeVersion = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
    expect(nodeVersion).toBe('24');
    const job = workflow('ci.yml').jobs.test;
    expect(job.strategy.matrix.node).toEqual(['20', nodeVersion]);
    const steps = job.steps as Step[];
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with!['node-version']).toBe('${{ matrix.node }}');
    // npm test typechecks first, so no separate `npm run build` step.
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm ci', 'npm run lint', 'npm test']));
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.test).toMatch(/^tsc --noEmit && /);
    expect(steps.some((s) => s.run?.startsWith('npm audit --omit=dev'))).toBe(true);
  });

  it('check-dist.yml rebuilds dist/ and fails on a difference; e2e.yml runs the action itself', () => {
    const checkDist = JSON.stringify(workflow('check-dist.yml'));
    expect(checkDist).toContain('npm run bundle');
    expect(checkDist).toContain('git status --porcelain --untracked-files=all -- dist');
    const e2eSteps = workflow('e2e.yml').jobs['link-against-simulator'].steps as Step[];
    expect(e2eSteps.filter((s) => s.uses === './').map((s) => s.with?.command ?? 'link')).toEqual([
      'link',
      'link',
      'migrate',
      'cutover',
      'unlink',
    ]);
  });

  it('e2e.yml takes the inputs from the simulator, and passes outputs through env:, never inline in run:', () => {
    const steps = workflow('e2e.yml').jobs['link-against-simulator'].steps as Step[];
    const start = steps.find((s) => s.run?.includes('scripts/simulator.mjs --inputs-file inputs.env'))!;
    expect(start.id).toBeTruthy();
    expect(start.run).toContain('cat inputs.env >> "$GITHUB_OUTPUT"');
    const names = [
      'atlas-org-id',
      'atlas-public-key',
      'atlas-private-key',
      'atlas-base-url',
      'source-org-id',
      'source-public-key',
      'source-private-key',
      'source-base-url',
    ];
    for (const step of steps.filter((s) => s.uses === './')) {
      // The migration commands take the Atlas side only.
      const used = ['migrate', 'cutover'].includes(step.with?.command ?? '')
        ? names.filter((n) => n.startsWith('atlas-') && n !== 'atlas-org-id')
        : names;
      for (const name of used) expect(step.with![name], name).toBe(`\${{ steps.${start.id}.outputs.${name} }}`);
    }
    expect(steps.filter((s) => s.uses === './')[0].with!['access-list-ips']).toBe(`\${{ steps.${start.id}.outputs.access-list-ips }}`);
    expect(steps.map((s) => s.with?.command ?? 'link')).toContain('unlink');
    for (const step of steps) expect(step.run ?? '', step.run).not.toContain('${{');
    expect(steps.find((s) => s.env?.UNLINK)!.env!.UNLINK).toContain('steps.unlink.outputs.status');
  });

  it('release.yml: on a vX.Y.Z tag or by hand, checks dist/, releases with the CHANGELOG section and moves the major tag', () => {
    const release = workflow('release.yml');
    expect(release.on.push.tags).toEqual(['v*.*.*']);
    expect(release.on.workflow_dispatch.inputs.tag.required).toBe(true);
    expect(release.permissions).toEqual({});
    const jobs = Object.values(release.jobs) as Array<{ permissions: unknown; steps: Step[] }>;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].permissions).toEqual({ contents: 'write' });
    const runs = jobs[0].steps.map((s) => s.run ?? '').join('\n');
    for (const command of [
      'npm ci',
      'npm run bundle',
      'git status --porcelain',
      'node scripts/release-notes.mjs',
      'gh release create',
      'git tag -f',
      'git push -f origin',
    ]) {
      expect(runs).toContain(command);
    }
    expect(runs).not.toContain('${{');
  });

  it('pins every third-party action by full commit SHA, with its version in a comment', () => {
    const files = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    let pinned = 0;
    for (const file of files) {
      for (const line of workflowText(file).split('\n')) {
        const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!uses || uses[1].startsWith('./')) continue;
        expect(`${file}: ${line.trim()}`).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
        pinned += 1;
      }
    }
    expect(pinned).toBeGreaterThanOrEqual(8);
  });

  it('grants at most contents: read at the top of every workflow; only the release job can write', () => {
    for (const file of readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f))) {
      const wf = workflow(file);
      expect([{}, { contents: 'read' }], file).toContainEqual(wf.permissions);
      for (const [id, job] of Object.entries(wf.jobs) as Array<[string, { permissions?: Record<string, string> }]>) {
        if (file === 'release.yml') continue;
        expect(job.permissions, `${file} ${id}`).toBeUndefined();
      }
    }
  });

  it('Dependabot watches npm and GitHub Actions', () => {
    const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8'));
    expect(config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
