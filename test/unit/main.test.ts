import * as core from '@actions/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/main.js';
import { ATLAS_ORG_ID, linkInputs } from '../simulator/fixture.js';

vi.mock('@actions/core', () => ({
  setSecret: vi.fn(),
  setFailed: vi.fn(),
  setOutput: vi.fn(),
  info: vi.fn(),
  debug: vi.fn(),
  notice: vi.fn(),
  warning: vi.fn(),
  getInput: vi.fn(() => ''),
}));

beforeEach(() => vi.clearAllMocks());

describe('run', () => {
  it('never rejects: an unexpected error becomes one failure line, its stack only in debug', async () => {
    await expect(
      run(() => {
        throw new Error('boom');
      }),
    ).resolves.toBeUndefined();
    expect(core.setFailed).toHaveBeenCalledWith('Unexpected error: boom');
    expect(vi.mocked(core.debug).mock.calls[0][0]).toMatch(/^Error: boom\n\s+at /);
  });

  it('reports each bad input on its own line and sends nothing', async () => {
    const inputs: Record<string, string> = {
      ...linkInputs('http://127.0.0.1:9', 'http://127.0.0.1:9'),
      force: 'maybe',
      'atlas-org-id': 'x',
    };
    await run((name) => inputs[name] ?? '');
    expect(vi.mocked(core.setFailed).mock.calls.map((c) => String(c[0]).split(':')[0])).toEqual(["Input 'force'", "Input 'atlas-org-id'"]);
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  it('masks secrets before anything else', async () => {
    const inputs: Record<string, string> = { ...linkInputs('http://127.0.0.1:9', 'http://127.0.0.1:9'), 'dry-run': 'true' };
    await run((name) => inputs[name] ?? '');
    const order = [...vi.mocked(core.setSecret).mock.invocationCallOrder, ...vi.mocked(core.info).mock.invocationCallOrder];
    expect(Math.min(...vi.mocked(core.setSecret).mock.invocationCallOrder)).toBe(Math.min(...order));
    expect(core.setOutput).toHaveBeenCalledWith('changed', 'false');
    expect(
      vi
        .mocked(core.info)
        .mock.calls.map((c) => c[0])
        .join('\n'),
    ).toContain(`/api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens`);
  });
});
