// A server that quotes the request body back (issue 18, findings 8 and 9): the source password
// travels in the validate and create bodies, and an error detail may hold it in any encoding —
// JSON-escaped inside the quoted body, split across lines, with an invisible character inside,
// form-encoded, HTML-escaped, or inside base64 of the body. Through dist/index.js with
// RUNNER_DEBUG=1, no 6-character piece of the password may be readable in stdout as the runner
// decodes it, in the outputs or in the summary, once this file's own decoder has undone every
// one of those encodings.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ATLAS_ORG_ID, migrationInputs, resetStandardWorld, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { edited, expectScriptsUsed } from '../helpers/scripts.js';
import { shownStdout, type ActionRun } from '../helpers/run-action.js';
import { runAction } from '../helpers/transport-world.js';
import { decodedViews, readablePiece } from '../helpers/decoded-views.js';

/** 28 characters with a space, quotes and characters every encoding changes (the issue's example). */
const PASSWORD = 'Kx7 "q!Lm9 "Tz4&Wp8<Rb2>Yc6';
const PIECE = 6;

let sim: Simulator;
let url: string;
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());
beforeEach(() => {
  resetStandardWorld(sim);
  sim.migrationPlan({ validationAfterPolls: 0 });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
});
afterEach(() => expectScriptsUsed(sim));

const inputs = (command: string) =>
  migrationInputs(url, {
    command,
    'source-managed-authentication': 'false',
    'source-username': 'migrator',
    'source-password': PASSWORD,
  });

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sourceOf = (body: string) => JSON.stringify((JSON.parse(body) as { source: unknown }).source);
const escapedPassword = JSON.stringify(PASSWORD).slice(1, -1);
/** The body with the password's JSON-escaped form cut in two by `between`, after its 14th character. */
const splitIn = (body: string, between: string) =>
  body.replace(escapedPassword, `${escapedPassword.slice(0, 14)}${between}${escapedPassword.slice(14)}`);

/** How a server might echo the request body in an error detail (each kept well inside the 400 characters shown). */
const ECHOES: Array<[string, (body: string) => string]> = [
  ['the request body JSON, quoted', (body) => `Could not log in with ${body}`],
  ['the source part, split across an LF', (body) => splitIn(sourceOf(body), '\n')],
  ['the source part, split across a CRLF', (body) => splitIn(sourceOf(body), '\r\n')],
  ['the source part, split by \\n escape text', (body) => JSON.stringify(splitIn(sourceOf(body), '\n')).slice(1, -1)],
  ['the source part, a zero-width joiner inside the password', (body) => splitIn(sourceOf(body), '\u200d')],
  ['the source part, a zero-width space and a BOM inside', (body) => splitIn(splitIn(sourceOf(body), '\ufeff'), '\u200b')],
  ['the credentials form-encoded', () => `body was ${new URLSearchParams({ username: 'migrator', password: PASSWORD }).toString()}`],
  [
    'the source part HTML-escaped',
    (body) => sourceOf(body).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  ],
  ['the source part as base64 (offset 0)', (body) => `payload ${b64(sourceOf(body))}`],
  ['the source part as base64 (offset 1)', (body) => `payload ${b64(` ${sourceOf(body)}`)}`],
  ['the source part as base64 (offset 2)', (body) => `payload ${b64(`  ${sourceOf(body)}`)}`],
];

/** Everything a reader can see: stdout as the runner decodes it, stderr, every output, the summary. */
function readable(run: ActionRun): string {
  return [...shownStdout(run), run.stderr, ...Object.values(run.outputs), run.summary].join('\n');
}

function expectNoPieceReadable(run: ActionRun): void {
  expect(readablePiece(readable(run), PASSWORD, PIECE), 'a piece of the password is readable').toBeUndefined();
}

describe('a source password a server echoes, in any encoding', () => {
  for (const [what, echo] of ECHOES) {
    it(`validate: ${what}`, async () => {
      let echoed = '';
      sim.respond('atlas.migrations.validate', (request) => {
        echoed = echo(request.body);
        return { status: 400, body: { error: 400, errorCode: 'INVALID_CREDENTIALS', detail: echoed } };
      });
      const run = await runAction(sim, inputs('validate'), { secrets: [PASSWORD] });
      expect(run.code).toBe(1);
      // The echo did hold the password, and the part shown around it is still shown.
      expect(decodedViews(echoed).some((v) => v.includes(PASSWORD))).toBe(true);
      expectNoPieceReadable(run);
      expect(run.errors[0].message).toMatch(/^Atlas: start a validation of the migration failed: HTTP 400 INVALID_CREDENTIALS: .*\*\*\*/);
    });
  }

  it('migrate: the create answer quotes the request body; the runner is told to mask the JSON-escaped form', async () => {
    sim.respond(
      'atlas.migrations.validate',
      edited((b) => void (b.status = 'SUCCESS')),
    );
    sim.respond('atlas.migrations.create', (request) => ({
      status: 400,
      body: { error: 400, errorCode: 'INVALID_SOURCE', detail: `Rejected ${request.body}` },
    }));
    const run = await runAction(sim, inputs('migrate'), { secrets: [PASSWORD] });
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'atlas.migrations.create' }).some((r) => r.injected)).toBe(true);
    expect(run.errors[0].message).toContain('"username":"migrator","password":"***"');
    expect(run.masks).toEqual(expect.arrayContaining([PASSWORD, escapedPassword]));
    expect(run.summary).toContain('&#34;password&#34;:&#34;&#42;&#42;&#42;&#34;');
    expectNoPieceReadable(run);
  });
});
