// The shared runner reads stdout and GITHUB_OUTPUT exactly as actions/runner does, and gives the
// action only the environment a runner would. Proved on hostile samples and on a stand-in bundle.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtmlLike, expectNoLeak } from '../helpers/run-action.js';
import { parseOutputFile, parseRunnerStdout, runAction, type ActionRun } from './run-action.js';

describe('parseRunnerStdout', () => {
  it('finds exactly the commands the runner would in a hostile sample', () => {
    const stdout = [
      'plain text',
      'progress 50%\r::warning::x',
      'text before ##[error]boom',
      '  ::error file=a.ts,line=3,title=T%3A1%2C2::multi%0Aline %25 %250A',
      '::not-a-command::plain, no legacy part',
      '::not-a-command::then ##[warning title=w%3B1]legacy%5D',
      'echo ::error::not at the start of the line',
      '::add-mask::s3cr%25t',
      '::add-mask::   ',
      '::stop-commands::pause-123',
      '::error::ignored while stopped',
      '##[warning]ignored while stopped too',
      '::PAUSE-123::',
      '::notice title=n::done\r\n::ERROR::upper-case name',
      '##[group]A group',
      '',
    ].join('\n');
    const parsed = parseRunnerStdout(stdout);
    expect(parsed.lines).toHaveLength(17);
    expect(parsed.lines[2]).toBe('::warning::x');
    expect(parsed.errors).toEqual([
      { message: 'boom', properties: {} },
      { message: 'multi\nline % %0A', properties: { file: 'a.ts', line: '3', title: 'T:1,2' } },
      { message: 'upper-case name', properties: {} },
    ]);
    expect(parsed.warnings).toEqual([
      { message: 'x', properties: {} },
      { message: 'legacy]', properties: { title: 'w;1' } },
      { message: "Can't add secret mask for empty string in ##[add-mask] command.", properties: {} },
    ]);
    expect(parsed.notices).toEqual([{ message: 'done', properties: { title: 'n' } }]);
    expect(parsed.masks).toEqual(['s3cr%t']);
    expect(parsed.legacyCommands.map((c) => `${c.line}:${c.name}`)).toEqual(['4:error', '7:warning', '17:group']);
    expect(parsed.commands.map((c) => c.name)).toEqual([
      'warning',
      'error',
      'error',
      'warning',
      'add-mask',
      'add-mask',
      'stop-commands',
      'notice',
      'error',
      'group',
    ]);
  });

  it('an empty stop token never resumes', () => {
    expect(parseRunnerStdout('::stop-commands::\n::::\n::error::x\n').errors).toEqual([]);
  });
});

describe('parseOutputFile', () => {
  it('reads name=value and heredocs; a CR stays in the value as on Linux runners', () => {
    const text = 'status=SYNCED\nempty<<EOF\nEOF\nmulti<<ghadelimiter_1\nline 1\r\nline=2\nghadelimiter_1\nx=a<<b\n';
    expect(parseOutputFile(text)).toEqual({ status: 'SYNCED', empty: '', multi: 'line 1\r\nline=2', x: 'a<<b' });
  });

  it('throws where the runner fails the step', () => {
    expect(() => parseOutputFile('token<<EOF\nvalue\n')).toThrow(/matching delimiter not found 'EOF'/);
    expect(() => parseOutputFile('token<<EOF\nvalue')).toThrow(/EOF marker missing new line/);
    expect(() => parseOutputFile('just text\n')).toThrow(/invalid format/);
    expect(() => parseOutputFile('=value\n')).toThrow(/name must not be empty/);
  });
});

describe('runAction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = join(dir, 'stand-in.mjs');
  writeFileSync(
    bundle,
    `import { appendFileSync } from 'node:fs';
const env = process.env;
console.log(JSON.stringify(Object.keys(env).sort()));
if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, 'status=SYNCED\\ntoken<<EOF_1\\nline 1\\nline 2\\nEOF_1\\n');
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, '# Summary\\n');
console.log('::add-mask::' + env['INPUT_ATLAS-ORG-ID']);
console.log('::error title=t::' + env.EXTRA);
process.stderr.write('to stderr');
process.exit(3);
`,
  );

  it('kills a run that hangs past timeoutMs, and says so', async () => {
    const hangs = join(dir, 'hangs.mjs');
    writeFileSync(hangs, 'setInterval(() => {}, 1000);\n');
    await expect(runAction({}, { bundle: hangs, timeoutMs: 300 })).rejects.toThrow(
      'the action was still running after 300 ms and was killed',
    );
  });

  it('gives only PATH, HOME, the runner files, RUNNER_DEBUG, INPUT_* and env; reads outputs, summary and commands', async () => {
    const run = await runAction({ 'atlas-org-id': 'org', 'my input': 'v' }, { bundle, env: { EXTRA: 'extra' } });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.lines[0])).toEqual([
      'EXTRA',
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      'HOME',
      'INPUT_ATLAS-ORG-ID',
      'INPUT_MY_INPUT',
      'PATH',
      'RUNNER_DEBUG',
    ]);
    expect(run.outputs).toEqual({ status: 'SYNCED', token: 'line 1\nline 2' });
    expect(run.summary).toBe('# Summary\n');
    expect(run.masks).toEqual(['org']);
    expect(run.errors).toEqual([{ message: 'extra', properties: { title: 't' } }]);
    expect(run.stderr).toBe('to stderr');
  });

  it('debug: false drops RUNNER_DEBUG; an env value undefined removes the variable', async () => {
    const run = await runAction(
      {},
      { bundle, debug: false, env: { GITHUB_STEP_SUMMARY: undefined, HOME: undefined, GITHUB_OUTPUT: undefined } },
    );
    expect(JSON.parse(run.lines[0])).toEqual(['PATH']);
    expect([run.summary, run.outputs]).toEqual(['', {}]);
  });
});

describe('expectNoLeak', () => {
  const secret = 's3cr:et,100%';
  const run = (stdout: string, summary = '') =>
    ({ ...parseRunnerStdout(stdout), stdout, stderr: '', summary, outputs: {}, code: 0, ms: 0 }) as ActionRun;

  it('accepts a secret in its own ::add-mask:: only', () => {
    expect(() => expectNoLeak(run(`::add-mask::s3cr%3Aet%2C100%25\nplain ***\n`), [secret])).not.toThrow();
  });

  it('catches a secret the runner would show: a plain line, a decoded command, a property, the summary raw or as an HTML cell', () => {
    const other = 'a_b*c|d<e>f';
    for (const [stdout, summary, leaked] of [
      [`text ${secret}\n`, '', secret],
      ['::warning::s3cr:et,100%25\n', '', secret],
      ['::error title=s3cr%3Aet%2C100%25::x\n', '', secret],
      ['', `<td>${secret}</td>`, secret],
      ['', `<td>${escapeHtmlLike(other)}</td>`, other],
    ]) {
      expect(() => expectNoLeak(run(stdout, summary), [leaked]), `${stdout}${summary}`).toThrow();
    }
  });
});
