import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunnerLog } from '../../src/runner/log.js';
import { Runner } from '../../src/runner/runner.js';
import { clip, neutralize } from '../../src/runner/sanitize.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../src/runner/summary.js';
import { parseRunnerStdout } from '../harness/run-action.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A log over the real runner (@actions/core), its stdout recorded. */
function recorder(env: Record<string, string> = {}) {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.stubEnv('RUNNER_DEBUG', '0');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return { log: new RunnerLog(new Runner()), stdout: () => stdout };
}

const HOSTILE = [
  'ok\r::warning::injected',
  'ok\n::error file=x.js,line=1::injected',
  'text ##[error]injected',
  '::stop-commands::abc',
  '\u00a0::add-mask::x',
  '\u2028::warning::after a line separator',
  'a\u0085::warning::after NEL',
  '\x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07link\x1b]8;;\x07',
  'right-to-left \u202egnp.exe and zero\u200bwidth',
  'NUL \x00 BEL \x07 DEL \x7f',
  '%0A::warning::percent-encoded newline',
];

describe('neutralize: no text from outside becomes a runner command', () => {
  for (const text of HOSTILE) {
    it(JSON.stringify(text), () => {
      const safe = neutralize(text);
      // eslint-disable-next-line no-control-regex -- control characters are what must not come through
      expect(safe).not.toMatch(/[\r\n\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b]/);
      expect(safe).not.toContain('##[');
      expect(safe).not.toMatch(/^\s*::/);
      const { log, stdout } = recorder();
      log.info(text);
      const parsed = parseRunnerStdout(stdout());
      expect(parsed.lines).toHaveLength(1);
      expect(parsed.commands).toEqual([]);
    });
  }

  it('shows line breaks and controls visibly', () => {
    expect(neutralize('a\r\nb\nc\rd')).toBe('a\\r\\nb\\nc\\rd');
    expect(neutralize('x\u202ey')).toBe('x<U+202E>y');
    expect(neutralize('bell\x07')).toBe('bell\\x07');
    expect(neutralize('##[group]x')).toBe('## [group]x');
  });

  it('for any text, one log line and no command (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const { log, stdout } = recorder();
        log.info(text);
        log.annotate('warning', text, text);
        const parsed = parseRunnerStdout(stdout());
        expect(parsed.lines).toHaveLength(2);
        expect(parsed.commands.map((c) => c.name)).toEqual(['warning']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('secrets are redacted from the text itself, before it is cut', () => {
  const token = Buffer.from(
    JSON.stringify({ orgId: '5f1a2b3c4d5e6f7a8b9c0d1e', publicKey: 'abcdefgh', privateKey: '8f14e45f-ceea-467a-9af0-3a1b2c3d4e5f' }),
  ).toString('base64');

  it('a whole secret, and a cut prefix of one, become ***', () => {
    const { log } = recorder();
    log.linkToken(token);
    const echoed = `The token ${token} is invalid`;
    expect(log.safe(echoed, 60)).not.toContain(token.slice(0, 16));
    expect(log.safe(echoed, 1000)).toBe('The token *** is invalid');
    // A server that echoes only a prefix of a token (here 40 characters): still redacted.
    expect(log.safe(`bad token ${token.slice(0, 40)}`, 1000)).toBe('bad token ***');
  });

  it('the key inside a link token is a secret of its own, masked at once', () => {
    const { log, stdout } = recorder();
    log.linkToken(token);
    expect(parseRunnerStdout(stdout()).masks).toEqual(expect.arrayContaining([token, '8f14e45f-ceea-467a-9af0-3a1b2c3d4e5f']));
    expect(parseRunnerStdout(stdout()).masks).not.toContain('5f1a2b3c4d5e6f7a8b9c0d1e');
    expect(log.safe('key 8f14e45f-ceea-467a-9af0-3a1b2c3d4e5f leaked')).toBe('key *** leaked');
  });

  it('a secret split by an escape sequence is redacted once the sequence is gone', () => {
    const { log } = recorder();
    log.secret('s3cr3t-value-123456');
    expect(log.safe('x s3cr3t-\x1b[0mvalue-123456 y')).toBe('x *** y');
  });

  it('clip says how much it left out and never splits a surrogate pair', () => {
    expect(clip('abcdef', 3)).toBe('abc… (3 more characters)');
    expect(clip('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});

describe('the job summary', () => {
  const base = { title: 'T', outcome: 'ok', mark: '✅' as const };

  it('escapes every cell and holds no blank line, whatever a server sent', () => {
    const { log } = recorder();
    const name = 'orders</td></tr></table>\n\n# Verified by MongoDB\n![x](https://evil.example/p.png)';
    const html = renderSummary({ ...base, sections: [{ kind: 'table', title: 'Projects', head: ['Project'], rows: [[name]] }] }, log);
    expect(html).not.toMatch(/\n\s*\n/);
    expect(html).not.toContain('</table>\n\n');
    expect(html).not.toContain('![x]');
    expect(html).not.toContain('<tr><td>orders</td></tr></table>');
    expect(html).toContain('orders&#60;/td&#62;');
  });

  it('stays under 512 KiB with a 900 KB name and thousands of rows, saying how many were left out', () => {
    const { log } = recorder();
    const rows = Array.from({ length: 5000 }, (_, i) => [`project-${i}`, 'x'.repeat(900_000 / 5000)]);
    rows[0][1] = 'y'.repeat(900_000);
    const html = renderSummary({ ...base, sections: [{ kind: 'table', title: 'Projects', head: ['Project', 'Name'], rows }] }, log);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(html).toMatch(/… and 4900 more/);
    expect(html).toContain('(899700 more characters)');
  });
});

describe('the job summary size cap', () => {
  it('halves the rows shown until the summary fits, and says how many were left out', () => {
    const { log } = recorder();
    // 150 rows of 7 cells of 300 characters that each escape to 5 bytes (10.5 kB a row): too big at 100 rows and at 50, fits at 25.
    const rows = Array.from({ length: 150 }, () => Array.from({ length: 7 }, () => '<'.repeat(300)));
    const html = renderSummary(
      {
        title: 'T',
        outcome: 'ok',
        mark: '✅',
        sections: [{ kind: 'table', title: 'Big', head: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows }],
      },
      log,
    );
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect((html.match(/<tr><td>/g) ?? []).length).toBe(25);
    expect(html).toContain('… and 125 more');
  });
});

describe('registering secrets', () => {
  it('masks a secret and each encoded form of it once, whatever characters it holds', () => {
    const { log, stdout } = recorder();
    log.secret('a=b%c');
    log.secret('a=b%c');
    // URL-encoded (upper- and lower-case hex), and base64 of the URL-encoded form at its three alignments (see secret-encodings.test.ts).
    expect(parseRunnerStdout(stdout()).masks).toEqual(['a=b%c', 'a%3Db%25c', 'a%3db%25c', 'YSUzRGIlMjVj', 'JTNEYiUy', 'M0RiJTI1']);
  });
});
