import { atlasProject } from './organization-routes.js';
import type { AbsentRoute, Route } from './route.js';
import { array, boolean, number, object, optional, string, type Infer } from './shape.js';

/** A 404 traced to the project (atlas-project-id) unless the project itself reads. */
export const projectAbsent = {
  proof: atlasProject,
  input: 'atlas-project-id',
  param: 'groupId',
  what: 'Atlas project',
  hint: 'check atlas-project-id for a typo, and that the project belongs to the organization of the Atlas API key or service account',
};
const PROJECT_HINTS = { 404: projectAbsent.hint };

/**
 * LiveImportValidation and LiveMigrationResponse as MongoDB specifies them: no field is required
 * and `status` may be null. An `_id` is read as any string here; the steps judge it (an id that is
 * not 24 hex digits, or not the one asked for, is refused where it matters: see migration-answers.ts).
 */
const validation = object({
  _id: optional(string),
  status: optional(string),
  errorMessage: optional(string),
});
export type Validation = Infer<typeof validation>;

const migration = object({
  _id: optional(string),
  status: optional(string),
  readyForCutover: optional(boolean),
  lagTimeSeconds: optional(number),
  migrationHosts: optional(array(string)),
});
export type Migration = Infer<typeof migration>;

const base = '/api/atlas/v2/groups/{groupId}/liveMigrations';

export const startValidation: Route<Validation> = {
  name: 'atlas.migrations.validate',
  side: 'atlas',
  method: 'POST',
  path: `${base}/validate`,
  operation: 'start a validation of the migration',
  version: '2024-05-30',
  reply: validation,
  hints: PROJECT_HINTS,
};

export const readValidation: AbsentRoute<Validation> = {
  name: 'atlas.migrations.validation',
  side: 'atlas',
  method: 'GET',
  path: `${base}/validate/{validationId}`,
  operation: 'read the validation',
  version: '2023-01-01',
  reply: validation,
  absent: projectAbsent,
};

export const createMigration: Route<Migration> = {
  name: 'atlas.migrations.create',
  side: 'atlas',
  method: 'POST',
  path: base,
  operation: 'start the migration',
  version: '2024-05-30',
  reply: migration,
  hints: { ...PROJECT_HINTS, 409: 'a migration into this destination cluster is already running: pass its migration-id to watch it' },
  // Never started twice: there is no API to list migrations, so a second one would be lost.
  ifLost:
    'the answer was lost, so Atlas may have started the migration all the same, and there is no API to list migrations: ' +
    'look in the Atlas UI (the project, then Migration) before starting another, and pass its id as migration-id to watch it',
};

export const readMigration: AbsentRoute<Migration> = {
  name: 'atlas.migrations.describe',
  side: 'atlas',
  method: 'GET',
  path: `${base}/{liveMigrationId}`,
  operation: 'read the migration',
  version: '2023-01-01',
  reply: migration,
  absent: projectAbsent,
};

export const cutover: Route<null> = {
  name: 'atlas.migrations.cutover',
  side: 'atlas',
  method: 'PUT',
  path: `${base}/{liveMigrationId}/cutover`,
  operation: 'cut over',
  version: '2023-01-01',
  reply: null,
  // Irreversible: after a lost answer the migration is read before the PUT is sent again (see cutoverStep).
  ifLost:
    'the answer was lost, so Atlas may have started the cutover all the same: read the migration (migration-status) ' +
    'before sending it again; WORKING and not ready for cutover means the cutover is under way',
};
