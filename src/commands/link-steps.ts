import { atlasOrg, availableProjects, linkStatus, type AvailableProject } from '../api/organization-routes.js';
import type { Lenient } from '../api/shape.js';
import { ApiError } from '../errors.js';
import { ABSENT, type Api } from '../api/api.js';
import type { Log } from '../runner/log.js';
import type { OutputValue } from '../runner/outputs.js';
import type { Section } from '../runner/summary.js';
import { ATLAS_CREDENTIALS, SOURCE_SIDE, type InputUse, type Requirements } from '../inputs/declarations.js';
import type { Settings } from '../settings.js';
import type { Step } from './command.js';
import { bytes } from './sizes.js';
import { waitUntil } from '../wait.js';

/** What `link` and `status` learn and do. */
export interface LinkState {
  /** The status read first: SYNCED, NOT_SYNCED, UNLINKED (no link), or a value MongoDB added. */
  before?: string;
  /** The latest status. */
  status?: string;
  token?: string;
  tokenCreated: boolean;
  connected: boolean;
  projects?: Lenient<AvailableProject>;
}

const KNOWN_STATUSES = ['SYNCED', 'NOT_SYNCED', 'UNLINKED'];

export function startLinkState(settings: Settings): LinkState {
  return { tokenCreated: false, connected: false, token: settings.link.linkToken };
}

/** A status MongoDB may add later is passed on, treated as not synced, with a warning (once). */
function noteStatus(status: string, state: LinkState, log: Log): void {
  if (!KNOWN_STATUSES.includes(status) && state.before !== status && state.status !== status) {
    log.annotate(
      'warning',
      `The source reports the link status "${status}", which this action does not know; it is treated as not synced.`,
      'Unknown link status',
    );
  }
}

async function readSourceStatus(ctx: { api: Api; log: Log }, state: LinkState): Promise<string> {
  const answer = await ctx.api.call(linkStatus);
  // MongoDB's ConnectionStatus requires nothing: a missing status is shown as such, and is not SYNCED.
  const status = answer === ABSENT ? 'UNLINKED' : (answer.status ?? 'not given');
  noteStatus(status, state, ctx.log);
  return status;
}

export function readStatusStep(settings: Settings, prepareAtlas: boolean): Step<LinkState> {
  return {
    title: "Read the source's link status",
    calls: [{ route: linkStatus }],
    async run(state, ctx) {
      // With Atlas calls to come, their authentication round trip overlaps this read.
      const [status] = await Promise.all([readSourceStatus(ctx, state), prepareAtlas ? ctx.api.prepare('atlas', atlasOrg) : undefined]);
      state.before = state.status = status;
      ctx.log.info(`Source organization ${settings.source.orgId}: link status ${status}.`);
      return status === 'UNLINKED' ? 'no link (the organization reads, so the 404 meant no link)' : status;
    },
  };
}

export function waitForSyncStep(settings: Settings): Step<LinkState> {
  const seconds = settings.link.waitForSyncSeconds;
  return {
    title: 'Wait for SYNCED',
    calls: [{ route: linkStatus, repeated: `until SYNCED, up to ${seconds} s` }],
    skip: { when: 'the link is already SYNCED', test: (state) => state.status === 'SYNCED' },
    lastSeen: (state) => (state.status ? `link status ${state.status}` : undefined),
    async run(state, ctx) {
      state.status = await waitUntil(
        {
          goal: 'SYNCED',
          seconds,
          first: state.status,
          read: async () => (state.status = await readSourceStatus(ctx, state)),
          done: (status) => status === 'SYNCED',
          show: (status) => status,
          timeout: (last) => `source: the link did not reach SYNCED within ${seconds} s (wait-for-sync); the last status read was ${last}.`,
          maxIntervalMs: 15_000,
        },
        ctx,
      );
      return 'SYNCED';
    },
  };
}

export function projectsStep(settings: Settings): Step<LinkState> {
  return {
    title: 'List the projects Atlas can migrate',
    calls: [{ route: availableProjects }],
    skip: { when: 'the link is not SYNCED', test: (state) => state.status !== 'SYNCED' },
    // The link stands whatever this read says, unless it shows atlas-org-id to be wrong.
    soft: (err) => !(err instanceof ApiError && err.problem.blame),
    async run(state, ctx) {
      const answer = await ctx.api.call(availableProjects);
      const projects = answer === ABSENT ? { items: [], skipped: [] } : answer;
      state.projects = projects;
      // Entries this action cannot read are left out, each said (a malformed one never fails a link that succeeded).
      const skipped = [
        ...projects.skipped.map((e) => `a project this action cannot read, left out: ${e.message}`),
        ...projects.items.flatMap((p) =>
          p.deployments.skipped.map((e) => `a deployment of project ${p.projectId} this action cannot read, left out: ${e.message}`),
        ),
      ];
      for (const what of skipped.slice(0, 5)) ctx.log.annotate('warning', `Atlas listed ${what}.`, 'Available projects');
      if (skipped.length > 5) ctx.log.info(`… and ${skipped.length - 5} more entries left out.`);
      const deployments = deploymentsOf(projects.items).length;
      if (deployments > MATRIX_LIMIT) {
        ctx.log.annotate(
          'warning',
          `The deployments output lists ${deployments} deployments; a GitHub Actions matrix takes at most ${MATRIX_LIMIT} jobs, ` +
            'so a matrix made from it whole fails. Split it (by source-project-id, say) over several jobs or workflows.',
          'More deployments than a matrix holds',
        );
      }
      ctx.log.info(
        `Atlas organization ${settings.atlas.orgId} sees ${projects.items.length} project(s) with ${deployments} deployment(s) available for migration.`,
      );
      return `${projects.items.length} project(s), ${deployments} deployment(s)`;
    },
  };
}

/** The most jobs one GitHub Actions matrix makes. */
const MATRIX_LIMIT = 256;

/** One entry a deployment: the `deployments` output, ready for a matrix of `migrate` jobs. */
export interface DeploymentEntry {
  'source-project-id': string;
  'source-project-name': string;
  'source-cluster-name': string;
  /** Only when the project has exactly one migration host. */
  'migration-host'?: string;
  'mongodb-version'?: string;
  sharded?: boolean;
  tls?: boolean;
  /** Sizing, when MongoDB gives it: the data to copy, the oplog window's size, the agent, the feature compatibility version. */
  'db-size-bytes'?: number;
  'oplog-size-mb'?: number;
  'agent-version'?: string;
  fcv?: string;
}

function deploymentsOf(projects: AvailableProject[]): DeploymentEntry[] {
  return projects.flatMap((p) =>
    p.deployments.items.map((d) => ({
      'source-project-id': p.projectId,
      'source-project-name': p.name,
      'source-cluster-name': d.name,
      ...(p.migrationHosts.length === 1 ? { 'migration-host': p.migrationHosts[0] } : {}),
      ...(d.mongoDBVersion !== undefined ? { 'mongodb-version': d.mongoDBVersion } : {}),
      ...(d.sharded !== undefined ? { sharded: d.sharded } : {}),
      ...(d.tlsEnabled !== undefined ? { tls: d.tlsEnabled } : {}),
      ...(d.dbSizeBytes !== undefined ? { 'db-size-bytes': d.dbSizeBytes } : {}),
      ...(d.oplogSizeMB !== undefined ? { 'oplog-size-mb': d.oplogSizeMB } : {}),
      ...(d.agentVersion !== undefined ? { 'agent-version': d.agentVersion } : {}),
      ...(d.featureCompatibilityVersion !== undefined ? { fcv: d.featureCompatibilityVersion } : {}),
    })),
  );
}

/**
 * The `available-projects` and `deployments` outputs, once the projects were read. With Atlas
 * credentials but no read (the link is not SYNCED), `deployments` is `[]`, so that a matrix made
 * from it (`fromJSON`) is empty rather than broken.
 */
export function projectOutputs(state: LinkState, settings: Settings): Record<string, OutputValue> {
  if (!state.projects) return settings.atlas.credentials ? { deployments: { json: [] } } : {};
  return {
    'available-projects': { json: state.projects.items.map(({ deployments, ...p }) => ({ ...p, deployments: deployments.items })) },
    deployments: { json: deploymentsOf(state.projects.items) },
  };
}

export function projectTables(state: LinkState): Section[] {
  if (!state.projects) return [];
  return [
    {
      kind: 'table',
      title: 'Deployments Atlas can migrate',
      head: ['Project', 'Project id', 'Deployment', 'Version', 'FCV', 'Sharded', 'TLS', 'Data', 'Oplog', 'Agent', 'Migration hosts'],
      rows: state.projects.items.flatMap((p) =>
        p.deployments.items.map((d) => [
          p.name,
          p.projectId,
          d.name,
          d.mongoDBVersion ?? '',
          d.featureCompatibilityVersion ?? '',
          d.sharded === undefined ? '' : d.sharded ? 'yes' : 'no',
          d.tlsEnabled === undefined ? '' : d.tlsEnabled ? 'yes' : 'no',
          d.dbSizeBytes === undefined ? '' : bytes(d.dbSizeBytes),
          d.oplogSizeMB === undefined ? '' : bytes(d.oplogSizeMB * 1024 * 1024),
          d.agentVersion ?? '',
          p.migrationHosts.join(', '),
        ]),
      ),
    },
  ];
}

/** What link, status and unlink need of the source side. */
export function requireSource(settings: Settings, r: Requirements): void {
  r.need(
    'source-org-id',
    settings.source.orgId,
    'for this command: the source organization id, 24 hexadecimal digits (Organization Settings)',
  );
  r.need(
    'source-public-key',
    settings.source.credentials,
    'for this command: the public key of a Cloud Manager / Ops Manager API key with the Organization Owner role',
  );
  r.need(
    'source-private-key',
    r.read('source-private-key'),
    'for this command: the private key that goes with source-public-key (pass it from a secret)',
  );
}

/** The inputs of status and unlink: the source, and optionally Atlas (which then needs its organization). */
export const SOURCE_WITH_OPTIONAL_ATLAS: Record<string, InputUse> = {
  ...SOURCE_SIDE,
  'atlas-org-id': 'conditional',
  ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, 'conditional' as const])),
  'atlas-base-url': 'optional',
};

export function requireSourceWithOptionalAtlas(settings: Settings, r: Requirements): void {
  requireSource(settings, r);
  if (settings.atlas.credentials)
    r.need('atlas-org-id', settings.atlas.orgId, 'with Atlas credentials: the destination Atlas organization id');
}
