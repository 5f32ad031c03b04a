// Everything a server says is hostile (issue 12): a table of payloads, each placed in every spot
// where text from a server (or from a workflow author) can reach the runner, run through
// dist/index.js and read back exactly as the runner reads stdout (lines split on \r and \n,
// workflow and legacy `##[` commands, stop-commands). Each run asserts, besides the wrapper's
// own checks (no secret before its mask, no command the action never issues):
// - stdout holds no CR, no `##[`, no ANSI escape and no invisible control; no annotation the
//   payload could have forged (their text starts with "pwned");
// - where the text is shown, it is shown neutralized: CR and LF as `\r` and `\n`, `##[` as `## [`,
//   `%` kept literally after the runner's decoding, escapes dropped, bidi controls named;
// - the job summary is well-formed HTML with no blank line, no raw `<`/`>` and no Markdown from
//   the server, under 512 KiB;
// - every output parses (GITHUB_OUTPUT heredocs, JSON).
//
// Set ACTION_BUNDLE to run the same table against another build (say, the one before the fix).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  AVAILABLE_PROJECTS,
  linkInputs,
  migrationInputs,
  resetStandardWorld,
  SERVICE_ACCOUNT,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  sourceInputs,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { edited, expectScriptsUsed } from '../helpers/scripts.js';
import { escapeHtmlLike, shownStdout, type ActionRun } from '../helpers/run-action.js';
import { runAction } from '../helpers/transport-world.js';

/** A hostile text and the form it must be shown in (in a log line, or an annotation as the runner decodes it). */
interface Payload {
  id: string;
  raw: string;
  shown: string;
}

const PAYLOADS: Payload[] = [
  { id: 'bare CR', raw: 'ok\r::warning::pwned-cr', shown: 'ok\\r::warning::pwned-cr' },
  { id: 'LF + error file=', raw: 'ok\n::error file=x,line=1::pwned-lf', shown: 'ok\\n::error file=x,line=1::pwned-lf' },
  { id: 'legacy ##[ mid-line', raw: 'mid ##[error]pwned-legacy', shown: 'mid ## [error]pwned-legacy' },
  {
    id: 'stop-commands',
    raw: '\n::stop-commands::tok\n::warning::pwned-stop',
    shown: '\\n::stop-commands::tok\\n::warning::pwned-stop',
  },
  { id: '%0A', raw: '%0A::warning::pwned-pct', shown: '%0A::warning::pwned-pct' },
  { id: 'ANSI', raw: '\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x07link\x1b]8;;\x07', shown: 'red link' },
  {
    id: 'bidi/zero-width',
    raw: 'txt.\u202eexe zero\u200bwidth \u2066iso\u2069',
    shown: 'txt.<U+202E>exe zero<U+200B>width <U+2066>iso<U+2069>',
  },
  {
    id: 'summary breakout',
    raw: '</td></tr></table>\n\n# Verified by MongoDB\n![x](https://evil.example/p.png)',
    shown: '</td></tr></table>\\n\\n# Verified by MongoDB\\n![x](https://evil.example/p.png)',
  },
];
/** All payloads in one text (about 310 characters once neutralized, under the 400 an error detail keeps). */
const HOSTILE = PAYLOADS.map((p) => p.raw).join(' | ');
const HOSTILE_CODE = 'E\r::warning::pwned-code ##[error]pwned-code';
const HOSTILE_CODE_SHOWN = 'E\\r::warning::pwned-code ## [error]pwned-code';

const hostileError = (status: number, detail = HOSTILE) => ({
  status,
  body: { error: status, errorCode: HOSTILE_CODE, reason: HOSTILE, detail, parameters: [HOSTILE] },
});

// ---------------------------------------------------------------------------------------------
// What every run must satisfy.

/* eslint-disable no-control-regex -- controls are what these checks look for */
const INVISIBLE = /[\x1b\u0085\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
/* eslint-enable no-control-regex */

/** The tags the summary is made of; anything else in angle brackets came from outside. */
const OUR_TAGS = /<\/?(h2|h3|p|table|tr|th|td|ul|ol|li)( colspan="\d+")?>/g;

function expectWellFormedSummary(summary: string): void {
  expect(summary, 'a job summary was written').not.toBe('');
  expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(512 * 1024);
  expect(summary, 'a blank line ends an HTML block early').not.toMatch(/\n[ \t]*\n/);
  for (const line of summary.split('\n').filter(Boolean))
    expect(line.startsWith('<'), `a summary line outside HTML: ${line.slice(0, 80)}`).toBe(true);
  expect(summary.replace(OUR_TAGS, ''), 'a raw < or > from outside').not.toMatch(/[<>]/);
  expect(summary, 'Markdown from outside').not.toMatch(/!\[|\]\(|^#/m);
  expect(summary).not.toMatch(INVISIBLE);
  const open: string[] = [];
  for (const [, close, name] of summary.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
    if (!close) open.push(name);
    else expect(open.pop(), `</${name}> closes the tag it should`).toBe(name);
  }
  expect(open, 'every tag is closed').toEqual([]);
}

/** The runner sees exactly the lines the action wrote, none of them forged, and every output parses. */
function expectClean(run: ActionRun): void {
  expect(run.stdout, 'a CR splits a line for the runner').not.toContain('\r');
  expect(run.stdout, 'the runner acts on ##[ anywhere in a line').not.toContain('##[');
  expect(run.stdout).not.toMatch(INVISIBLE);
  expect(run.stderr).not.toMatch(/pwned/);
  const forged = run.commands.filter((c) => /^pwned|^x$/.test(c.data) || c.properties.file !== undefined);
  expect(forged, 'a command forged from server text').toEqual([]);
  expect(run.lines.length, 'the action wrote to stdout').toBeGreaterThan(0);
  expect(Math.max(...run.lines.map((l) => l.length)), 'a log line is bounded').toBeLessThan(8200);
  for (const [name, value] of Object.entries(run.outputs)) {
    expect(value, `output ${name}`).not.toMatch(/[\r\n]/);
    expect(value, `output ${name}`).not.toMatch(INVISIBLE);
    // Each text, alone or inside JSON, is cut to 1,000 characters and a note of how many more.
    const texts = /^[[{]/.test(value) ? stringsIn(JSON.parse(value)) : [value];
    for (const text of texts) expect(text.length, `a text in output ${name} is bounded`).toBeLessThan(1050);
  }
  expectWellFormedSummary(run.summary);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

function expectShown(text: string | undefined, what: string, payloads: Payload[] = PAYLOADS): void {
  expect(text, what).toBeDefined();
  for (const p of payloads) expect(text, `${what}: ${p.id}`).toContain(p.shown);
}

/** No piece of `secret` 16 characters long shows anywhere but in its own ::add-mask:: and the outputs named. */
function expectNoPiece(run: ActionRun, secret: string, allowedOutputs: string[] = []): void {
  const text = [
    ...shownStdout(run),
    run.summary,
    run.stderr,
    ...Object.entries(run.outputs)
      .filter(([name]) => !allowedOutputs.includes(name))
      .map(([, v]) => v),
  ].join('\n');
  for (let i = 0; i + 16 <= secret.length; i += 1) {
    const piece = secret.slice(i, i + 16);
    expect(text.includes(piece), `characters ${i}–${i + 15} of a secret are shown`).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------

let sim: Simulator;
let url: string;

function reset(): void {
  resetStandardWorld(sim);
  // A validation is decided at once: no real waiting here (the wait is tested elsewhere).
  sim.migrationPlan({ validationAfterPolls: 0 });
}
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());
beforeEach(reset);
afterEach(() => expectScriptsUsed(sim));

const sourceOnly = (extra: Record<string, string> = {}) => sourceInputs(url, extra);
const atlasOnly = (extra: Record<string, string>) => migrationInputs(url, extra);

/** Validation answers SUCCESS at once, so a migrate run does not poll. */
const validatesAtOnce = () =>
  sim.respond(
    'atlas.migrations.validate',
    edited((b) => void (b.status = 'SUCCESS')),
  );

describe('an error detail and errorCode from every route the action calls', () => {
  interface Place {
    route: string;
    /** The run's inputs. */
    inputs: () => Record<string, string>;
    arrange: () => void;
    /** Only the errorCode of this route's answer is shown (a proof's answer after a 404). */
    codeOnly?: boolean;
  }

  const migrationId = () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
  const PLACES: Place[] = [
    {
      route: 'source.link.status',
      inputs: () => ({ ...sourceOnly(), command: 'status' }),
      arrange: () => sim.respond('source.link.status', hostileError(400)),
    },
    {
      route: 'source.org',
      inputs: () => ({ ...sourceOnly(), command: 'status' }),
      arrange: () => sim.respond('source.org', hostileError(403)),
      codeOnly: true,
    },
    {
      route: 'source.link.connect',
      inputs: () => linkInputs(url, url),
      // The unauthenticated challenge for Atlas (before auth) gets a hostile answer too; it is only ever a debug line.
      arrange: () => sim.respond('source.link.connect', hostileError(400)).fail('atlas.org', { kind: 'status', ...hostileError(400) }),
    },
    {
      route: 'source.link.delete',
      inputs: () => ({ ...sourceOnly(), command: 'unlink' }),
      arrange: () => {
        sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
        sim.respond('source.link.delete', hostileError(409));
      },
    },
    {
      route: 'atlas.linkTokens.create',
      inputs: () => linkInputs(url, url),
      arrange: () =>
        sim.respond('atlas.linkTokens.create', {
          status: 400,
          body: { ...hostileError(400).body, badRequestDetail: { fields: [{ field: HOSTILE_CODE, description: PAYLOADS[0].raw }] } },
        }),
    },
    {
      route: 'atlas.linkTokens.delete',
      inputs: () => ({ ...linkInputs(url, url), command: 'unlink' }),
      arrange: () => {
        sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
        sim.respond('atlas.linkTokens.delete', hostileError(409));
      },
    },
    {
      route: 'atlas.org',
      inputs: () => ({ ...linkInputs(url, url), command: 'unlink' }),
      arrange: () => {
        sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
        sim.respond('atlas.linkTokens.delete', hostileError(404)).respond('atlas.org', hostileError(403));
      },
    },
    {
      route: 'atlas.availableProjects',
      // A soft step: the failure is a warning and the command goes on.
      inputs: () => ({ ...linkInputs(url, url), command: 'status' }),
      arrange: () => {
        sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
        sim.respond('atlas.availableProjects', hostileError(400));
      },
    },
    {
      route: 'atlas.project',
      inputs: () => atlasOnly({ command: 'migration-status', 'migration-id': migrationId() }),
      arrange: () => sim.respond('atlas.migrations.describe', hostileError(404)).respond('atlas.project', hostileError(403)),
    },
    {
      route: 'atlas.migrations.validate',
      inputs: () => atlasOnly({ command: 'validate' }),
      arrange: () => sim.respond('atlas.migrations.validate', hostileError(400)),
    },
    {
      route: 'atlas.migrations.create',
      inputs: () => atlasOnly({ command: 'migrate' }),
      arrange: () => {
        validatesAtOnce();
        sim.respond('atlas.migrations.create', hostileError(409));
      },
    },
    {
      route: 'atlas.migrations.describe',
      inputs: () => atlasOnly({ command: 'migration-status', 'migration-id': migrationId() }),
      arrange: () => sim.respond('atlas.migrations.describe', hostileError(400)),
    },
    {
      route: 'atlas.migrations.cutover',
      inputs: () => atlasOnly({ command: 'cutover', 'migration-id': migrationId() }),
      arrange: () => sim.respond('atlas.migrations.cutover', hostileError(409)),
    },
    {
      // The one read reached only after a poll interval (2 s): the validation stays PENDING at first.
      route: 'atlas.migrations.validation',
      inputs: () => atlasOnly({ command: 'validate' }),
      arrange: () => {
        sim.migrationPlan({ validationAfterPolls: 1 });
        sim.respond('atlas.migrations.validation', hostileError(400));
      },
    },
  ];

  for (const place of PLACES) {
    it(`${place.route}: neutralized in the error (or warning), the summary and the outputs`, async () => {
      place.arrange();
      const inputs = place.inputs();
      const run = await runAction(sim, inputs);
      expectClean(run);
      expect(
        sim.requests({ route: place.route }).some((r) => r.injected),
        `${place.route} gave the hostile answer`,
      ).toBe(true);
      const shown = place.route === 'atlas.availableProjects' ? run.warnings.map((w) => w.message).join('\n') : run.errors[0]?.message;
      if (place.route === 'atlas.availableProjects') {
        expect(run.code).toBe(0);
        expect(run.outputs.status).toBe('SYNCED');
      } else {
        expect(run.code).toBe(1);
        expect(run.errors).toHaveLength(1);
      }
      expect(shown).toContain(HOSTILE_CODE_SHOWN);
      if (!place.codeOnly) expectShown(shown, place.route);
      expect(run.summary).toContain('pwned-code');
    });
  }

  it('oauth.token: error and error_description of a 503 (a retry line) and of the final 400', async () => {
    const oauthError = (status: number) => ({
      status,
      // "socket hang up" once made the token's failure look like a network error, retried with its text in the retry line.
      body: { error: HOSTILE_CODE, error_description: `socket hang up; ${SERVICE_ACCOUNT.clientSecret} ${HOSTILE}` },
    });
    sim.respond('oauth.token', oauthError(503)).respond('oauth.token', oauthError(400));
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url)));
    expectClean(run);
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'oauth.token' }).map((r) => r.status)).toEqual([503, 400]);
    expect(run.lines.filter((l) => /retry \d of/.test(l))).toEqual([
      expect.stringMatching(/^Atlas: get a service account access token: HTTP 503; retry 1 of 3 in \d\.\d s\.$/),
    ]);
    expect(run.commands.filter((c) => c.name === 'debug' && c.data.includes('HTTP 503')).map((c) => c.data)).toEqual([
      expect.stringContaining(HOSTILE_CODE_SHOWN),
    ]);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toMatch(/^Atlas: get a service account access token failed after 2 attempts: HTTP 400 /);
    expect(run.errors[0].message).toContain(HOSTILE_CODE_SHOWN);
    // The client secret a server echoes is redacted in the text itself, not only masked by the runner.
    expect(run.errors[0].message).toContain(': socket hang up; *** ok\\r::warning::pwned-cr');
    expectShown(run.errors[0].message, 'the final error');
    expectNoPiece(run, SERVICE_ACCOUNT.clientSecret);
  });

  it('oauth.revoke: a warning, and the link still done', async () => {
    sim.respond('oauth.revoke', hostileError(400));
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url)));
    expectClean(run);
    expect(run.code).toBe(0);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0].message).toMatch(/^Could not revoke the service account access token: Atlas: revoke the service account/);
    expect(run.warnings[0].message).toContain(HOSTILE_CODE_SHOWN);
    expectShown(run.warnings[0].message, 'the warning');
  });
});

describe('values from successful answers', () => {
  it('a link status value: the status output, the log, the annotation and the summary (status)', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.setStatus(SOURCE_ORG_ID, HOSTILE);
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expectClean(run);
    expect(run.code).toBe(0);
    expectShown(run.outputs.status, 'the status output');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0].properties.title).toBe('Unknown link status');
    expectShown(run.warnings[0].message, 'the warning');
    expectShown(
      run.lines.find((l) => l.startsWith(`Source organization ${SOURCE_ORG_ID}: link status `)),
      'the log line',
    );
    expect(run.summary).toContain('pwned-stop');
  });

  it('a link status from connect: the log line, the step note and what to do next (link)', async () => {
    sim.respond(
      'source.link.connect',
      edited((b) => void (b.status = HOSTILE)),
    );
    const run = await runAction(sim, linkInputs(url, url));
    expectClean(run);
    expect(run.code).toBe(0);
    expectShown(run.outputs.status, 'the status output');
    expectShown(
      run.lines.find((l) => l.startsWith('Connected the source organization: it reports ')),
      'the log line',
    );
    expect(run.summary).toMatch(/<h3>Next<\/h3>\n<ul><li>The source reports ok&#92;r::warning::pwned-cr/);
  });

  it('project names, deployment names, versions and migration hosts: the log, the table, both JSON outputs', async () => {
    const projects = PAYLOADS.map((p, i) => ({
      name: p.raw,
      projectId: `65f0000000000000000000a${i}`,
      deployments: [{ name: p.raw, mongoDBVersion: p.raw, featureCompatibilityVersion: p.raw }],
      migrationHosts: ['mh-1.example.net'],
    }));
    const entries = [
      ...projects,
      // A migration host is a string in MongoDB's specification: a hostile one passes through, neutralised wherever it is shown.
      { ...projects[0], projectId: '65f0000000000000000000b1', migrationHosts: [HOSTILE] },
      { ...projects[0], projectId: HOSTILE },
    ];
    sim.addAtlasOrg(ATLAS_ORG_ID, { availableProjects: entries });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expectClean(run);
    expect(run.code).toBe(0);
    const available = JSON.parse(run.outputs['available-projects']) as Array<{ name: string; deployments: Array<{ name: string }> }>;
    const shown = [...PAYLOADS.map((p) => p.shown), PAYLOADS[0].shown];
    expect(available.map((p) => p.name)).toEqual(shown);
    expect(available.map((p) => p.deployments[0].name)).toEqual(shown);
    const deployments = JSON.parse(run.outputs.deployments) as Array<Record<string, string>>;
    expect(deployments.map((d) => d['source-project-name'])).toEqual(shown);
    expect(deployments.map((d) => d['mongodb-version'])).toEqual(shown);
    expectShown(deployments[PAYLOADS.length]['migration-host'], 'the migration host in the deployments output');
    expect(run.warnings.map((w) => w.message)).toEqual([
      `Atlas listed a project this action cannot read, left out: the answer[${PAYLOADS.length + 1}].projectId should be 24 hexadecimal digits but is a string of ${HOSTILE.length} characters.`,
    ]);
    const table = run.summary.slice(run.summary.indexOf('<h3>Deployments Atlas can migrate</h3>'));
    expect(table.match(/<tr><td>/g)).toHaveLength(PAYLOADS.length + 1);
    expect(run.summary).toContain('<td>mid ## &#91;error&#93;pwned-legacy</td>');
    expect(run.summary).toContain(
      '&#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;&#92;n&#92;n# Verified by MongoDB&#92;n!&#91;x&#93;(https://evil.example/p.png)',
    );
  });

  it('a 900 KB project name and deployment name: summary under 512 KiB, lines and outputs bounded', async () => {
    const huge = `${'n'.repeat(900_000)}${HOSTILE}`;
    // Cells that grow most when escaped (`<` is 5 bytes as `&#60;`), more rows than a table shows.
    const many = Array.from({ length: 150 }, (_, i) => ({
      name: `${'<'.repeat(400)}${PAYLOADS[i % PAYLOADS.length].raw}`,
      projectId: (0x65f000000000000000000000n + BigInt(i + 1)).toString(16),
      deployments: [{ name: '>'.repeat(400), mongoDBVersion: '&'.repeat(400) }],
      migrationHosts: ['mh-1.example.net'],
    }));
    sim.addAtlasOrg(ATLAS_ORG_ID, {
      availableProjects: [
        { name: huge, projectId: SOURCE_PROJECT.id, deployments: [{ name: huge }], migrationHosts: ['mh-1.example.net'] },
        ...many,
      ],
    });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.respond('source.link.status', hostileError(400, huge));
    const status = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expectClean(status);
    expect(status.code).toBe(1);
    expect(status.errors[0].message.length).toBeLessThan(1000);
    expect(status.errors[0].message).toMatch(/…/);

    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expectClean(run);
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/… and \d+ more<\/td><\/tr><\/table>/);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(512 * 1024);
    const available = JSON.parse(run.outputs['available-projects']) as Array<{ name: string }>;
    expect(available).toHaveLength(151);
    expect(available[0].name).toMatch(/^n{1000}… \(\d+ more characters\)$/);
  });

  it('a migration status: the annotation, the migration-status output and the summary', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    sim.respond(
      'atlas.migrations.describe',
      edited((b) => void (b.status = HOSTILE)),
    );
    const run = await runAction(sim, migrationInputs(url, { command: 'migration-status', 'migration-id': id }));
    expectClean(run);
    expect(run.code).toBe(0);
    expectShown(run.outputs['migration-status'], 'the migration-status output');
    expect(run.warnings.map((w) => w.properties.title)).toEqual(['Unknown migration status']);
    expectShown(run.warnings[0].message, 'the warning');
    expectShown(
      run.lines.find((l) => l.startsWith(`Migration ${id}: `)),
      'the log line',
    );
    expect(run.summary).toContain('pwned-lf');
  });

  it('a validation errorMessage: the error, the summary', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.migrationPlan({ validationFails: HOSTILE, validationAfterPolls: 0 });
    const run = await runAction(sim, migrationInputs(url, { command: 'validate' }));
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.outputs['validation-status']).toBe('FAILED');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toMatch(/^Atlas: validation .*FAILED: ok\\r::warning::pwned-cr/i);
    expectShown(run.errors[0].message, 'the error');
    expect(run.summary).toContain('pwned-stop');
  });

  it('a Content-Type header on a 2xx answer: only its cleaned media type is shown', async () => {
    sim.respond('source.link.status', {
      status: 200,
      raw: 'not json',
      contentType: `::warning::pwned-ct ##[error]pwned-ct;\u0085 q="${'%0A'}"`,
    });
    const run = await runAction(sim, { ...sourceOnly(), command: 'status' });
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'source: read the migration link status: expected a JSON body but got HTTP 200 with a warningpwned-cterrorpwned-ct body (8 bytes, not shown).',
    ]);
  });

  it('a Content-Type header on an error answer: the same', async () => {
    sim.respond('atlas.linkTokens.create', { status: 400, raw: '<html>##[error]pwned</html>', contentType: 'text/html;##[error]pwned-ct' });
    const run = await runAction(sim, linkInputs(url, url));
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'Atlas: create the link token failed: HTTP 400 with a text/html body (27 bytes, not shown).',
    ]);
  });
});

describe('secrets a server echoes', () => {
  /** A token the shape of Atlas's: base64 of JSON holding an API key pair, 540 characters. */
  const privateKey = '3c8e2a4f-9b1d-4e6a-8f0c-7d5b3a1e9c2f';
  const json = (pad: string) =>
    JSON.stringify({ orgId: ATLAS_ORG_ID, publicKey: 'qwertyui', privateKey, accessListIps: ['203.0.113.7'], pad });
  const token = Buffer.from(json('x'.repeat(Math.ceil((540 / 4) * 3 - json('').length)))).toString('base64');

  it('the link token and the key inside it, echoed whole and as a 385-character prefix: never shown', async () => {
    expect(token.length).toBeGreaterThanOrEqual(540);
    sim.respond('source.link.connect', {
      status: 400,
      body: {
        error: 400,
        errorCode: 'INVALID_LINK_TOKEN',
        detail: `Token ${token.slice(0, 385)} rejected; key ${privateKey}; again ${token}`,
      },
    });
    const run = await runAction(sim, sourceOnly({ 'link-token': token }), { secrets: [token, privateKey] });
    expectClean(run);
    expectNoPiece(run, token);
    expectNoPiece(run, privateKey);
    expect(run.code).toBe(1);
    expect(run.masks).toEqual(expect.arrayContaining([token, privateKey]));
    expect(run.errors[0].message).toBe(
      'source: connect to Atlas with the link token failed: HTTP 400 INVALID_LINK_TOKEN: Token *** rejected; key ***; again ***.',
    );
  });

  it('a created link token echoed in the connect error: redacted before the 400-character cut', async () => {
    sim.respond('source.link.connect', (request) => {
      const sent = (JSON.parse(request.body) as { linkToken: string }).linkToken;
      return { status: 400, body: { errorCode: 'INVALID_LINK_TOKEN', detail: `${'x'.repeat(300)} ${sent}` } };
    });
    const run = await runAction(sim, linkInputs(url, url));
    expectClean(run);
    expect(run.code).toBe(1);
    const [created] = sim.tokensOf(ATLAS_ORG_ID);
    expect(created).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
    expectNoPiece(run, created, ['link-token']);
    expect(run.errors[0].message).toMatch(/: x{300} \*\*\*\.$/);
    // The unused token is handed on (masked) for a clean-up step.
    expect(run.outputs['link-token']).toBe(created);
  });

  it('a prefix of a source password with characters no token has: never shown', async () => {
    const password = 'P@ss w0rd!#%&:;"with{special}<chars>|and/more';
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.respond('atlas.migrations.validate', (request) => {
      const sent = (JSON.parse(request.body) as { source: { password: string } }).source.password;
      return {
        status: 400,
        body: { errorCode: 'INVALID_CREDENTIALS', detail: `Login failed for ${sent.slice(0, 30)}… (${sent.slice(12)})` },
      };
    });
    const run = await runAction(
      sim,
      migrationInputs(url, {
        command: 'validate',
        'source-managed-authentication': 'false',
        'source-username': 'migrator',
        'source-password': password,
      }),
      { secrets: [password] },
    );
    expectClean(run);
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'atlas.migrations.validate' }).some((r) => r.injected)).toBe(true);
    expect(run.errors[0].message).toMatch(
      /^Atlas: start a validation of the migration failed: HTTP 400 INVALID_CREDENTIALS: Login failed for /,
    );
    expectNoPiece(run, password);
    expectNoPiece(run, escapeHtmlLike(password));
  });

  it('a status value, a project name and an error that echo pieces of the token: redacted in outputs, log and summary', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.setStatus(SOURCE_ORG_ID, token.slice(0, 385));
    const run = await runAction(sim, { ...sourceOnly({ 'link-token': token }), command: 'status' }, { secrets: [token, privateKey] });
    expectClean(run);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('***');
    expectNoPiece(run, token);

    sim.setStatus(SOURCE_ORG_ID, 'SYNCED');
    sim.addAtlasOrg(ATLAS_ORG_ID, {
      availableProjects: [{ ...structuredClone(AVAILABLE_PROJECTS[0]), name: `key=${privateKey} ${token.slice(100, 300)}` }],
    });
    sim.respond('oauth.revoke', { status: 400, body: { error: 'invalid_request', error_description: `bad token ${token.slice(7, 60)}` } });
    const more = await runAction(sim, withServiceAccount({ ...linkInputs(url, url, { 'link-token': token }), command: 'status' }), {
      secrets: [token, privateKey],
    });
    expectClean(more);
    expect(more.code).toBe(0);
    expect(JSON.parse(more.outputs['available-projects'])[0].name).toBe('key=*** ***');
    expect(more.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/invalid_request: bad token \*\*\*\.$/)]);
    expectNoPiece(more, token);
    expectNoPiece(more, privateKey);
  });
});

describe('input values echoed back, and refusals that protect users', () => {
  it('an access list that opens the token to most of the Internet is refused before anything is sent', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': '0.0.0.0/1, 128.0.0.0/1' }));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].properties.title).toBe("Input 'access-list-ips'");
    expect(run.errors[0].message).toMatch(/opens the link token to most of the Internet.*allow-open-access-list/);
    expect(sim.requests()).toEqual([]);
  });

  it('20,000 bad access-list entries: one error listing 10 of them, a few KB of log', async () => {
    // Short entries: one environment variable holds at most 128 KiB.
    const bad = Array.from({ length: 20_000 }, (_, i) => `z${i.toString(36)}`).join(',');
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': bad }));
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toMatch(/^Input 'access-list-ips': 20000 entries are not .*"z8", "z9", and 19990 more\./);
    expect(run.stdout.length).toBeLessThan(10_000);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(10_000);
    expect(sim.requests()).toEqual([]);
  });

  it('hostile entries in access-list-ips and a hostile base URL: shown neutralized, nothing sent', async () => {
    const run = await runAction(
      sim,
      linkInputs(url, `${url}/x\r::warning::pwned-url ##[error]pwned-url`, {
        'access-list-ips': '203.0.113.7 ##[error]pwned-in ::warning::pwned-in2 %0A::warning::pwned-in3 \u202eevil',
      }),
    );
    expectClean(run);
    expect(run.code).toBe(1);
    expect(sim.requests()).toEqual([]);
    const access = run.errors.find((e) => e.properties.title === "Input 'access-list-ips'")?.message;
    expect(access).toContain('"## [error]pwned-in", "::warning::pwned-in2", "%0A::warning::pwned-in3", "<U+202E>evil"');
    const base = run.errors.find((e) => e.properties.title === "Input 'source-base-url'")?.message;
    expect(base).toMatch(/^Input 'source-base-url': /);
    expect(base).not.toMatch(/[\r\n]/);
    expect(base).not.toContain('##[');
    expect(run.summary).toContain('pwned-in2');
  });
});
