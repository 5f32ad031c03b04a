import type { Cluster } from '../api/cluster-routes.js';
import type { Migration } from '../api/migration-routes.js';
import type { AvailableProject } from '../api/organization-routes.js';
import { RefusedError } from '../errors.js';
import type { OutputValue } from '../runner/outputs.js';
import type { Section } from '../runner/summary.js';
import type { Settings } from '../settings.js';
import { startTimeline, timelineSections, windowCloses, type Timeline } from './migration-timeline.js';

export type SourceDeployment = AvailableProject['deployments']['items'][number];

/** What validate and migrate learn of the two sides before they start anything. */
export interface Sizing {
  /** The source deployment as the projects Atlas lists describe it, when they were read. */
  source?: SourceDeployment;
  destination?: Cluster;
}

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
  /** The create's answer was lost: a migration may exist that this run does not know. */
  createOutcomeUnknown?: boolean;
  cutoverRequested: boolean;
  /** The two sides' sizes and versions (destination-check.ts). */
  sizing?: Sizing;
  /** The command reads the source deployment and the destination cluster (validate, migrate). */
  spec: boolean;
  timeline: Timeline;
  /** The wait for readiness ended with the migration healthy and still syncing: a result, not a failure. */
  stillSyncing?: boolean;
}

export const VALIDATION_WAIT_SECONDS = 300;
export const TERMINAL = ['COMPLETE', 'FAILED', 'EXPIRED'];
export const KNOWN = ['NEW', 'WORKING', ...TERMINAL];

/** The state of validate and migrate, which read the source deployment and the destination cluster. */
export const startSpecState = (settings: Settings) => startMigrationState(settings, true);
/** The state of migration-status and cutover, which ignore them. */
export const startWatchState = (settings: Settings) => startMigrationState(settings, false);

function startMigrationState(settings: Settings, spec: boolean): MigrationState {
  const m = settings.migration;
  return {
    spec,
    sourceProjectId: spec ? m.sourceProjectId : undefined,
    sourceClusterName: spec ? m.sourceClusterName : undefined,
    migrationHost: spec ? m.migrationHost : undefined,
    filled: [],
    migrationId: m.migrationId,
    created: false,
    cutoverRequested: false,
    timeline: startTimeline(),
  };
}

export const isReady = (m: Migration) => m.status === 'WORKING' && m.readyForCutover === true;

export function showMigration(m: Migration): string {
  const parts = [m.status ?? 'status not given'];
  if (m.status === 'WORKING') parts.push(m.readyForCutover ? 'ready for cutover' : 'not ready for cutover yet');
  if (m.lagTimeSeconds !== undefined) parts.push(`lag ${m.lagTimeSeconds} s`);
  return parts.join(', ');
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
  if (state.spec && settings.migration.clusterName) rows.push(['Destination cluster', settings.migration.clusterName]);
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
    rows.push(['Migration status', m.status ?? 'not given'], ['Ready for cutover', isReady(m) ? 'yes' : 'no']);
    if (m.lagTimeSeconds !== undefined) rows.push(['Lag', `${m.lagTimeSeconds} s`]);
  }
  const closes = windowCloses(state.timeline);
  if (closes && m?.status === 'WORKING') rows.push(['Cutover window closes', closes]);
  if (state.spec && settings.migration.dropDestinationData) {
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
    const closes = windowCloses(state.timeline);
    return [
      `Ready for cutover: the 120-hour window has started. Stop writes to the source, then run the cutover action with migration-id: ${id} (in a job whose environment requires a reviewer).`,
      ...(closes ? [`Cut over before the window closes: by ${closes}.`] : []),
    ];
  }
  return [
    `Not ready for cutover yet: watch it with the migration-status action, migration-id: ${id} and wait-for; ` +
      `when ready-for-cutover is true, run the cutover action with migration-id: ${id}.`,
  ];
}

/** The run's timeline and, after a wait, the lag chart. */
export const migrationSections = (state: MigrationState): Section[] => timelineSections(state.timeline);

/** The outcome of a wait for readiness that ended with the migration still syncing. */
export const stillSyncingOutcome = (state: MigrationState): string =>
  `Still syncing: migration ${state.migrationId} is ${state.migration ? showMigration(state.migration) : '—'}; it goes on in Atlas.`;
