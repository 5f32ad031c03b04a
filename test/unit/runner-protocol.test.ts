import * as core from '@actions/core';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Runner, type RunnerIO } from '../../src/output/runner.js';

/** Our runner protocol writer must produce the same bytes as @actions/core's, which is the reference. */
function recordingIO(env: Record<string, string | undefined> = {}) {
  let stdout = '';
  const io: RunnerIO = {
    env,
    write: (text) => void (stdout += text),
    append: (path, text) => writeFileSync(path, readFileOr(path) + text),
    setExitCode: () => {},
  };
  return { io, stdout: () => stdout };
}
const readFileOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

function coreStdout(action: () => void): string {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    action();
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.unstubAllEnvs());

describe('Runner speaks the runner protocol exactly as @actions/core does', () => {
  it('workflow commands with data and properties, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (message, title) => {
        const ours = recordingIO();
        new Runner(ours.io).command('error', { title }, message);
        // @actions/core writes `::error ::` when every property is empty; the runner reads both alike.
        const theirs = coreStdout(() => core.error(message, { title })).replace(/^::error ::/, '::error::');
        expect(ours.stdout()).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('add-mask, group and endgroup', () => {
    const ours = recordingIO();
    const runner = new Runner(ours.io);
    runner.command('add-mask', {}, 'a%b\r\nc');
    runner.command('group', {}, 'Step: one, two');
    runner.command('endgroup', {}, '');
    const theirs = coreStdout(() => {
      core.setSecret('a%b\r\nc');
      core.startGroup('Step: one, two');
      core.endGroup();
    });
    expect(ours.stdout()).toBe(theirs);
  });

  it('outputs in GITHUB_OUTPUT: the same heredoc form, apart from the random delimiter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-'));
    try {
      const ourFile = join(dir, 'ours');
      const theirFile = join(dir, 'theirs');
      writeFileSync(ourFile, '');
      writeFileSync(theirFile, '');
      const value = 'line one\nline two with ::error::x and %0A';
      new Runner(recordingIO({ GITHUB_OUTPUT: ourFile }).io).setOutputs([['status', value]]);
      vi.stubEnv('GITHUB_OUTPUT', theirFile);
      core.setOutput('status', value);
      const normalize = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER');
      expect(normalize(readFileSync(ourFile, 'utf8'))).toBe(normalize(readFileSync(theirFile, 'utf8')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads inputs as INPUT_<NAME>, spaces as underscores, trimmed', () => {
    const runner = new Runner(recordingIO({ 'INPUT_SOURCE-ORG-ID': '  abc \n', INPUT_MY_INPUT: 'x' }).io);
    expect(runner.input('source-org-id')).toBe('abc');
    expect(runner.input('my input')).toBe('x');
    expect(runner.input('missing')).toBe('');
  });

  it('reports a missing GITHUB_OUTPUT or GITHUB_STEP_SUMMARY instead of throwing', () => {
    const runner = new Runner(recordingIO({}).io);
    expect(runner.setOutputs([['a', 'b']])).toBe(false);
    expect(runner.appendSummary('<p>x</p>')).toBe(false);
  });
});
