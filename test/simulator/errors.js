// @ts-check
// MongoDB's error body, and the errors the simulator answers with. Every distinct answer has
// one constructor here, so its code and wording live in one place.

const reasons = /** @type {Record<number, string>} */ ({
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
});

/** An answer in MongoDB's error shape: {error, errorCode, reason, detail, parameters, ...}. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} errorCode
   * @param {string} detail
   * @param {Record<string, unknown>} [extra] more fields of the body, e.g. badRequestDetail
   */
  constructor(status, errorCode, detail, extra = {}) {
    super(detail);
    this.status = status;
    this.body = { error: status, errorCode, reason: reasons[status] ?? 'Error', detail, parameters: [], ...extra };
  }

  /** @returns {import('./types.js').Reply} */
  reply() {
    return { status: this.status, body: this.body };
  }
}

/** @param {{ field: string, description: string }[]} fields */
export function validationErrors(fields) {
  const detail = fields.map((f) => f.description).join(' ');
  return new ApiError(400, 'VALIDATION_ERROR', detail, { badRequestDetail: { fields } });
}

/** @param {string} field @param {string} description */
export const validationError = (field, description) => validationErrors([{ field, description }]);

/** @param {string} id */
export const atlasOrgNotFound = (id) => new ApiError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource organization ${id}.`);

/** @param {string} id */
export const sourceOrgNotFound = (id) => new ApiError(404, 'ORG_NOT_FOUND', `No organization with ID ${id} exists.`);

/** @param {string} id */
export const groupNotFound = (id) => new ApiError(404, 'GROUP_NOT_FOUND', `No group with ID ${id} exists.`);

/** @param {string} name @param {string} groupId */
export const clusterNotFound = (name, groupId) =>
  new ApiError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${name} exists in group ${groupId}.`);

/** @param {string} id */
export const liveMigrationNotFound = (id) => new ApiError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource live migration ${id}.`);

export const noMigrationLink = () => new ApiError(404, 'RESOURCE_NOT_FOUND', 'No migration link exists for this organization.');

export const noOrgLink = () => new ApiError(404, 'UNEXPECTED_ERROR', 'Could not find the requested external organization link.');

export const activeMigrationConflict = () =>
  new ApiError(
    409,
    'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
    'Cannot delete organization link while there is an active migration.',
  );

/** @param {string[]} roles */
export const userUnauthorized = (roles) =>
  new ApiError(403, 'USER_UNAUTHORIZED', `The API key or service account does not have the required role (one of ${roles.join(', ')}).`);

export const notAuthorized = () => new ApiError(401, 'NOT_AUTHORIZED', 'You are not authorized for this resource.');

export const badAccessToken = () => new ApiError(401, 'NOT_AUTHORIZED', 'Invalid, expired or revoked access token.');
