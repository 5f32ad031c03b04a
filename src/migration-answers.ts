import { OBJECT_ID } from './api/ids.js';
import { createMigration } from './api/migration-routes.js';
import { ApiError, RefusedError } from './errors.js';

/** A status as shown: MongoDB may send null or leave it out (the specification allows both). */
export const shownStatus = (status: string | undefined) => status ?? 'not given';

/** The answer is about the validation or migration asked for: one about another id is refused, never believed. */
export function refuseOtherId(what: 'validation' | 'migration', asked: string, answered: string | undefined): void {
  if (answered !== undefined && answered !== asked) {
    throw new RefusedError(
      `Atlas: asked for ${what} ${asked}, the answer is about ${what} ${answered}; it is not believed, and nothing more was sent. ` +
        'Hint: re-run; if it happens again, check atlas-base-url and any proxy in between.',
    );
  }
}

/** A new validation's id, or a refusal: without one there is nothing to wait for. */
export function newValidationId(answered: string | undefined): string {
  if (answered !== undefined && OBJECT_ID.test(answered)) return answered;
  throw new RefusedError(
    `Atlas: the validation was started but its answer holds ${answered === undefined ? 'no id' : `the id "${answered}", not 24 hexadecimal digits`}, ` +
      'so its result cannot be read. Nothing was created. Hint: re-run validate.',
  );
}

/**
 * The create was answered but not readably: a 2xx whose body has no usable id, or one that is not
 * JSON. Atlas may well have started the migration, so this is reported as the lost answer it is.
 */
export function unreadableCreate(cause: ApiError | { id: string | undefined }): ApiError {
  const detail =
    cause instanceof ApiError
      ? (cause.problem.malformed ?? cause.message)
      : `a success answer without a usable migration id (${cause.id === undefined ? 'none given' : `"${cause.id}", not 24 hexadecimal digits`})`;
  return new ApiError({
    side: 'atlas',
    operation: createMigration.operation,
    attempts: cause instanceof ApiError ? cause.problem.attempts : 1,
    malformed: `Atlas answered, so the migration may have started: ${detail}`,
    hint: createMigration.ifLost,
    outcomeUnknown: true,
  });
}
