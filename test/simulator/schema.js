// @ts-check
// Strict request bodies, as MongoDB's API checks them: unknown fields, missing fields and wrong
// types answer 400 VALIDATION_ERROR listing every offending field in badRequestDetail.fields.
import net from 'node:net';
import { ApiError, validationErrors } from './errors.js';

/**
 * @typedef {{ optional?: boolean } & (
 *   { type: 'string', minLength?: number, oneOf?: string[], hex24?: boolean } | { type: 'boolean' } |
 *   { type: 'array', items: Schema, exactly?: number } | { type: 'object', fields: Record<string, Schema> } |
 *   { type: 'any-object' })} Schema
 */

/** @typedef {{ field: string, description: string }} Problem */

const HEX24 = /^[a-f0-9]{24}$/;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
export const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** @param {unknown} value @param {Schema} schema @param {string} path @param {Problem[]} out */
function check(value, schema, path, out) {
  const fail = (/** @type {string} */ description) => out.push({ field: path, description });
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return fail(`${path} must be a string.`);
      if (value.length < (schema.minLength ?? 0)) return fail(`${path} must not be empty.`);
      if (schema.hex24 && !HEX24.test(value)) return fail(`${path} must be 24 hexadecimal digits.`);
      if (schema.oneOf && !schema.oneOf.includes(value)) return fail(`${path} must be one of ${schema.oneOf.join(', ')}.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`${path} must be a boolean.`);
      return;
    case 'array':
      if (!Array.isArray(value)) return fail(`${path} must be an array.`);
      if (schema.exactly !== undefined && value.length !== schema.exactly)
        return fail(`${path} must have exactly ${schema.exactly} entry.`);
      value.forEach((item, i) => check(item, schema.items, `${path}[${i}]`, out));
      return;
    case 'any-object':
      if (!isRecord(value)) fail(`${path} must be an object.`);
      return;
    case 'object': {
      if (!isRecord(value)) return fail(`${path} must be an object.`);
      const prefix = path ? `${path}.` : '';
      for (const key of Object.keys(value))
        if (!(key in schema.fields)) out.push({ field: prefix + key, description: `Unknown field ${prefix + key}.` });
      for (const [key, field] of Object.entries(schema.fields)) {
        if (value[key] === undefined) {
          if (!field.optional) out.push({ field: prefix + key, description: `${prefix + key} is required.` });
        } else check(value[key], field, prefix + key, out);
      }
    }
  }
}

/** @param {unknown} value @param {Schema} schema @param {Problem[]} [extra] cross-field problems found by the caller */
function enforce(value, schema, extra = []) {
  /** @type {Problem[]} */
  const problems = [];
  check(value, schema, '', problems);
  problems.push(...extra);
  if (problems.length) throw validationErrors(problems);
}

/** The body as a JSON object, or 400 INVALID_JSON. @param {string} text @returns {Record<string, unknown>} */
export function parseObject(text) {
  try {
    const value = JSON.parse(text);
    if (isRecord(value)) return value;
  } catch {
    // answered below
  }
  throw new ApiError(400, 'INVALID_JSON', 'The request body is not a JSON object.');
}

/** @param {string} entry */
function isIpOrCidr(entry) {
  const [addr, prefix, ...rest] = entry.split('/');
  const family = net.isIP(addr);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** @param {Record<string, unknown>} body @returns {{ accessListIps: string[] }} */
export function linkTokenRequest(body) {
  enforce(body, { type: 'object', fields: { accessListIps: { type: 'array', items: { type: 'string' } } } });
  const ips = /** @type {string[]} */ (body.accessListIps);
  const bad = ips.map((ip, i) => ({ ip, i })).filter(({ ip }) => !isIpOrCidr(ip));
  if (bad.length) {
    throw validationErrors(
      bad.map(({ ip, i }) => ({ field: `accessListIps[${i}]`, description: `Invalid IP address or CIDR block ${JSON.stringify(ip)}.` })),
    );
  }
  return { accessListIps: ips };
}

/** @param {Record<string, unknown>} body @returns {{ linkToken: string }} */
export function connectRequest(body) {
  enforce(body, { type: 'object', fields: { linkToken: { type: 'string', minLength: 1 } } });
  return { linkToken: /** @type {string} */ (body.linkToken) };
}

const text = /** @type {const} */ ({ type: 'string', minLength: 1 });
const optionalText = /** @type {const} */ ({ type: 'string', optional: true });
const sharding = /** @type {Schema} */ ({
  type: 'object',
  optional: true,
  fields: {
    createSupportingIndexes: { type: 'boolean' },
    shardingEntries: {
      type: 'array',
      items: {
        type: 'object',
        fields: {
          database: text,
          collection: text,
          shardCollection: { type: 'object', fields: { key: { type: 'array', items: { type: 'any-object' } } } },
        },
      },
    },
  },
});

/** @param {string} version @returns {Schema} */
function migrationSchema(version) {
  return {
    type: 'object',
    fields: {
      source: {
        type: 'object',
        fields: {
          clusterName: text,
          groupId: { type: 'string', hex24: true },
          managedAuthentication: { type: 'boolean' },
          ssl: { type: 'boolean' },
          username: optionalText,
          password: optionalText,
          caCertificatePath: optionalText,
        },
      },
      destination: {
        type: 'object',
        fields: {
          clusterName: text,
          groupId: { type: 'string', hex24: true },
          hostnameSchemaType: { type: 'string', oneOf: ['PUBLIC', 'PRIVATE_LINK', 'VPC_PEERING'] },
          privateLinkId: optionalText,
        },
      },
      migrationHosts: { type: 'array', exactly: 1, items: text },
      ...(version === '2023-01-01' ? { dropEnabled: { type: 'boolean' } } : { dropDestinationData: { type: 'boolean', optional: true } }),
      sharding,
    },
  };
}

/**
 * @typedef {{
 *   source: { clusterName: string, groupId: string, managedAuthentication: boolean, ssl: boolean, username?: string, password?: string, caCertificatePath?: string },
 *   destination: { clusterName: string, groupId: string, hostnameSchemaType: string, privateLinkId?: string },
 *   migrationHosts: string[], dropDestinationData: boolean, sharding?: Record<string, unknown>
 * }} MigrationRequest
 */

/**
 * The body of validate and create, in the schema of `version` (2024-05-30: dropDestinationData,
 * optional; 2023-01-01: dropEnabled, required), with the cross-field rules.
 * @param {Record<string, unknown>} body @param {string} version @param {string} groupId the path's destination project
 * @returns {MigrationRequest}
 */
export function migrationRequest(body, version, groupId) {
  const source = isRecord(body.source) ? body.source : {};
  const destination = isRecord(body.destination) ? body.destination : {};
  /** @type {Problem[]} */
  const rules = [];
  if (source.managedAuthentication === true && (source.username !== undefined || source.password !== undefined)) {
    rules.push({
      field: 'source.managedAuthentication',
      description: 'source.username and source.password must be absent with managedAuthentication.',
    });
  }
  if (destination.hostnameSchemaType === 'PRIVATE_LINK' && destination.privateLinkId === undefined) {
    rules.push({
      field: 'destination.privateLinkId',
      description: 'destination.privateLinkId is required with hostnameSchemaType PRIVATE_LINK.',
    });
  }
  if (typeof destination.groupId === 'string' && destination.groupId !== groupId) {
    rules.push({ field: 'destination.groupId', description: `destination.groupId must be the project of the path, ${groupId}.` });
  }
  enforce(body, migrationSchema(version), rules);
  const drop = version === '2023-01-01' ? body.dropEnabled : (body.dropDestinationData ?? false);
  return /** @type {MigrationRequest} */ ({ ...body, dropDestinationData: drop });
}
