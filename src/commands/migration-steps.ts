import type { Api } from '../api/api.js';
import {
  cutover as cutoverRoute,
  createMigration,
  readMigration,
  readValidation,
  startValidation,
  type Migration,
} from '../api/migration-routes.js';
import { availableProjects, type AvailableProject } from '../api/organization-routes.js';
import { RefusedError } from '../errors.js';
import { ABSENT } from '../api/api.js';
import type { Log } from '../output/log.js';
import type { OutputValue } from '../output/outputs.js';
import type { MigrationSettings, Settings } from '../settings.js';
import type { Step, StepContext } from './command.js';
import { waitUntil } from './wait.js';

/** What the migration commands learn and do. */
export interface MigrationState {
  /** The source deployment and migration host, as given or filled in from the projects Atlas lists. */
  sourceProjectId?: string;
  sourceClusterName?: string;
  migrationHost?: string;
  filled: string[];
  validationId?: string;
  validationStatus?: string;
  /** MongoDB's errorMessage, as last read (the start answer may already say FAILED). */
  validationMessage?: string;
  /** Set when the validation FAILED: its reason. */
  validationError?: string;
  migrationId?: string;
  migration?: Migration;
  created: boolean;
  cutoverRequested: boolean;
  /** The migration was already complete before this run (a re-run of cutover). */
  alreadyComplete: boolean;
}

export const VALIDATION_WAIT_SECONDS = 300;
const MAX_POLL_INTERVAL_MS = 60_000;
export const TERMINAL = ['COMPLETE', 'FAILED', 'EXPIRED'];
const KNOWN = ['NEW', 'WORKING', ...TERMINAL];

/** validate and migrate read the source deployment and the destination cluster; migration-status and cutover ignore them. */
export const usesSpec = (settings: Settings) => settings.command === 'validate' || settings.command === 'migrate';

export function startMigrationState(settings: Settings): MigrationState {
  const m = settings.migration;
  const spec = usesSpec(settings);
  return {
    sourceProjectId: spec ? m.sourceProjectId : undefined,
    sourceClusterName: spec ? m.sourceClusterName : undefined,
    migrationHost: spec ? m.migrationHost : undefined,
    filled: [],
    migrationId: m.migrationId,
    created: false,
    cutoverRequested: false,
    alreadyComplete: false,
  };
}

export const isReady = (m: Migration) => m.status === 'WORKING' && m.readyForCutover === true;

export function showMigration(m: Migration): string {
  const parts = [m.status];
  if (m.status === 'WORKING') parts.push(m.readyForCutover ? 'ready for cutover' : 'not ready for cutover yet');
  if (m.lagTimeSeconds !== undefined) parts.push(`lag ${m.lagTimeSeconds} s`);
  return parts.join(', ');
}

function noteUnknown(status: string, log: Log): void {
  if (!KNOWN.includes(status)) {
    log.annotate(
      'warning',
      `Atlas reports the migration status "${status}", which this action does not know; it is treated as still running.`,
      'Unknown migration status',
    );
  }
}

export async function describeMigration(api: Api, log: Log, id: string, projectId: string | undefined): Promise<Migration> {
  const answer = await api.call(readMigration, { params: { liveMigrationId: id } });
  if (answer === ABSENT) {
    throw new RefusedError(
      `Input 'migration-id': Atlas project ${projectId} (atlas-project-id) has no live migration ${id}; the project itself reads, so the id is wrong, ` +
        'or it belongs to another project. Hint: pass the migration-id output of the migrate run that started it, with the same atlas-project-id.',
    );
  }
  noteUnknown(answer.status, log);
  return answer;
}

/** Fills the source deployment and migration host from the projects Atlas lists, when that leaves exactly one choice. */
export function resolveSourceStep(settings: Settings): Step<MigrationState> {
  return {
    title: 'Find the source deployment among the projects Atlas can migrate',
    calls: [{ route: availableProjects }],
    async run(state, ctx) {
      const answer = await ctx.api.call(availableProjects);
      const items = answer === ABSENT ? [] : answer.items;
      const pick = chooseDeployment(items, state, settings.atlas.orgId);
      for (const [input, value] of [
        ['source-project-id', pick.projectId],
        ['source-cluster-name', pick.clusterName],
        ['migration-host', pick.host],
      ] as const) {
        const key =
          input === 'source-project-id' ? 'sourceProjectId' : input === 'source-cluster-name' ? 'sourceClusterName' : 'migrationHost';
        if (state[key] === undefined) {
          state[key] = value;
          state.filled.push(`${input}=${value}`);
        }
      }
      if (state.filled.length) {
        ctx.log.annotate(
          'notice',
          `Filled in from the projects Atlas organization ${settings.atlas.orgId} lists: ${state.filled.join(', ')}.`,
          'Inputs filled in',
        );
      }
      return state.filled.length ? `filled in ${state.filled.join(', ')}` : 'all given';
    },
  };
}

function chooseDeployment(
  projects: AvailableProject[],
  s: MigrationState,
  orgId: string | undefined,
): { projectId: string; clusterName: string; host: string } {
  const list = (names: string[]) => `${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
  if (projects.length === 0) {
    const input =
      s.sourceProjectId === undefined ? 'source-project-id' : s.sourceClusterName === undefined ? 'source-cluster-name' : 'migration-host';
    throw new RefusedError(
      `Input '${input}': cannot be filled in: Atlas organization ${orgId} lists no project it can migrate. Is the source linked and SYNCED (run status)? ` +
        'Otherwise give source-project-id, source-cluster-name and migration-host.',
    );
  }
  let candidates = projects.filter((p) => (s.sourceProjectId ? p.projectId === s.sourceProjectId : true));
  if (s.sourceProjectId && candidates.length === 0) {
    throw new RefusedError(
      `Input 'source-project-id': project ${s.sourceProjectId} is not among the projects Atlas can migrate (${list(projects.map((p) => p.projectId)) || 'none'}). Is the link SYNCED?`,
    );
  }
  if (s.sourceClusterName) candidates = candidates.filter((p) => p.deployments.items.some((d) => d.name === s.sourceClusterName));
  if (candidates.length !== 1) {
    const input = s.sourceProjectId ? 'source-cluster-name' : 'source-project-id';
    const found =
      candidates.length === 0
        ? `no project has a deployment named ${s.sourceClusterName}`
        : `${candidates.length} projects could be meant: ${list(candidates.map((p) => `${p.name} (${p.projectId})`))}`;
    throw new RefusedError(
      `Input '${input}': cannot tell which source deployment to migrate: ${found}. Give source-project-id and source-cluster-name.`,
    );
  }
  const project = candidates[0];
  const deployments = project.deployments.items.map((d) => d.name);
  const clusterName = s.sourceClusterName ?? (deployments.length === 1 ? deployments[0] : undefined);
  if (!clusterName) {
    throw new RefusedError(
      `Input 'source-cluster-name': project ${project.projectId} has ${deployments.length} deployments (${list(deployments)}); name one.`,
    );
  }
  if (s.migrationHost && project.migrationHosts.length && !project.migrationHosts.includes(s.migrationHost)) {
    throw new RefusedError(
      `Input 'migration-host': ${s.migrationHost} is not a migration host of project ${project.projectId} (${list(project.migrationHosts)}).`,
    );
  }
  const host = s.migrationHost ?? (project.migrationHosts.length === 1 ? project.migrationHosts[0] : undefined);
  if (!host) {
    throw new RefusedError(
      `Input 'migration-host': project ${project.projectId} has ${project.migrationHosts.length ? `${project.migrationHosts.length} migration hosts (${list(project.migrationHosts)}); name one` : 'no migration host: set one up in Cloud/Ops Manager first'}.`,
    );
  }
  return { projectId: project.projectId, clusterName, host };
}

/** The request body of validate and create, version 2024-05-30. */
function migrationBody(settings: Settings, state: MigrationState): unknown {
  const m: MigrationSettings = settings.migration;
  return {
    source: {
      clusterName: state.sourceClusterName,
      groupId: state.sourceProjectId,
      managedAuthentication: m.managedAuthentication,
      ssl: m.ssl,
      ...(m.managedAuthentication ? {} : { username: m.username, password: m.password }),
      ...(m.caCertificatePath ? { caCertificatePath: m.caCertificatePath } : {}),
    },
    destination: {
      clusterName: m.clusterName,
      groupId: settings.atlas.projectId,
      hostnameSchemaType: m.network,
      ...(m.privateLinkId ? { privateLinkId: m.privateLinkId } : {}),
    },
    migrationHosts: [state.migrationHost],
    dropDestinationData: m.dropDestinationData,
  };
}

const dropNote = (settings: Settings) =>
  settings.migration.dropDestinationData
    ? ` — DROPS ALL DATA in destination cluster ${settings.migration.clusterName} first (drop-destination-data)`
    : '';

export function validationSteps(settings: Settings, waitSeconds: number): Array<Step<MigrationState>> {
  return [
    {
      title: `Start a validation of the migration${dropNote(settings)}`,
      calls: [{ route: startValidation }],
      async run(state, ctx) {
        const validation = await ctx.api.call(startValidation, { body: migrationBody(settings, state) });
        state.validationId = validation._id;
        state.validationStatus = validation.status;
        state.validationMessage = validation.errorMessage;
        ctx.output('validation-id', validation._id);
        ctx.log.info(`Started validation ${validation._id}: ${validation.status}.`);
        return `validation ${validation._id}`;
      },
    },
    {
      title: 'Wait for the validation result',
      calls: [{ route: readValidation, repeated: `until SUCCESS or FAILED, up to ${waitSeconds} s` }],
      async run(state, ctx) {
        const id = state.validationId as string;
        const result = await waitUntil(
          {
            goal: 'the validation result',
            seconds: waitSeconds,
            first: { _id: id, status: state.validationStatus ?? 'PENDING', errorMessage: state.validationMessage },
            read: async () => {
              const answer = await ctx.api.call(readValidation, { params: { validationId: id } });
              if (answer === ABSENT) throw new RefusedError(`Atlas: validation ${id} is gone from the project.`);
              state.validationStatus = answer.status;
              state.validationMessage = answer.errorMessage;
              return answer;
            },
            done: (v) => v.status === 'SUCCESS' || v.status === 'FAILED',
            show: (v) => v.status,
            timeout: (last) =>
              `Atlas: the validation did not finish within ${waitSeconds} s (wait-for); the last status read was ${last}. Raise wait-for, or check the validation in Atlas.`,
            maxIntervalMs: MAX_POLL_INTERVAL_MS,
          },
          ctx,
        );
        if (result.status === 'FAILED') {
          state.validationError = result.errorMessage?.trim() || 'Atlas gave no reason';
          throw new RefusedError(
            `Atlas: validation ${id} FAILED: ${sentence(state.validationError)} Nothing was started. ` +
              'Hint: fix what it names (the source deployment, the migration host, the destination cluster or network), then re-run.',
          );
        }
        ctx.log.info(`Validation ${id} succeeded.`);
        return 'SUCCESS';
      },
    },
  ];
}

export function createStep(settings: Settings): Step<MigrationState> {
  return {
    title: `Start the migration${dropNote(settings)}`,
    calls: [{ route: createMigration }],
    async run(state, ctx) {
      const migration = await ctx.api.call(createMigration, { body: migrationBody(settings, state) });
      state.migrationId = migration._id;
      state.migration = migration;
      state.created = true;
      ctx.output('migration-id', migration._id);
      ctx.log.annotate(
        'notice',
        `Started live migration ${migration._id}. Keep this id: there is no API to list migrations. It is the migration-id output of this step; ` +
          'pass it to the cutover job (as a job output, or to workflow_dispatch) as migration-id.',
        'Keep the migration id',
      );
      return `migration ${migration._id}: ${showMigration(migration)}`;
    },
  };
}

export function readStep(settings: Settings): Step<MigrationState> {
  return {
    title: 'Read the migration',
    calls: [{ route: readMigration }],
    async run(state, ctx) {
      state.migration = await describeMigration(ctx.api, ctx.log, state.migrationId as string, settings.atlas.projectId);
      ctx.log.info(`Migration ${state.migrationId}: ${showMigration(state.migration)}.`);
      refuseIfFinishedBadly(state);
      return showMigration(state.migration);
    },
  };
}

/** Polls the migration until `goal` (or a terminal status); FAILED and EXPIRED fail the step. */
export function watchStep(
  settings: Settings,
  title: string,
  goal: string,
  seconds: number,
  done: (m: Migration) => boolean,
): Step<MigrationState> {
  return {
    title,
    calls: [{ route: readMigration, repeated: `until ${goal} or a final status, up to ${seconds} s` }],
    skip: {
      when: `the migration is already ${goal} or in a final status`,
      test: (s) => s.migration !== undefined && (done(s.migration) || TERMINAL.includes(s.migration.status)),
    },
    async run(state, ctx) {
      const id = state.migrationId as string;
      state.migration = await waitUntil(
        {
          goal,
          seconds,
          first: state.migration,
          read: async () => (state.migration = await describeMigration(ctx.api, ctx.log, id, settings.atlas.projectId)),
          done: (m) => done(m) || TERMINAL.includes(m.status),
          show: showMigration,
          timeout: (last) =>
            `Atlas: migration ${id} did not become ${goal} within ${seconds} s (wait-for); it is ${last}. It goes on running; watch it with migration-status.`,
          maxIntervalMs: MAX_POLL_INTERVAL_MS,
        },
        ctx,
      );
      refuseIfFinishedBadly(state);
      return showMigration(state.migration);
    },
  };
}

/** FAILED and EXPIRED end a command that watches or cuts over. */
export function refuseIfFinishedBadly(state: MigrationState): void {
  const m = state.migration;
  if (m?.status === 'FAILED')
    throw new RefusedError(
      `Atlas: migration ${state.migrationId} FAILED. Hint: see the migration in Atlas for the cause, fix it, and start a new migration with migrate.`,
    );
  if (m?.status === 'EXPIRED') {
    throw new RefusedError(
      `Atlas: migration ${state.migrationId} EXPIRED: the 120-hour window for cutover after it became ready has passed. Hint: start a new migration with migrate (without migration-id).`,
    );
  }
}

export function cutoverStep(): Step<MigrationState> {
  return {
    title: 'Cut over',
    calls: [{ route: cutoverRoute }],
    skip: { when: 'the migration is already COMPLETE', test: (s) => s.migration?.status === 'COMPLETE' },
    async run(state, ctx: StepContext) {
      const m = state.migration as Migration;
      if (!isReady(m)) {
        throw new RefusedError(
          `Atlas: migration ${state.migrationId} is not ready for cutover (${showMigration(m)}); nothing was sent. ` +
            'Hint: wait for ready-for-cutover (migration-status with wait-for), then run cutover again. ' +
            'A cutover already under way reads the same (WORKING, not ready): watch it with migration-status until COMPLETE.',
        );
      }
      await ctx.api.call(cutoverRoute, { params: { liveMigrationId: state.migrationId } });
      state.cutoverRequested = true;
      ctx.log.info(`Cutover of migration ${state.migrationId} requested.`);
      return 'requested';
    },
  };
}

export function migrationOutputs(state: MigrationState, changed: boolean): Record<string, OutputValue> {
  const m = state.migration;
  return {
    'validation-id': state.validationId,
    'validation-status': state.validationStatus,
    'migration-id': state.migrationId,
    'migration-status': m?.status,
    'ready-for-cutover': m ? String(isReady(m)) : undefined,
    'lag-seconds': m?.lagTimeSeconds !== undefined ? String(m.lagTimeSeconds) : undefined,
    changed: String(changed),
  };
}

export function migrationFacts(state: MigrationState, settings: Settings): Array<[string, string]> {
  const m = state.migration;
  const rows: Array<[string, string]> = [['Atlas project', settings.atlas.projectId ?? '—']];
  if (usesSpec(settings) && settings.migration.clusterName) rows.push(['Destination cluster', settings.migration.clusterName]);
  if (state.sourceProjectId) rows.push(['Source project', state.sourceProjectId]);
  if (state.sourceClusterName) rows.push(['Source deployment', state.sourceClusterName]);
  if (state.migrationHost) rows.push(['Migration host', state.migrationHost]);
  else if (m?.migrationHosts?.length) rows.push(['Migration host', m.migrationHosts.join(', ')]);
  if (state.filled.length) rows.push(['Filled in from Atlas', state.filled.join(', ')]);
  if (state.validationId)
    rows.push([
      'Validation',
      `${state.validationId}: ${state.validationStatus ?? '—'}${state.validationError ? ` (${state.validationError})` : ''}`,
    ]);
  if (state.migrationId) rows.push(['Migration id', state.migrationId]);
  if (m) {
    rows.push(['Migration status', m.status], ['Ready for cutover', isReady(m) ? 'yes' : 'no']);
    if (m.lagTimeSeconds !== undefined) rows.push(['Lag', `${m.lagTimeSeconds} s`]);
  }
  if (settings.migration.dropDestinationData && (settings.command === 'validate' || settings.command === 'migrate')) {
    rows.push(['Destination data', 'dropped first (drop-destination-data)']);
  }
  return rows;
}

/** What to do when the command failed before it could read the migration. */
export function failedBeforeRead(state: MigrationState): string[] {
  return [
    `Nothing was changed: migration ${state.migrationId ?? '—'} could not be read. Fix the error above ` +
      '(migration-id is the migration-id output of migrate; atlas-project-id is the project it runs in), then re-run.',
  ];
}

/** The next step to run, for a migration in this state. */
export function migrationNext(state: MigrationState): string[] {
  const m = state.migration;
  const id = state.migrationId;
  if (!m || !id) return [];
  switch (m.status) {
    case 'COMPLETE':
      return [
        'The migration is COMPLETE: point applications at the Atlas cluster. When every migration of this source is done, run unlink.',
      ];
    case 'FAILED':
      return ['The migration FAILED: see it in Atlas for the cause, fix it, and start a new one with migrate (without migration-id).'];
    case 'EXPIRED':
      return ['The migration EXPIRED (the 120-hour cutover window passed): start a new one with migrate (without migration-id).'];
  }
  if (state.cutoverRequested) return [`Cutover requested: watch migration ${id} with migration-status (wait-for) until COMPLETE.`];
  if (isReady(m)) {
    return [
      `Ready for cutover: the 120-hour window has started. Stop writes to the source, then run command: 'cutover' with migration-id: ${id} (in a job whose environment requires a reviewer).`,
    ];
  }
  return [
    `Not ready for cutover yet: watch it with command: 'migration-status', migration-id: ${id} and wait-for; ` +
      `when ready-for-cutover is true, run command: 'cutover' with migration-id: ${id}.`,
  ];
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
