import { connectLink, createLinkToken } from '../api/organization-routes.js';
import { ATLAS_CREDENTIALS, ATLAS_KINDS, DEFAULTS, SOURCE_SIDE } from '../inputs/declarations.js';
import { checkAccessList } from '../inputs/link-inputs.js';
import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import {
  requireSource,
  projectOutputs,
  projectsStep,
  projectTables,
  readStatusStep,
  startLinkState,
  waitForSyncStep,
  type LinkState,
} from './link-steps.js';

const entriesOf = (settings: Settings) => {
  const n = settings.link.accessListIps.length;
  return `${n} access-list entr${n === 1 ? 'y' : 'ies'}`;
};

const alreadySynced = (force: boolean) => ({
  when: "the source already reports SYNCED and force is not 'true'",
  test: (state: LinkState) => state.before === 'SYNCED' && !force,
});

export const link = command<LinkState>({
  name: 'link',
  title: 'MongoDB live migration: link',
  description: 'creates a link token if needed and connects the source organization to Atlas',
  outputs: ['status', 'link-token', 'changed', 'available-projects', 'deployments'],
  inputs: {
    ...SOURCE_SIDE,
    'atlas-org-id': 'conditional',
    ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, 'conditional' as const])),
    'atlas-base-url': 'optional',
    'access-list-ips': 'optional',
    'allow-open-access-list': 'optional',
    'link-token': 'optional',
    force: 'optional',
    'wait-for-sync': 'optional',
  },
  conditions: {
    'atlas-org-id': 'Required unless link-token is given.',
    ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, `${ATLAS_KINDS} Required unless link-token is given.`])),
  },
  require(settings, r) {
    requireSource(settings, r);
    if (settings.link.linkToken) {
      if (settings.atlas.credentials)
        r.need('atlas-org-id', settings.atlas.orgId, 'with Atlas credentials: the destination Atlas organization id');
      return;
    }
    r.atlasCredentials('to create a link token (or pass an existing token in link-token)');
    r.need('atlas-org-id', settings.atlas.orgId, 'to create a link token: the destination Atlas organization id');
    checkAccessList(r.read, r.findings, settings.source.baseUrl === DEFAULTS['source-base-url']);
  },
  start: startLinkState,
  steps(settings) {
    const hasAtlas = settings.atlas.credentials !== undefined;
    const steps: Array<Step<LinkState>> = [readStatusStep(settings, hasAtlas)];
    const skip = alreadySynced(settings.link.force);
    if (settings.link.linkToken === undefined) {
      steps.push({
        title: 'Create a link token in Atlas',
        calls: [{ route: createLinkToken }],
        skip,
        async run(state, ctx) {
          const { linkToken } = await ctx.api.call(createLinkToken, { body: { accessListIps: settings.link.accessListIps } });
          ctx.log.linkToken(linkToken);
          state.token = linkToken;
          state.tokenCreated = true;
          ctx.log.info(`Created a link token in Atlas organization ${settings.atlas.orgId} with ${entriesOf(settings)}.`);
          return `created, ${entriesOf(settings)}`;
        },
      });
    }
    steps.push({
      title: 'Connect the source organization with the link token',
      calls: [{ route: connectLink }],
      skip,
      async run(state, ctx) {
        const answer = await ctx.api.call(connectLink, { body: { linkToken: state.token } });
        const status = answer.status ?? 'not given';
        state.status = status;
        state.connected = true;
        ctx.log.info(`Connected the source organization: it reports ${status}.`);
        return status;
      },
    });
    if (settings.link.waitForSyncSeconds > 0) steps.push(waitForSyncStep(settings));
    if (hasAtlas) steps.push(projectsStep(settings));
    return steps;
  },
  waitSeconds: (settings) => settings.link.waitForSyncSeconds,
  report: (state, settings, error) => ({
    outputs: {
      status: state.status,
      changed: String(state.tokenCreated || state.connected),
      'link-token': state.token !== undefined && (state.tokenCreated || state.connected) ? { secret: state.token } : undefined,
      ...projectOutputs(state, settings),
    },
    facts: [
      ['Atlas organization', settings.atlas.orgId ?? '—'],
      ['Source organization', settings.source.orgId ?? '—'],
      ['Status before', state.before ?? '—'],
      ['Status', state.status ?? '—'],
      [
        'Link token',
        state.tokenCreated ? `created (${entriesOf(settings)})` : settings.link.linkToken ? 'given in link-token' : 'none created',
      ],
      ['Changed', state.tokenCreated || state.connected ? 'yes' : 'no'],
    ],
    sections: projectTables(state),
    outcome:
      !state.connected && state.before === 'SYNCED'
        ? "The source already reported SYNCED, so no token was created and nothing changed (set force: 'true' to relink)."
        : `Linked: the source reports ${state.status}.`,
    next: next(state, settings, error),
  }),
});

function next(state: LinkState, settings: Settings, error: unknown): string[] {
  if (error) {
    if (state.tokenCreated && !state.connected) {
      return [
        `A link token was created in Atlas organization ${settings.atlas.orgId} but not used; it is in the link-token output of this step ` +
          '(it carries an Atlas API key, usable from the addresses on its access list). Fix the error above, then re-run link with that token ' +
          'as link-token (from a later step of this job), so that no second token is made.',
        `To remove unused tokens, run unlink with Atlas credentials: it deletes every link token of Atlas organization ${settings.atlas.orgId}, ` +
          'which also breaks the link of any other source organization linked with it.',
      ];
    }
    if (!state.tokenCreated && !state.connected) return ['Nothing was created or changed. Fix the error above and re-run link.'];
    return ['The source was connected; fix the error above and re-run link (it reports SYNCED without a new token once synced).'];
  }
  if (state.status === 'SYNCED') {
    return [
      'Validate and start a migration: run the migrate action with atlas-project-id, atlas-cluster-name and one deployment from the table above (or fan out over the deployments output with a matrix).',
    ];
  }
  return [
    `The source reports ${state.status}: run status with wait-for-sync, and check that the Ops Manager host can reach Atlas from an address on the token's access list.`,
  ];
}
