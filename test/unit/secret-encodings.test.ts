// Issue 18, findings 8 and 9: a secret is redacted in every encoding a server may echo it in and
// with every decoration that hides it from a plain search, before anything is cut; each form is
// also handed to the runner's mask. Checked with the exact output where the output is certain,
// and with a reader's own decoder (test/helpers/decoded-views.ts) where it is base64.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunnerLog } from '../../src/runner/log.js';
import { Runner } from '../../src/runner/runner.js';
import { parseRunnerStdout } from '../harness/run-action.js';
import { readablePiece } from '../helpers/decoded-views.js';

/** The issue's example: 28 characters with spaces, quotes, `!` and characters HTML and URLs escape. */
const PASSWORD = 'Kx7 "q!Lm9 "Tz4&Wp8<Rb2>Yc6';
const JSON_FORM = JSON.stringify(PASSWORD).slice(1, -1);
const BODY = JSON.stringify({
  source: { clusterName: 'rs0', username: 'migrator', password: PASSWORD, ssl: true },
  dropDestinationData: false,
});
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The password with `between` inserted after its 14th character (inside `Tz4&…`'s neighbourhood, not at a boundary). */
const split = (text: string, between: string) => text.replace(PASSWORD, `${PASSWORD.slice(0, 14)}${between}${PASSWORD.slice(14)}`);

afterEach(() => vi.restoreAllMocks());

/** A log over the real runner (@actions/core), its stdout recorded, the password registered. */
function recorder() {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const log = new RunnerLog(new Runner());
  log.secret(PASSWORD);
  return { log, stdout: () => stdout };
}

const safe = (text: string, max?: number) => recorder().log.safe(text, max);

describe('a secret in each encoding a server may echo it in', () => {
  const cases: Array<[string, string, string]> = [
    ['raw', `login as ${PASSWORD} failed`, 'login as *** failed'],
    ['the request body JSON, quoted', `Rejected ${BODY}`, `Rejected ${BODY.replace(JSON_FORM, '***')}`],
    // The finding: the quoted body, cut by the server after the password.
    ['the quoted body, cut by the server', `…"password":"${JSON_FORM}"}…`, '…"password":"***"}…'],
    ['a cut prefix of the JSON-escaped form (16+ characters)', `"password":"${JSON_FORM.slice(0, 18)}…`, '"password":"***…'],
    ['JSON escaping <, >, & and / as \\u or \\/ (Go, Jackson)', `"p":"Kx7 \\"q!Lm9 \\"Tz4\\u0026Wp8\\u003cRb2\\u003EYc6"`, '"p":"***"'],
    ['URL-encoded', `GET /x?password=${encodeURIComponent(PASSWORD)}&ssl=true`, 'GET /x?password=***&ssl=true'],
    ['URL-encoded with lower-case hex', `p=${encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}&`, 'p=***&'],
    [
      'form-encoded (URLSearchParams)',
      new URLSearchParams({ username: 'migrator', password: PASSWORD }).toString(),
      'username=migrator&password=***',
    ],
    ['form-encoded (spaces as +, ! kept)', `password=${encodeURIComponent(PASSWORD).replace(/%20/g, '+')};`, 'password=***;'],
    ['HTML-escaped, named', `<pre>${html(BODY)}</pre>`, `<pre>${html(BODY).replace(html(JSON_FORM), '***')}</pre>`],
    ['HTML-escaped, decimal', `<b>Kx7 &#34;q!Lm9 &#34;Tz4&#38;Wp8&#60;Rb2&#62;Yc6</b>`, '<b>***</b>'],
    ['HTML-escaped, hex and mixed', `<b>Kx7 &#x22;q!Lm9 &quot;Tz4&amp;Wp8&#X3C;Rb2&gt;Yc6</b>`, '<b>***</b>'],
    ['HTML-escaped JSON-escaped, &#39; forms', `'${html(JSON_FORM)}'`, "'***'"],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      expect(safe(text)).toBe(expected);
    });
  }

  for (const offset of [0, 1, 2]) {
    it(`base64 of the body, the password at offset ${offset} mod 3: the base64 run is redacted`, () => {
      const pad = 'x'.repeat(offset);
      const body = `${pad}${BODY}`;
      expect((body.indexOf(JSON_FORM) - offset) % 3).toBe(BODY.indexOf(JSON_FORM) % 3);
      expect(readablePiece(`payload ${b64(body)} end`, PASSWORD, 6)).toBeDefined();
      expect(safe(`payload ${b64(body)} end`)).toBe('payload *** end');
      expect(safe(`payload ${Buffer.from(body).toString('base64url')} end`)).toBe('payload *** end');
    });
  }

  it('base64 of the body in 76-character lines (MIME), as the runner shows them: no piece readable', () => {
    const wrapped = b64(BODY).replace(/.{76}/g, '$&\r\n');
    const { log, stdout } = recorder();
    log.info(`payload:\n${wrapped}`);
    const shown = parseRunnerStdout(stdout())
      .lines.filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(readablePiece(shown, PASSWORD, 4)).toBeUndefined();
    expect(shown).toMatch(/^payload:\\n.*\*\*\*/);
  });

  it('every form is handed to the runner mask once: JSON, URL, form, HTML and the three base64 alignments', () => {
    const { log, stdout } = recorder();
    log.secret(PASSWORD);
    const masks = parseRunnerStdout(stdout()).masks;
    expect(new Set(masks).size).toBe(masks.length);
    const bytes = Buffer.from(JSON_FORM);
    const alignments = [0, 1, 2].map((skip) => bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3).toString('base64'));
    expect(masks).toEqual(
      expect.arrayContaining([
        PASSWORD,
        JSON_FORM,
        encodeURIComponent(PASSWORD),
        new URLSearchParams({ p: PASSWORD }).toString().slice(2),
        html(PASSWORD),
        ...alignments,
      ]),
    );
    // Each alignment really is what base64 of a body holding the password holds.
    for (const pad of ['', 'a', 'ab']) expect(alignments.some((a) => b64(`${pad}"${JSON_FORM}"`).includes(a))).toBe(true);
  });
});

describe('a secret split or decorated', () => {
  const decorations: Array<[string, string]> = [
    ['an LF', '\n'],
    ['a CRLF', '\r\n'],
    ['a CR', '\r'],
    ['\\n escape text', '\\n'],
    ['\\r\\n escape text', '\\r\\n'],
    ['a zero-width space U+200B', '\u200b'],
    ['a zero-width non-joiner U+200C', '\u200c'],
    ['a zero-width joiner U+200D', '\u200d'],
    ['a word joiner U+2060', '\u2060'],
    ['a BOM U+FEFF', '\ufeff'],
    ['a zero-width joiner as the log shows it (<U+200D>)', '<U+200D>'],
    ['an LF and a zero-width joiner', '\n\u200d'],
  ];
  for (const [what, between] of decorations) {
    it(`raw, split by ${what}`, () => {
      expect(safe(`login ${split(PASSWORD, between)} failed`)).toBe('login *** failed');
    });
    it(`JSON-escaped in the quoted body, split by ${what}`, () => {
      const text = `Rejected ${BODY}`.replace(JSON_FORM, `${JSON_FORM.slice(0, 9)}${between}${JSON_FORM.slice(9)}`);
      expect(safe(text)).toBe(`Rejected ${BODY.replace(JSON_FORM, '***')}`);
    });
  }

  it('form-encoded and split across lines', () => {
    const form = new URLSearchParams({ password: PASSWORD }).toString();
    expect(safe(`${form.slice(0, 20)}\r\n${form.slice(20)}&x=1`)).toBe('password=***&x=1');
  });

  it('base64 of the body split by a zero-width joiner inside the password’s part: no piece readable', () => {
    const encoded = b64(BODY);
    const at = encoded.indexOf(b64(BODY.slice(0, 60)).slice(0, 76)) + 76;
    const out = safe(`payload ${encoded.slice(0, at)}\u200d${encoded.slice(at)}`);
    expect(readablePiece(out, PASSWORD, 4)).toBeUndefined();
  });

  it('as the runner shows a line: the split password in an info line leaves nothing readable', () => {
    const { log, stdout } = recorder();
    log.info(`Rejected ${split(BODY, '\r\n')}`);
    log.annotate('error', `Rejected ${split(BODY, '\u200d')}`);
    const parsed = parseRunnerStdout(stdout());
    const shown = [...parsed.lines.filter((l) => !l.startsWith('::')), ...parsed.errors.map((e) => e.message)].join('\n');
    expect(readablePiece(shown, PASSWORD, 6)).toBeUndefined();
  });
});

describe('before anything is cut', () => {
  it('a secret cut by the boundary’s first cut (of a huge text) leaves no start of it behind', () => {
    // Copies of the password, then one cut 10 characters in by the first cut at 4 × 4000 + 1024 characters.
    const copies = Math.floor((17_024 - 10) / (PASSWORD.length + 1));
    const head = `${'y'.repeat(17_024 - copies * (PASSWORD.length + 1) - 10)}${`${PASSWORD} `.repeat(copies)}`;
    const text = `${head}${PASSWORD}${'z'.repeat(5000)}`;
    expect(text.slice(17_014, 17_024)).toBe(PASSWORD.slice(0, 10));
    const out = safe(text, 4000);
    expect(out).not.toContain(PASSWORD.slice(0, 4));
    expect(out).toMatch(/^y*(\*\*\* )+\*\*\*… \(\d+ more characters\)$/);
  });

  it('the cut to the length shown comes after the redaction: it cannot leave a start of the password', () => {
    for (let max = 45; max < 90; max += 1) expect(safe(`Rejected: ${BODY}`, max)).not.toContain('Kx7');
    expect(safe(`"password":"${JSON_FORM}" and more`, 20)).toBe('"password":"***" and… (5 more characters)');
  });
});

describe('any secret, any encoding (property)', () => {
  const encodings: Array<[string, (s: string) => string]> = [
    ['raw', (s) => s],
    ['JSON', (s) => JSON.stringify({ password: s })],
    ['URL', (s) => `?p=${encodeURIComponent(s)}&`],
    ['form', (s) => new URLSearchParams({ p: s }).toString()],
    ['HTML', (s) => `<i>${html(s)}</i>`],
    ['base64', (s) => b64(`{"password":${JSON.stringify(s)}}`)],
    ['split by CRLF', (s) => `${s.slice(0, 9)}\r\n${s.slice(9)}`],
  ];
  // Found by this property (seed -225777740): a secret holding text that reads as a shown control
  // character (`\X9a`) or line break (`\n`) lost it in the folded view, so its split copy was missed.
  const escapeLike: Array<[string, string]> = [
    ['a shown control character', 'aaaaaaaaaaaa\\X9a?1a='],
    ['a shown line break', 'Kx7\\nq!Lm9Tz4&Wp8Rb2'],
    ['a JSON escape and a shown CRLF', 'p\\u200bq\\r\\nLm9Tz4&Wp8Rb2Yc6'],
    ['a shown line break first', '\\nKx7q!Lm9Tz4&Wp8Rb2'],
  ];
  for (const [what, secret] of escapeLike)
    it(`a secret holding ${what}: split anywhere by a real break or invisible character, it is redacted whole; by a shown one, no 3 characters of it are left`, () => {
      const { log } = recorder();
      log.secret(secret);
      const missed: string[] = [];
      for (let cut = 1; cut < secret.length; cut += 1) {
        for (const between of ['\r\n', '\n', '\u200d']) {
          const out = log.safe(`login ${secret.slice(0, cut)}${between}${secret.slice(cut)} failed`);
          if (out !== 'login *** failed') missed.push(`${cut} ${JSON.stringify(between)}: ${out}`);
        }
        // Shown breaks inside the secret's own shown ones (`\` `\n` `n`) leave those escape characters, never more.
        for (const between of ['\\r\\n', '\\n', '<U+200D>']) {
          const out = log.safe(`login ${secret.slice(0, cut)}${between}${secret.slice(cut)} failed`);
          if (readablePiece(out, secret, 3) || !out.endsWith('*** failed')) missed.push(`${cut} ${JSON.stringify(between)}: ${out}`);
        }
      }
      expect(missed).toEqual([]);
    });

  for (const [what, units] of [
    ['printable punctuation', 'abcXYZ019 "\'&<>!%+/\\=:;?#é€'],
    ['escape-like text', 'ab\\nrxuU90aF+%&#;<'],
  ])
    it(`no 16-character piece of the secret is readable once redacted (${what})`, () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 20, maxLength: 40, unit: fc.constantFrom(...units) }),
          fc.string({ maxLength: 30 }),
          fc.integer({ min: 0, max: encodings.length - 1 }),
          fc.nat(),
          (secret, around, which, at) => {
            fc.pre(new Set(secret).size > 6);
            const { log } = recorder();
            log.secret(secret);
            const out = log.safe(`${around}${encodings[which][1](secret)}${around}`);
            expect(readablePiece(out, secret, 16)).toBeUndefined();
            // Split by a line break anywhere, it is redacted whole.
            const cut = (at % (secret.length - 1)) + 1;
            expect(log.safe(`x ${secret.slice(0, cut)}\r\n${secret.slice(cut)} y`)).toBe('x *** y');
          },
        ),
        { numRuns: 300 },
      );
    });
});
