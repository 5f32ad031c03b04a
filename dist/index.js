/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 67:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/errors.ts
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => `Input '${p.input}': ${p.message}`).join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
class ConfigError extends Error {
    name = 'ConfigError';
}
const DETAIL_MAX = 400;
function sideLabel(side) {
    return side === 'atlas' ? 'Atlas' : side === 'github' ? 'GitHub' : 'source';
}
function describeProblem(p, field) {
    const tries = p.attempts > 1 ? ` after ${p.attempts} attempts` : '';
    let text = `${sideLabel(p.side)}: ${p.operation}`;
    if (p.malformed) {
        text += `: ${field(p.malformed, DETAIL_MAX)}`;
    }
    else if (p.network) {
        text += ` failed${tries}: ${field(p.network, DETAIL_MAX)}`;
    }
    else {
        text += ` failed${tries}: HTTP ${p.status}`;
        if (p.errorCode)
            text += ` ${field(p.errorCode, 80)}`;
        if (p.detail)
            text += `: ${field(p.detail, DETAIL_MAX)}`;
        else if (!p.errorCode && p.body)
            text += ` with ${p.body}`;
    }
    text = sentence(text);
    if (p.blame) {
        const code = p.blame.errorCode ? ` ${field(p.blame.errorCode, 80)}` : '';
        text += ` The ${p.blame.what} ${p.blame.value} named by ${p.blame.input} could not be read either (HTTP ${p.blame.status}${code}).`;
    }
    if (p.hint)
        text += ` Hint: ${sentence(p.hint)}`;
    return text;
}
function sentence(text) {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
class ApiError extends Error {
    problem;
    constructor(problem) {
        super(describeProblem(problem, (text) => text));
        this.problem = problem;
        this.name = 'ApiError';
    }
}
class WaitTimeoutError extends Error {
    name = 'WaitTimeoutError';
}
class DeadlineError extends Error {
    name = 'DeadlineError';
}
class RefusedError extends Error {
    name = 'RefusedError';
}
function isExpectedError(err) {
    return [InputError, ConfigError, ApiError, WaitTimeoutError, DeadlineError, RefusedError].some((type) => err instanceof type);
}
function describeError(err, field) {
    if (err instanceof ApiError)
        return describeProblem(err.problem, field);
    if (isExpectedError(err))
        return field(err.message, 2000);
    const message = err instanceof Error ? err.message : String(err);
    return `Unexpected error: ${field(message, DETAIL_MAX)}`;
}

;// CONCATENATED MODULE: ./src/clock.ts

const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
class Budget {
    clock;
    seconds;
    makeup;
    endsAt;
    constructor(clock, seconds, makeup) {
        this.clock = clock;
        this.seconds = seconds;
        this.makeup = makeup;
        this.endsAt = clock.now() + seconds * 1000;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
    ensure(ms, during) {
        if (this.clock.now() + ms > this.endsAt)
            throw this.exceeded(during);
    }
    exceeded(during) {
        return new DeadlineError(`The step's time budget of ${this.seconds} s (${this.makeup}) ran out ${during}.`);
    }
}

;// CONCATENATED MODULE: ./src/commands/command.ts
function command(definition) {
    return definition;
}

;// CONCATENATED MODULE: ./src/commands/migration-state.ts

const VALIDATION_WAIT_SECONDS = 300;
const TERMINAL = ['COMPLETE', 'FAILED', 'EXPIRED'];
const KNOWN = ['NEW', 'WORKING', ...TERMINAL];
const usesSpec = (settings) => settings.command === 'validate' || settings.command === 'migrate';
function startMigrationState(settings) {
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
    };
}
const isReady = (m) => m.status === 'WORKING' && m.readyForCutover === true;
function showMigration(m) {
    const parts = [m.status];
    if (m.status === 'WORKING')
        parts.push(m.readyForCutover ? 'ready for cutover' : 'not ready for cutover yet');
    if (m.lagTimeSeconds !== undefined)
        parts.push(`lag ${m.lagTimeSeconds} s`);
    return parts.join(', ');
}
function refuseIfFinishedBadly(state) {
    const m = state.migration;
    if (m?.status === 'FAILED')
        throw new RefusedError(`Atlas: migration ${state.migrationId} FAILED. Hint: see the migration in Atlas for the cause, fix it, and start a new migration with migrate.`);
    if (m?.status === 'EXPIRED') {
        throw new RefusedError(`Atlas: migration ${state.migrationId} EXPIRED: the 120-hour window for cutover after it became ready has passed. Hint: start a new migration with migrate (without migration-id).`);
    }
}
function migrationOutputs(state, changed) {
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
function migrationFacts(state, settings) {
    const m = state.migration;
    const rows = [['Atlas project', settings.atlas.projectId ?? '—']];
    if (usesSpec(settings) && settings.migration.clusterName)
        rows.push(['Destination cluster', settings.migration.clusterName]);
    if (state.sourceProjectId)
        rows.push(['Source project', state.sourceProjectId]);
    if (state.sourceClusterName)
        rows.push(['Source deployment', state.sourceClusterName]);
    if (state.migrationHost)
        rows.push(['Migration host', state.migrationHost]);
    else if (m?.migrationHosts?.length)
        rows.push(['Migration host', m.migrationHosts.join(', ')]);
    if (state.filled.length)
        rows.push(['Filled in from Atlas', state.filled.join(', ')]);
    if (state.validationId)
        rows.push([
            'Validation',
            `${state.validationId}: ${state.validationStatus ?? '—'}${state.validationError ? ` (${state.validationError})` : ''}`,
        ]);
    if (state.migrationId)
        rows.push(['Migration id', state.migrationId]);
    if (m) {
        rows.push(['Migration status', m.status], ['Ready for cutover', isReady(m) ? 'yes' : 'no']);
        if (m.lagTimeSeconds !== undefined)
            rows.push(['Lag', `${m.lagTimeSeconds} s`]);
    }
    if (usesSpec(settings) && settings.migration.dropDestinationData) {
        rows.push(['Destination data', 'dropped first (drop-destination-data)']);
    }
    return rows;
}
function failedBeforeRead(state) {
    return [
        `Nothing was changed: migration ${state.migrationId ?? '—'} could not be read. Fix the error above ` +
            '(migration-id is the migration-id output of migrate; atlas-project-id is the project it runs in), then re-run.',
    ];
}
function migrationNext(state) {
    const m = state.migration;
    const id = state.migrationId;
    if (!m || !id)
        return [];
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
    if (state.cutoverRequested)
        return [`Cutover requested: watch migration ${id} with migration-status (wait-for) until COMPLETE.`];
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

;// CONCATENATED MODULE: ./src/api/api.ts
const ABSENT = Symbol('absent');

;// CONCATENATED MODULE: ./src/api/shape.ts
class ShapeError extends Error {
    path;
    expected;
    got;
    constructor(path, expected, got) {
        super(`${path} should be ${expected} but is ${got}`);
        this.path = path;
        this.expected = expected;
        this.got = got;
        this.name = 'ShapeError';
    }
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'string')
        return `a string of ${value.length} characters`;
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
const string = (value, path) => {
    if (typeof value !== 'string')
        throw new ShapeError(path, 'a string', kindOf(value));
    return value;
};
const number = (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw new ShapeError(path, 'a number', kindOf(value));
    return value;
};
const shape_boolean = (value, path) => {
    if (typeof value !== 'boolean')
        throw new ShapeError(path, 'true or false', kindOf(value));
    return value;
};
function matching(pattern, description) {
    return (value, path) => {
        const text = string(value, path);
        if (!pattern.test(text))
            throw new ShapeError(path, description, kindOf(value));
        return text;
    };
}
function optional(shape) {
    return (value, path) => (value === undefined || value === null ? undefined : shape(value, path));
}
function orElse(shape, fallback) {
    return (value, path) => (value === undefined || value === null ? fallback() : shape(value, path));
}
function object(fields) {
    return (value, path) => {
        if (!value || typeof value !== 'object' || Array.isArray(value))
            throw new ShapeError(path, 'an object', kindOf(value));
        const out = {};
        for (const [key, shape] of Object.entries(fields))
            out[key] = shape(value[key], `${path}.${key}`);
        return out;
    };
}
function array(item) {
    return (value, path) => {
        if (!Array.isArray(value))
            throw new ShapeError(path, 'an array', kindOf(value));
        return value.map((v, i) => item(v, `${path}[${i}]`));
    };
}
function lenientArray(item) {
    return (value, path) => {
        if (!Array.isArray(value))
            throw new ShapeError(path, 'an array', kindOf(value));
        const result = { items: [], skipped: [] };
        value.forEach((v, i) => {
            try {
                result.items.push(item(v, `${path}[${i}]`));
            }
            catch (err) {
                if (!(err instanceof ShapeError))
                    throw err;
                result.skipped.push(err);
            }
        });
        return result;
    };
}
function oneOrSingleton(shape) {
    return (value, path) => (Array.isArray(value) && value.length === 1 ? shape(value[0], `${path}[0]`) : shape(value, path));
}

;// CONCATENATED MODULE: ./src/api/ids.ts
const OBJECT_ID = /^[0-9a-f]{24}$/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

;// CONCATENATED MODULE: ./src/api/migration-routes.ts


const atlasProject = {
    name: 'atlas.project',
    side: 'atlas',
    method: 'GET',
    path: '/api/atlas/v2/groups/{groupId}',
    operation: 'read the project',
    version: '2023-01-01',
    reply: null,
};
const projectAbsent = {
    proof: atlasProject,
    input: 'atlas-project-id',
    param: 'groupId',
    what: 'Atlas project',
    hint: 'check atlas-project-id for a typo, and that the project belongs to the organization of the Atlas API key or service account',
};
const PROJECT_HINTS = { 404: projectAbsent.hint };
const id = matching(OBJECT_ID, '24 hexadecimal digits');
const validation = object({
    _id: id,
    status: string,
    errorMessage: optional(string),
});
const migration = object({
    _id: id,
    status: string,
    readyForCutover: optional(shape_boolean),
    lagTimeSeconds: optional(number),
    migrationHosts: optional(array(string)),
});
const base = '/api/atlas/v2/groups/{groupId}/liveMigrations';
const startValidation = {
    name: 'atlas.migrations.validate',
    side: 'atlas',
    method: 'POST',
    path: `${base}/validate`,
    operation: 'start a validation of the migration',
    version: '2024-05-30',
    reply: validation,
    hints: PROJECT_HINTS,
};
const readValidation = {
    name: 'atlas.migrations.validation',
    side: 'atlas',
    method: 'GET',
    path: `${base}/validate/{validationId}`,
    operation: 'read the validation',
    version: '2023-01-01',
    reply: validation,
    absent: projectAbsent,
};
const createMigration = {
    name: 'atlas.migrations.create',
    side: 'atlas',
    method: 'POST',
    path: base,
    operation: 'start the migration',
    version: '2024-05-30',
    reply: migration,
    hints: { ...PROJECT_HINTS, 409: 'a migration into this destination cluster is already running: pass its migration-id to watch it' },
    ifLost: 'the answer was lost, so Atlas may have started the migration all the same, and there is no API to list migrations: ' +
        'look in the Atlas UI (the project, then Migration) before starting another, and pass its id as migration-id to watch it',
};
const readMigration = {
    name: 'atlas.migrations.describe',
    side: 'atlas',
    method: 'GET',
    path: `${base}/{liveMigrationId}`,
    operation: 'read the migration',
    version: '2023-01-01',
    reply: migration,
    absent: projectAbsent,
};
const cutover = {
    name: 'atlas.migrations.cutover',
    side: 'atlas',
    method: 'PUT',
    path: `${base}/{liveMigrationId}/cutover`,
    operation: 'cut over',
    version: '2023-01-01',
    reply: null,
};

;// CONCATENATED MODULE: ./src/commands/wait.ts

const FIRST_INTERVAL_MS = 2000;
async function waitUntil(wait, ctx) {
    const { clock, budget, log } = ctx;
    const start = clock.now();
    const deadline = start + wait.seconds * 1000;
    let interval = FIRST_INTERVAL_MS;
    let last = wait.first;
    for (let poll = 1;; poll += 1) {
        if (last !== undefined) {
            if (wait.done(last))
                return last;
            const remaining = deadline - clock.now();
            if (remaining <= 0)
                throw new WaitTimeoutError(wait.timeout(wait.show(last)));
            const pause = Math.min(interval, remaining);
            budget.ensure(pause, `while waiting for ${wait.goal}`);
            await clock.sleep(pause);
            interval = Math.min(wait.maxIntervalMs, Math.round(interval * 1.5));
        }
        last = await wait.read();
        log.info(`Waiting for ${wait.goal}: poll ${poll} after ${((clock.now() - start) / 1000).toFixed(1)} s: ${wait.show(last)}.`);
    }
}

;// CONCATENATED MODULE: ./src/commands/migration-steps.ts





const MAX_POLL_INTERVAL_MS = 60_000;
function noteUnknown(status, previous, log) {
    if (!KNOWN.includes(status) && status !== previous) {
        log.annotate('warning', `Atlas reports the migration status "${status}", which this action does not know; it is treated as still running.`, 'Unknown migration status');
    }
}
async function describeMigration(api, log, id, projectId, previous) {
    const answer = await api.call(readMigration, { params: { liveMigrationId: id } });
    if (answer === ABSENT) {
        throw new RefusedError(`Input 'migration-id': Atlas project ${projectId} (atlas-project-id) has no live migration ${id}; the project itself reads, so the id is wrong, ` +
            'or it belongs to another project. Hint: pass the migration-id output of the migrate run that started it, with the same atlas-project-id.');
    }
    noteUnknown(answer.status, previous, log);
    return answer;
}
function migrationBody(settings, state) {
    const m = settings.migration;
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
const dropNote = (settings) => settings.migration.dropDestinationData
    ? ` — DROPS ALL DATA in destination cluster ${settings.migration.clusterName} first (drop-destination-data)`
    : '';
function validationSteps(settings, waitSeconds) {
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
                const id = state.validationId;
                const result = await waitUntil({
                    goal: 'the validation result',
                    seconds: waitSeconds,
                    first: { _id: id, status: state.validationStatus ?? 'PENDING', errorMessage: state.validationMessage },
                    read: async () => {
                        const answer = await ctx.api.call(readValidation, { params: { validationId: id } });
                        if (answer === ABSENT)
                            throw new RefusedError(`Atlas: validation ${id} is gone from the project.`);
                        state.validationStatus = answer.status;
                        state.validationMessage = answer.errorMessage;
                        return answer;
                    },
                    done: (v) => v.status === 'SUCCESS' || v.status === 'FAILED',
                    show: (v) => v.status,
                    timeout: (last) => `Atlas: the validation did not finish within ${waitSeconds} s (wait-for); the last status read was ${last}. Raise wait-for, or check the validation in Atlas.`,
                    maxIntervalMs: MAX_POLL_INTERVAL_MS,
                }, ctx);
                if (result.status === 'FAILED') {
                    state.validationError = result.errorMessage?.trim() || 'Atlas gave no reason';
                    throw new RefusedError(`Atlas: validation ${id} FAILED: ${sentence(state.validationError)} Nothing was started. ` +
                        'Hint: fix what it names (the source deployment, the migration host, the destination cluster or network), then re-run.');
                }
                ctx.log.info(`Validation ${id} succeeded.`);
                return 'SUCCESS';
            },
        },
    ];
}
function createStep(settings) {
    return {
        title: `Start the migration${dropNote(settings)}`,
        calls: [{ route: createMigration }],
        async run(state, ctx) {
            let migration;
            try {
                migration = await ctx.api.call(createMigration, { body: migrationBody(settings, state) });
            }
            catch (err) {
                if (err instanceof ApiError && err.problem.outcomeUnknown)
                    state.createOutcomeUnknown = true;
                throw err;
            }
            state.migrationId = migration._id;
            state.migration = migration;
            state.created = true;
            ctx.output('migration-id', migration._id);
            ctx.log.annotate('notice', `Started live migration ${migration._id}. Keep this id: there is no API to list migrations. It is the migration-id output of this step; ` +
                'pass it to the cutover job (as a job output, or to workflow_dispatch) as migration-id.', 'Keep the migration id');
            return `migration ${migration._id}: ${showMigration(migration)}`;
        },
    };
}
function readStep(settings) {
    return {
        title: 'Read the migration',
        calls: [{ route: readMigration }],
        async run(state, ctx) {
            state.migration = await describeMigration(ctx.api, ctx.log, state.migrationId, settings.atlas.projectId, undefined);
            ctx.log.info(`Migration ${state.migrationId}: ${showMigration(state.migration)}.`);
            refuseIfFinishedBadly(state);
            return showMigration(state.migration);
        },
    };
}
function watchStep(settings, title, goal, seconds, done) {
    return {
        title,
        calls: [{ route: readMigration, repeated: `until ${goal} or a final status, up to ${seconds} s` }],
        skip: {
            when: `the migration is already ${goal} or in a final status`,
            test: (s) => s.migration !== undefined && (done(s.migration) || TERMINAL.includes(s.migration.status)),
        },
        async run(state, ctx) {
            const id = state.migrationId;
            state.migration = await waitUntil({
                goal: /^[A-Z_]+$/.test(goal) ? goal : `the migration to be ${goal}`,
                seconds,
                first: state.migration,
                read: async () => (state.migration = await describeMigration(ctx.api, ctx.log, id, settings.atlas.projectId, state.migration?.status)),
                done: (m) => done(m) || TERMINAL.includes(m.status),
                show: showMigration,
                timeout: (last) => `Atlas: migration ${id} did not become ${goal} within ${seconds} s (wait-for); it is ${last}. It goes on running; watch it with migration-status.`,
                maxIntervalMs: MAX_POLL_INTERVAL_MS,
            }, ctx);
            refuseIfFinishedBadly(state);
            return showMigration(state.migration);
        },
    };
}
function cutoverStep() {
    return {
        title: 'Cut over',
        calls: [{ route: cutover }],
        skip: { when: 'the migration is already COMPLETE', test: (s) => s.migration?.status === 'COMPLETE' },
        async run(state, ctx) {
            const m = state.migration;
            if (!isReady(m)) {
                throw new RefusedError(`Atlas: migration ${state.migrationId} is not ready for cutover (${showMigration(m)}); nothing was sent. ` +
                    'Hint: wait for ready-for-cutover (migration-status with wait-for), then run cutover again. ' +
                    'A cutover already under way reads the same (WORKING, not ready): watch it with migration-status until COMPLETE.');
            }
            await ctx.api.call(cutover, { params: { liveMigrationId: state.migrationId } });
            state.cutoverRequested = true;
            ctx.log.info(`Cutover of migration ${state.migrationId} requested.`);
            return 'requested';
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/cutover.ts



const cutover_cutover = command({
    name: 'cutover',
    title: 'MongoDB live migration: cutover',
    start: startMigrationState,
    steps(settings) {
        const steps = [readStep(settings), cutoverStep()];
        const waitFor = settings.migration.waitForSeconds;
        if (waitFor)
            steps.push(watchStep(settings, 'Wait for COMPLETE', 'COMPLETE', waitFor, (m) => m.status === 'COMPLETE'));
        return steps;
    },
    waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
    outputs: (state) => migrationOutputs(state, state.cutoverRequested),
    facts: migrationFacts,
    outcome: (state) => state.cutoverRequested
        ? `Cutover of migration ${state.migrationId} requested; it is ${state.migration?.status}.`
        : `Migration ${state.migrationId} was already COMPLETE: nothing to do.`,
    next: (state, _settings, error) => (error && !state.migration ? failedBeforeRead(state) : migrationNext(state)),
});

;// CONCATENATED MODULE: ./src/api/organization-routes.ts


const atlasOrg = {
    name: 'atlas.org',
    side: 'atlas',
    method: 'GET',
    path: '/api/atlas/v2/orgs/{orgId}',
    operation: 'read the organization',
    version: '2023-01-01',
    reply: null,
};
const sourceOrg = {
    name: 'source.org',
    side: 'source',
    method: 'GET',
    path: '/api/public/v1.0/orgs/{orgId}',
    operation: 'read the organization',
    reply: null,
};
const atlasOrgAbsent = {
    proof: atlasOrg,
    input: 'atlas-org-id',
    param: 'orgId',
    what: 'Atlas organization',
    hint: 'check atlas-org-id for a typo, and that the Atlas API key or service account belongs to that organization',
};
const sourceOrgAbsent = {
    proof: sourceOrg,
    input: 'source-org-id',
    param: 'orgId',
    what: 'source organization',
    hint: 'check source-org-id for a typo, and that the source API key belongs to that organization',
};
const ACTIVE_MIGRATION = 'a live migration is in progress; let it finish (or cut it over), then re-run';
const linkToken = object({
    linkToken: oneOrSingleton(matching(/^[A-Za-z0-9+/=_.-]{16,16384}$/, 'a link token (base64 text)')),
});
const createLinkToken = {
    name: 'atlas.linkTokens.create',
    side: 'atlas',
    method: 'POST',
    path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/linkTokens',
    operation: 'create the link token',
    version: '2023-01-01',
    reply: linkToken,
    hints: { 404: atlasOrgAbsent.hint },
};
const deleteLinkTokens = {
    name: 'atlas.linkTokens.delete',
    side: 'atlas',
    method: 'DELETE',
    path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/linkTokens',
    operation: 'delete the link token',
    version: '2023-01-01',
    reply: null,
    absent: atlasOrgAbsent,
    hints: { 409: ACTIVE_MIGRATION },
};
const deployment = object({
    name: string,
    mongoDBVersion: optional(string),
    featureCompatibilityVersion: optional(string),
    managed: optional(shape_boolean),
    sharded: optional(shape_boolean),
    tlsEnabled: optional(shape_boolean),
});
const project = object({
    projectId: matching(OBJECT_ID, '24 hexadecimal digits'),
    name: string,
    deployments: orElse(lenientArray(deployment), () => ({ items: [], skipped: [] })),
    migrationHosts: orElse(array(matching(HOST_NAME, 'a host name')), () => []),
});
const availableProjects = {
    name: 'atlas.availableProjects',
    side: 'atlas',
    method: 'GET',
    path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/availableProjects',
    operation: 'list the projects available for migration',
    version: '2023-01-01',
    reply: lenientArray(project),
    absent: atlasOrgAbsent,
};
const linkState = object({ status: string });
const linkStatus = {
    name: 'source.link.status',
    side: 'source',
    method: 'GET',
    path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink/status',
    operation: 'read the migration link status',
    reply: linkState,
    absent: sourceOrgAbsent,
};
const connectLink = {
    name: 'source.link.connect',
    side: 'source',
    method: 'POST',
    path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink',
    operation: 'connect to Atlas with the link token',
    reply: linkState,
};
const deleteLink = {
    name: 'source.link.delete',
    side: 'source',
    method: 'DELETE',
    path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink',
    operation: 'remove the migration link',
    reply: null,
    absent: sourceOrgAbsent,
    hints: { 409: ACTIVE_MIGRATION },
};

;// CONCATENATED MODULE: ./src/commands/link-steps.ts




const KNOWN_STATUSES = ['SYNCED', 'NOT_SYNCED', 'UNLINKED'];
function startLinkState(settings) {
    return { tokenCreated: false, connected: false, token: settings.link.linkToken };
}
function noteStatus(status, state, log) {
    if (!KNOWN_STATUSES.includes(status) && state.before !== status && state.status !== status) {
        log.annotate('warning', `The source reports the link status "${status}", which this action does not know; it is treated as not synced.`, 'Unknown link status');
    }
}
async function readSourceStatus(ctx, state) {
    const answer = await ctx.api.call(linkStatus);
    const status = answer === ABSENT ? 'UNLINKED' : answer.status;
    noteStatus(status, state, ctx.log);
    return status;
}
function readStatusStep(settings, prepareAtlas) {
    return {
        title: "Read the source's link status",
        calls: [{ route: linkStatus }],
        async run(state, ctx) {
            const [status] = await Promise.all([readSourceStatus(ctx, state), prepareAtlas ? ctx.api.prepare('atlas', atlasOrg) : undefined]);
            state.before = state.status = status;
            ctx.log.info(`Source organization ${settings.source.orgId}: link status ${status}.`);
            return status === 'UNLINKED' ? 'no link (the organization reads, so the 404 meant no link)' : status;
        },
    };
}
function waitForSyncStep(settings) {
    const seconds = settings.link.waitForSyncSeconds;
    return {
        title: 'Wait for SYNCED',
        calls: [{ route: linkStatus, repeated: `until SYNCED, up to ${seconds} s` }],
        skip: { when: 'the link is already SYNCED', test: (state) => state.status === 'SYNCED' },
        async run(state, ctx) {
            state.status = await waitUntil({
                goal: 'SYNCED',
                seconds,
                first: state.status,
                read: async () => (state.status = await readSourceStatus(ctx, state)),
                done: (status) => status === 'SYNCED',
                show: (status) => status,
                timeout: (last) => `source: the link did not reach SYNCED within ${seconds} s (wait-for-sync); the last status read was ${last}.`,
                maxIntervalMs: 15_000,
            }, ctx);
            return 'SYNCED';
        },
    };
}
function projectsStep(settings) {
    return {
        title: 'List the projects Atlas can migrate',
        calls: [{ route: availableProjects }],
        skip: { when: 'the link is not SYNCED', test: (state) => state.status !== 'SYNCED' },
        soft: (err) => !(err instanceof ApiError && err.problem.blame),
        async run(state, ctx) {
            const answer = await ctx.api.call(availableProjects);
            const projects = answer === ABSENT ? { items: [], skipped: [] } : answer;
            state.projects = projects;
            const skipped = [
                ...projects.skipped.map((e) => `a project this action cannot read, left out: ${e.message}`),
                ...projects.items.flatMap((p) => p.deployments.skipped.map((e) => `a deployment of project ${p.projectId} this action cannot read, left out: ${e.message}`)),
            ];
            for (const what of skipped.slice(0, 5))
                ctx.log.annotate('warning', `Atlas listed ${what}.`, 'Available projects');
            if (skipped.length > 5)
                ctx.log.info(`… and ${skipped.length - 5} more entries left out.`);
            const deployments = deploymentsOf(projects.items).length;
            ctx.log.info(`Atlas organization ${settings.atlas.orgId} sees ${projects.items.length} project(s) with ${deployments} deployment(s) available for migration.`);
            return `${projects.items.length} project(s), ${deployments} deployment(s)`;
        },
    };
}
function deploymentsOf(projects) {
    return projects.flatMap((p) => p.deployments.items.map((d) => ({
        'source-project-id': p.projectId,
        'source-project-name': p.name,
        'source-cluster-name': d.name,
        ...(p.migrationHosts.length === 1 ? { 'migration-host': p.migrationHosts[0] } : {}),
        ...(d.mongoDBVersion !== undefined ? { 'mongodb-version': d.mongoDBVersion } : {}),
        ...(d.sharded !== undefined ? { sharded: d.sharded } : {}),
        ...(d.tlsEnabled !== undefined ? { tls: d.tlsEnabled } : {}),
    })));
}
function projectOutputs(state, settings) {
    if (!state.projects)
        return settings.atlas.credentials ? { deployments: { json: [] } } : {};
    return {
        'available-projects': { json: state.projects.items.map(({ deployments, ...p }) => ({ ...p, deployments: deployments.items })) },
        deployments: { json: deploymentsOf(state.projects.items) },
    };
}
function projectTables(state) {
    if (!state.projects)
        return [];
    return [
        {
            title: 'Deployments Atlas can migrate',
            head: ['Project', 'Project id', 'Deployment', 'Version', 'Sharded', 'TLS', 'Migration hosts'],
            rows: state.projects.items.flatMap((p) => p.deployments.items.map((d) => [
                p.name,
                p.projectId,
                d.name,
                d.mongoDBVersion ?? '',
                d.sharded === undefined ? '' : d.sharded ? 'yes' : 'no',
                d.tlsEnabled === undefined ? '' : d.tlsEnabled ? 'yes' : 'no',
                p.migrationHosts.join(', '),
            ])),
        },
    ];
}

;// CONCATENATED MODULE: ./src/commands/link.ts



const entriesOf = (settings) => {
    const n = settings.link.accessListIps.length;
    return `${n} access-list entr${n === 1 ? 'y' : 'ies'}`;
};
const alreadySynced = (force) => ({
    when: "the source already reports SYNCED and force is not 'true'",
    test: (state) => state.before === 'SYNCED' && !force,
});
const link_link = command({
    name: 'link',
    title: 'MongoDB live migration: link',
    start: startLinkState,
    steps(settings) {
        const hasAtlas = settings.atlas.credentials !== undefined;
        const steps = [readStatusStep(settings, hasAtlas)];
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
                    ctx.output('link-token', { secret: linkToken });
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
                const { status } = await ctx.api.call(connectLink, { body: { linkToken: state.token } });
                state.status = status;
                state.connected = true;
                ctx.log.info(`Connected the source organization: it reports ${status}.`);
                return status;
            },
        });
        if (settings.link.waitForSyncSeconds > 0)
            steps.push(waitForSyncStep(settings));
        if (hasAtlas)
            steps.push(projectsStep(settings));
        return steps;
    },
    waitSeconds: (settings) => settings.link.waitForSyncSeconds,
    outputs: (state, settings) => ({
        status: state.status,
        changed: String(state.tokenCreated || state.connected),
        'link-token': state.token !== undefined && (state.tokenCreated || state.connected) ? { secret: state.token } : undefined,
        ...projectOutputs(state, settings),
    }),
    facts: (state, settings) => [
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
    tables: (state) => projectTables(state),
    outcome: (state) => !state.connected && state.before === 'SYNCED'
        ? "The source already reported SYNCED, so no token was created and nothing changed (set force: 'true' to relink)."
        : `Linked: the source reports ${state.status}.`,
    next(state, settings, error) {
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
            if (!state.tokenCreated && !state.connected)
                return ['Nothing was created or changed. Fix the error above and re-run link.'];
            return ['The source was connected; fix the error above and re-run link (it reports SYNCED without a new token once synced).'];
        }
        if (state.status === 'SYNCED') {
            return [
                "Validate and start a migration: run this action with command: 'migrate', atlas-project-id, atlas-cluster-name and one deployment from the table above (or fan out over the deployments output with a matrix).",
            ];
        }
        return [
            `The source reports ${state.status}: run status with wait-for-sync, and check that the Ops Manager host can reach Atlas from an address on the token's access list.`,
        ];
    },
});

;// CONCATENATED MODULE: ./src/commands/source-lookup.ts



function resolveSourceStep(settings) {
    return {
        title: 'Find the source deployment among the projects Atlas can migrate',
        calls: [{ route: availableProjects }],
        async run(state, ctx) {
            const answer = await ctx.api.call(availableProjects);
            const items = answer === ABSENT ? [] : answer.items;
            const pick = chooseDeployment(items, state, settings.atlas.orgId);
            const picked = [
                ['source-project-id', 'sourceProjectId', pick.projectId],
                ['source-cluster-name', 'sourceClusterName', pick.clusterName],
                ['migration-host', 'migrationHost', pick.host],
            ];
            for (const [input, key, value] of picked) {
                if (state[key] === undefined) {
                    state[key] = value;
                    state.filled.push(`${input}=${value}`);
                }
            }
            if (state.filled.length) {
                ctx.log.annotate('notice', `Filled in from the projects Atlas organization ${settings.atlas.orgId} lists: ${state.filled.join(', ')}.`, 'Inputs filled in');
            }
            return state.filled.length ? `filled in ${state.filled.join(', ')}` : 'all given';
        },
    };
}
function chooseDeployment(projects, s, orgId) {
    const list = (names) => `${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
    if (projects.length === 0) {
        const input = s.sourceProjectId === undefined ? 'source-project-id' : s.sourceClusterName === undefined ? 'source-cluster-name' : 'migration-host';
        throw new RefusedError(`Input '${input}': cannot be filled in: Atlas organization ${orgId} lists no project it can migrate. Is the source linked and SYNCED (run status)? ` +
            'Otherwise give source-project-id, source-cluster-name and migration-host.');
    }
    let candidates = projects.filter((p) => (s.sourceProjectId ? p.projectId === s.sourceProjectId : true));
    if (s.sourceProjectId && candidates.length === 0) {
        throw new RefusedError(`Input 'source-project-id': project ${s.sourceProjectId} is not among the projects Atlas can migrate (${list(projects.map((p) => p.projectId)) || 'none'}). Is the link SYNCED?`);
    }
    if (s.sourceClusterName)
        candidates = candidates.filter((p) => p.deployments.items.some((d) => d.name === s.sourceClusterName));
    if (candidates.length !== 1) {
        const input = s.sourceProjectId ? 'source-cluster-name' : 'source-project-id';
        const found = candidates.length === 0
            ? `no project has a deployment named ${s.sourceClusterName}`
            : `${candidates.length} projects could be meant: ${list(candidates.map((p) => `${p.name} (${p.projectId})`))}`;
        throw new RefusedError(`Input '${input}': cannot tell which source deployment to migrate: ${found}. Give source-project-id and source-cluster-name.`);
    }
    const project = candidates[0];
    const deployments = project.deployments.items.map((d) => d.name);
    const clusterName = s.sourceClusterName ?? (deployments.length === 1 ? deployments[0] : undefined);
    if (!clusterName) {
        throw new RefusedError(`Input 'source-cluster-name': project ${project.projectId} has ${deployments.length} deployments (${list(deployments)}); name one.`);
    }
    if (s.migrationHost && project.migrationHosts.length && !project.migrationHosts.includes(s.migrationHost)) {
        throw new RefusedError(`Input 'migration-host': ${s.migrationHost} is not a migration host of project ${project.projectId} (${list(project.migrationHosts)}).`);
    }
    const host = s.migrationHost ?? (project.migrationHosts.length === 1 ? project.migrationHosts[0] : undefined);
    if (!host) {
        throw new RefusedError(`Input 'migration-host': project ${project.projectId} has ${project.migrationHosts.length ? `${project.migrationHosts.length} migration hosts (${list(project.migrationHosts)}); name one` : 'no migration host: set one up in Cloud/Ops Manager first'}.`);
    }
    return { projectId: project.projectId, clusterName, host };
}

;// CONCATENATED MODULE: ./src/commands/validate.ts




function validationWaitSeconds(settings) {
    return settings.migration.waitForSeconds || VALIDATION_WAIT_SECONDS;
}
function needsSourceLookup(settings) {
    const m = settings.migration;
    return !(m.sourceProjectId && m.sourceClusterName && m.migrationHost);
}
const validate = command({
    name: 'validate',
    title: 'MongoDB live migration: validate',
    start: startMigrationState,
    steps(settings) {
        const steps = needsSourceLookup(settings) ? [resolveSourceStep(settings)] : [];
        return [...steps, ...validationSteps(settings, validationWaitSeconds(settings))];
    },
    waitSeconds: validationWaitSeconds,
    outputs: (state) => migrationOutputs(state, false),
    facts: migrationFacts,
    outcome: (state, settings) => `Validation ${state.validationId} succeeded: deployment ${state.sourceClusterName} can be migrated to ${settings.migration.clusterName}.`,
    next(state, _settings, error) {
        if (state.validationError)
            return ['Fix what the validation names, then re-run validate.'];
        if (error)
            return ['Nothing was started. Fix the error above and re-run validate.'];
        return ["Start the migration: run command: 'migrate' with the same inputs (it validates again first)."];
    },
});

;// CONCATENATED MODULE: ./src/commands/migrate.ts





const migrate = command({
    name: 'migrate',
    title: 'MongoDB live migration: migrate',
    start: startMigrationState,
    steps(settings) {
        const waitFor = settings.migration.waitForSeconds;
        const steps = [];
        if (settings.migration.migrationId) {
            steps.push(readStep(settings));
        }
        else {
            if (needsSourceLookup(settings))
                steps.push(resolveSourceStep(settings));
            steps.push(...validationSteps(settings, validationWaitSeconds(settings)), createStep(settings));
        }
        if (waitFor)
            steps.push(watchStep(settings, 'Wait until ready for cutover', 'ready for cutover', waitFor, isReady));
        return steps;
    },
    waitSeconds: (settings) => (settings.migration.migrationId ? 0 : validationWaitSeconds(settings)) + (settings.migration.waitForSeconds ?? 0),
    outputs: (state) => migrationOutputs(state, state.created),
    facts: migrationFacts,
    outcome: (state) => state.created
        ? `Started migration ${state.migrationId}; keep its id for cutover.`
        : `Watched migration ${state.migrationId}; nothing was created.`,
    next(state, _settings, error) {
        if (state.validationError)
            return ['Nothing was started: fix what the validation names, then re-run migrate.'];
        if (state.createOutcomeUnknown) {
            return [
                'Atlas may have started the migration although its answer was lost. There is no API to list migrations: look in the Atlas UI ' +
                    '(the project, then Migration). If one is there, re-run with its id as migration-id to watch it; start another only if there is none.',
            ];
        }
        if (error && !state.migrationId)
            return ['Nothing was started. Fix the error above and re-run migrate.'];
        if (error && !state.migration)
            return failedBeforeRead(state);
        const finished = state.migration && ['FAILED', 'EXPIRED'].includes(state.migration.status);
        const keep = state.created && !finished
            ? [
                `Keep the migration id ${state.migrationId}: MongoDB has no API to list migrations. It is the migration-id output of this step; ` +
                    'pass it to the cutover job as migration-id, as a job output (needs.<migrate job>.outputs.migration-id) or as a workflow_dispatch input.',
            ]
            : [];
        return [...keep, ...migrationNext(state)];
    },
});

;// CONCATENATED MODULE: ./src/commands/migration-status.ts



const migrationStatus = command({
    name: 'migration-status',
    title: 'MongoDB live migration: status',
    start: startMigrationState,
    steps(settings) {
        const steps = [readStep(settings)];
        const waitFor = settings.migration.waitForSeconds;
        if (waitFor)
            steps.push(watchStep(settings, 'Wait until ready for cutover or finished', 'ready for cutover', waitFor, isReady));
        return steps;
    },
    waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
    outputs: (state) => migrationOutputs(state, false),
    facts: migrationFacts,
    outcome: (state) => `Migration ${state.migrationId} is ${state.migration?.status}${state.migration && isReady(state.migration) ? ' and ready for cutover' : ''}.`,
    next: (state, _settings, error) => (error && !state.migration ? failedBeforeRead(state) : migrationNext(state)),
});

;// CONCATENATED MODULE: ./src/commands/status.ts


const status_status = command({
    name: 'status',
    title: 'MongoDB live migration: link status',
    start: startLinkState,
    steps(settings) {
        const steps = [readStatusStep(settings, false)];
        if (settings.link.waitForSyncSeconds > 0)
            steps.push(waitForSyncStep(settings));
        if (settings.atlas.credentials)
            steps.push(projectsStep(settings));
        return steps;
    },
    waitSeconds: (settings) => settings.link.waitForSyncSeconds,
    outputs: (state, settings) => ({
        status: state.status,
        changed: 'false',
        ...projectOutputs(state, settings),
    }),
    facts: (state, settings) => [
        ['Source organization', settings.source.orgId ?? '—'],
        ['Atlas organization', settings.atlas.orgId ?? '—'],
        ['Status', state.status ?? '—'],
    ],
    tables: (state) => projectTables(state),
    outcome: (state) => `The source reports ${state.status}.`,
    next(state, _settings, error) {
        if (error)
            return ['Nothing was changed. Fix the error above and re-run.'];
        if (state.status === 'UNLINKED')
            return ["The source has no link: run this action with command: 'link'."];
        if (state.status !== 'SYNCED')
            return ['Not synced yet: re-run with wait-for-sync, or check the Ops Manager host’s access to Atlas.'];
        return ["Linked: run command: 'migrate' for a deployment listed above."];
    },
});

;// CONCATENATED MODULE: ./src/commands/unlink.ts



const said = (removed, what) => removed === undefined ? 'not done' : removed ? `removed ${what}` : 'none (already removed)';
const unlink = command({
    name: 'unlink',
    title: 'MongoDB live migration: unlink',
    start: () => ({}),
    steps(settings) {
        const steps = [
            {
                title: "Remove the source's migration link",
                calls: [{ route: deleteLink }],
                async run(state, ctx) {
                    state.sourceRemoved = (await ctx.api.call(deleteLink)) !== ABSENT;
                    ctx.log.info(state.sourceRemoved
                        ? `Removed the migration link of source organization ${settings.source.orgId}.`
                        : `Source organization ${settings.source.orgId} has no migration link (already removed).`);
                    return said(state.sourceRemoved, 'the link');
                },
            },
        ];
        if (settings.atlas.credentials) {
            steps.push({
                title: "Delete the Atlas organization's link token",
                calls: [{ route: deleteLinkTokens }],
                async run(state, ctx) {
                    state.atlasRemoved = (await ctx.api.call(deleteLinkTokens)) !== ABSENT;
                    ctx.log.info(state.atlasRemoved
                        ? `Deleted the link token of Atlas organization ${settings.atlas.orgId} (every source linked with it is now unlinked).`
                        : `Atlas organization ${settings.atlas.orgId} has no link token (already deleted).`);
                    return said(state.atlasRemoved, 'every link token of the organization');
                },
            });
        }
        return steps;
    },
    waitSeconds: () => 0,
    outputs: (state) => ({
        status: state.sourceRemoved === undefined ? undefined : 'UNLINKED',
        changed: String(Boolean(state.sourceRemoved || state.atlasRemoved)),
    }),
    facts: (state, settings) => [
        ['Source organization', settings.source.orgId ?? '—'],
        ['Source link', said(state.sourceRemoved, 'the link')],
        ['Atlas organization', settings.atlas.orgId ?? '—'],
        ['Atlas link token', settings.atlas.credentials ? said(state.atlasRemoved, 'every link token') : 'not touched (no Atlas credentials)'],
    ],
    outcome: (state) => (state.sourceRemoved || state.atlasRemoved ? 'Unlinked.' : 'Nothing to remove: already unlinked.'),
    next(state, settings, error) {
        if (!error)
            return [];
        if (state.sourceRemoved !== undefined) {
            return [
                `The source's link was ${state.sourceRemoved ? 'removed' : 'already gone'}, but the Atlas token of organization ${settings.atlas.orgId} was not deleted. Fix the error above and re-run unlink; the source side will report it already removed.`,
            ];
        }
        return [
            'Nothing was removed on either side (Atlas is never touched when the source side fails). Fix the error above and re-run unlink.',
        ];
    },
});

;// CONCATENATED MODULE: ./src/commands/index.ts







const COMMAND_DEFINITIONS = {
    link: link_link,
    status: status_status,
    unlink: unlink,
    validate: validate,
    migrate: migrate,
    'migration-status': migrationStatus,
    cutover: cutover_cutover,
};

;// CONCATENATED MODULE: ./src/api/oauth-routes.ts

const HINTS = { 401: 'check atlas-client-id and atlas-client-secret, and that the service account is not deleted or expired' };
const token = object({
    access_token: matching(/^[A-Za-z0-9+/=_.~-]{8,8192}$/, 'an access token'),
    expires_in: optional(number),
});
const oauthToken = {
    name: 'oauth.token',
    side: 'atlas',
    method: 'POST',
    path: '/api/oauth/token',
    operation: 'get a service account access token',
    form: true,
    reply: token,
    hints: HINTS,
};
const oauthRevoke = {
    name: 'oauth.revoke',
    side: 'atlas',
    method: 'POST',
    path: '/api/oauth/revoke',
    operation: 'revoke the service account access token',
    form: true,
    reply: null,
    hints: HINTS,
};

;// CONCATENATED MODULE: ./src/api/route.ts
function fillPath(path, params) {
    return path.replace(/\{(\w+)\}/g, (whole, name) => {
        const value = params[name];
        return value === undefined ? whole : encodeURIComponent(value);
    });
}
function mediaType(route) {
    if (route.side === 'github')
        return 'application/vnd.github+json';
    return route.version ? `application/vnd.atlas.${route.version}+json` : 'application/json';
}
function bodyType(route) {
    return route.side === 'github' ? 'application/json' : mediaType(route);
}
function versionHeaders(route) {
    return route.side === 'github' && route.version ? { 'X-GitHub-Api-Version': route.version } : {};
}

;// CONCATENATED MODULE: ./src/endpoints.ts
function endpointOf(settings, side) {
    if (side === 'source')
        return { baseUrl: settings.source.baseUrl, params: { orgId: settings.source.orgId } };
    if (side === 'github') {
        if (!settings.github)
            throw new Error('no GitHub settings for this call (only the campaign talks to GitHub)');
        return { baseUrl: settings.github.apiUrl, params: { owner: settings.github.owner, repo: settings.github.repo } };
    }
    return {
        baseUrl: settings.atlas.baseUrl,
        params: { orgId: settings.atlas.orgId, groupId: settings.atlas.projectId, liveMigrationId: settings.migration.migrationId },
    };
}

;// CONCATENATED MODULE: ./src/commands/plan.ts



function planOf(command, settings) {
    const planned = (route, onlyIf, repeated) => {
        const { baseUrl, params } = endpointOf(settings, route.side);
        return {
            side: route.side,
            method: route.method,
            host: new URL(baseUrl).host,
            path: fillPath(route.path, params),
            operation: route.operation,
            onlyIf,
            repeated,
        };
    };
    const steps = command.steps(settings).map((step) => ({
        title: step.title,
        skipWhen: step.skip?.when,
        calls: step.calls.flatMap((call) => {
            const main = planned(call.route, undefined, call.repeated);
            return call.route.absent ? [main, planned(call.route.absent.proof, 'the call above answers 404')] : [main];
        }),
    }));
    const usesAtlas = steps.some((s) => s.calls.some((c) => c.side === 'atlas'));
    if (settings.atlas.credentials?.kind === 'service-account' && usesAtlas) {
        steps.push({
            title: 'Atlas service account access token',
            calls: [
                planned(oauthToken, 'an Atlas call is made', 'once; again only to renew it before it expires'),
                planned(oauthRevoke, 'a token was fetched', 'at the end, and for a renewed token'),
            ],
        });
    }
    return steps;
}
function describeCall(call) {
    const notes = [...(call.onlyIf ? [`only if ${call.onlyIf}`] : []), ...(call.repeated ? [`repeated ${call.repeated}`] : [])];
    return `${call.method} ${call.host} ${call.path} — ${call.operation}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
function planLines(plan) {
    const lines = [];
    plan.forEach((step, i) => {
        lines.push(`${i + 1}. ${step.title}${step.skipWhen ? ` (skipped if ${step.skipWhen})` : ''}`);
        for (const call of step.calls)
            lines.push(`   ${describeCall(call)}`);
    });
    return lines;
}

;// CONCATENATED MODULE: ./src/commands/run-steps.ts
async function runSteps(command, settings, context) {
    const state = command.start(settings);
    const steps = command.steps(settings);
    const records = steps.map((step) => ({ title: step.title, result: 'not attempted' }));
    for (const [i, step] of steps.entries()) {
        if (step.skip?.test(state)) {
            records[i] = { title: step.title, result: 'skipped', note: `skipped: ${step.skip.when}` };
            context.log.info(`${step.title}: skipped (${step.skip.when}).`);
            continue;
        }
        try {
            const note = await context.log.group(step.title, () => step.run(state, { ...context, api: declaredOnly(context.api, step) }));
            records[i] = { title: step.title, result: 'done', note: note || undefined };
        }
        catch (err) {
            records[i] = { title: step.title, result: 'failed', note: context.log.describe(err) };
            if (!step.soft?.(err))
                return { state, steps: records, error: err };
            context.log.annotate('warning', `${step.title} failed, and the command goes on: ${context.log.describe(err)}`, step.title);
        }
    }
    return { state, steps: records };
}
function declaredOnly(api, step) {
    const declared = new Set(step.calls.map((c) => c.route.name));
    const check = (name) => {
        if (!declared.has(name))
            throw new Error(`step '${step.title}' calls ${name}, which it does not declare`);
    };
    return {
        call: ((route, args) => {
            check(route.name);
            return api.call(route, args);
        }),
        prepare: (side, probe) => api.prepare(side, probe),
    };
}

;// CONCATENATED MODULE: ./src/settings.ts
const COMMANDS = ['link', 'status', 'unlink', 'validate', 'migrate', 'migration-status', 'cutover'];

;// CONCATENATED MODULE: ./src/inputs/command-inputs.js
// @ts-check
// Which inputs each command reads, and every input's default: one table for the input helper,
// the README's commands × inputs table (scripts/readme-tables.mjs) and a test against action.yml.
// Plain JavaScript so that the README script runs it with bare Node.

/** @typedef {'link' | 'status' | 'unlink' | 'validate' | 'migrate' | 'migration-status' | 'cutover'} CommandName */
/** @typedef {'required' | 'optional' | 'conditional'} Use */

/** Inputs every command reads. */
const COMMON_INPUTS = ['command', 'dry-run', 'request-timeout', 'max-retries', 'allow-insecure-http'];

/** The defaults, exactly as action.yml declares them. */
const DEFAULTS = {
  command: 'link',
  'dry-run': 'false',
  'request-timeout': '30',
  'max-retries': '3',
  'allow-insecure-http': 'false',
  'atlas-base-url': 'https://cloud.mongodb.com',
  'source-base-url': 'https://cloud.mongodb.com',
  'allow-open-access-list': 'false',
  force: 'false',
  'wait-for-sync': '0',
  'source-managed-authentication': 'true',
  'source-ssl': 'true',
  'destination-network': 'PUBLIC',
  'drop-destination-data': 'false',
};

const ATLAS_CREDENTIALS = ['atlas-public-key', 'atlas-private-key', 'atlas-client-id', 'atlas-client-secret'];
const SOURCE = ['source-org-id', 'source-public-key', 'source-private-key'];

/** @param {string[]} names @param {Use} use @returns {Record<string, Use>} */
const command_inputs_all = (names, use) => Object.fromEntries(names.map((n) => [n, use]));

/** @type {Record<string, Use>} */
const sourceSide = { ...command_inputs_all(SOURCE, 'required'), 'source-base-url': 'optional', 'source-ca-certificate': 'optional' };
/** @type {Record<string, Use>} */
const migrationTarget = {
  ...command_inputs_all(ATLAS_CREDENTIALS, 'conditional'),
  'atlas-base-url': 'optional',
  'atlas-project-id': 'required',
};
/** @type {Record<string, Use>} */
const migrationSpec = {
  'atlas-cluster-name': 'required',
  'atlas-org-id': 'optional',
  'source-project-id': 'conditional',
  'source-cluster-name': 'conditional',
  'migration-host': 'conditional',
  'source-managed-authentication': 'optional',
  'source-username': 'conditional',
  'source-password': 'conditional',
  'source-ssl': 'optional',
  'source-ca-certificate-path': 'optional',
  'destination-network': 'optional',
  'private-link-id': 'conditional',
  'drop-destination-data': 'optional',
  'wait-for': 'optional',
};

/** @type {Record<CommandName, Record<string, Use>>} */
const COMMAND_INPUTS = {
  link: {
    ...sourceSide,
    'atlas-org-id': 'conditional',
    ...command_inputs_all(ATLAS_CREDENTIALS, 'conditional'),
    'atlas-base-url': 'optional',
    'access-list-ips': 'optional',
    'allow-open-access-list': 'optional',
    'link-token': 'optional',
    force: 'optional',
    'wait-for-sync': 'optional',
  },
  status: {
    ...sourceSide,
    'atlas-org-id': 'conditional',
    ...command_inputs_all(ATLAS_CREDENTIALS, 'conditional'),
    'atlas-base-url': 'optional',
    'wait-for-sync': 'optional',
  },
  unlink: { ...sourceSide, 'atlas-org-id': 'conditional', ...command_inputs_all(ATLAS_CREDENTIALS, 'conditional'), 'atlas-base-url': 'optional' },
  validate: { ...migrationTarget, ...migrationSpec },
  migrate: { ...migrationTarget, ...migrationSpec, 'atlas-cluster-name': 'conditional', 'migration-id': 'optional' },
  'migration-status': { ...migrationTarget, 'migration-id': 'required', 'wait-for': 'optional' },
  cutover: { ...migrationTarget, 'migration-id': 'required', 'wait-for': 'optional' },
};

/** When each `conditional` input is required, in words (the README's footnotes). */
const CONDITIONS = [
  {
    inputs: ['atlas-org-id'],
    text: 'link: required unless link-token is given. status, unlink: required with Atlas credentials (which add the projects and deployments Atlas can migrate, and for unlink the deletion of the Atlas link token).',
  },
  {
    inputs: ATLAS_CREDENTIALS,
    text:
      'One Atlas credential kind: an API key pair (atlas-public-key, atlas-private-key) or a service account (atlas-client-id, atlas-client-secret). ' +
      'link: required unless link-token is given. status, unlink: optional, a whole pair or none. The migration commands: required.',
  },
  {
    inputs: ['atlas-cluster-name'],
    text: 'validate: required. migrate: required unless migration-id is given (then nothing is created: the migration is watched).',
  },
  {
    inputs: ['source-project-id', 'source-cluster-name', 'migration-host'],
    text: 'Required unless atlas-org-id is given and the projects Atlas lists leave exactly one choice; then it is filled in, and the log says so.',
  },
  {
    inputs: ['source-username', 'source-password'],
    text: "Required when source-managed-authentication is 'false'; refused when it is 'true'.",
  },
  { inputs: ['private-link-id'], text: 'Required when destination-network is PRIVATE_LINK; refused otherwise.' },
];

;// CONCATENATED MODULE: ./src/lazy-crypto.ts
function lazy_crypto_crypto() {
    return process.getBuiltinModule('node:crypto');
}

;// CONCATENATED MODULE: ./src/inputs/fields.ts

class Findings {
    problems = [];
    notes = [];
    fail(input, message) {
        this.problems.push({ input, message });
    }
    note(level, message, title) {
        this.notes.push({ level, message, title });
    }
    has(input) {
        return this.problems.some((p) => p.input === input);
    }
}
const OBJECT_ID_EXAMPLE = '5f1a2b3c4d5e6f7a8b9c0d1e';
const isObjectId = (value) => /^[0-9a-fA-F]{24}$/.test(value);
function looksLikePrivateKey(value) {
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
function shown(value) {
    if (value === '')
        return 'an empty value';
    if (value.length <= 16 && /^[\x20-\x7e]+$/.test(value) && !looksLikePrivateKey(value))
        return `"${value}"`;
    return `a value of ${value.length} characters (not shown)`;
}
function readBoolean(read, name, fallback, f) {
    const value = read(name).toLowerCase();
    if (value === '')
        return fallback;
    if (value === 'true' || value === 'false')
        return value === 'true';
    f.fail(name, `expected true or false; got ${shown(read(name))}.`);
    return fallback;
}
function readInteger(read, name, range, f) {
    const value = read(name);
    if (value === '')
        return range.fallback;
    if (!/^\d+$/.test(value) || Number(value) < range.min || Number(value) > range.max) {
        f.fail(name, `expected a whole number of ${range.min} to ${range.max}; got ${shown(value)}.`);
        return range.fallback;
    }
    return Number(value);
}
function readObjectId(read, name, what, f) {
    const value = read(name);
    if (value === '')
        return undefined;
    if (!isObjectId(value)) {
        const hint = looksLikePrivateKey(value) ? ' It looks like an API private key: check the workflow and rotate the key.' : '';
        f.fail(name, `expected ${what}: 24 hexadecimal digits such as ${OBJECT_ID_EXAMPLE}; got ${shown(value)}.${hint}`);
        return undefined;
    }
    if (value !== value.toLowerCase())
        f.note('notice', `${name}: converted to lower case (${value.toLowerCase()}).`);
    return value.toLowerCase();
}
function readPublicKey(read, name, f) {
    const value = read(name);
    if (looksLikePrivateKey(value)) {
        f.fail(name, 'looks like a private key (it is masked); the public key is the short key name. Check the workflow and rotate the key.');
    }
    else if (/[\s:]/.test(value)) {
        f.fail(name, 'must not contain white space or a colon.');
    }
    return value;
}
function readEnum(read, name, values, fallback, f) {
    const value = read(name);
    if (value === '')
        return fallback;
    const found = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!found)
        f.fail(name, `expected one of ${values.join(', ')}; got ${shown(value)}.`);
    return found ?? fallback;
}
const GOVERNMENT_HOSTS = /(^|\.)mongodbgov\.com$/i;
function readBaseUrl(read, name, fallback, allowInsecureHttp, f) {
    const value = read(name) || fallback;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        f.fail(name, `expected an absolute URL such as https://opsmanager.example.com:8443; got ${shown(value)}.`);
        return fallback;
    }
    const expected = 'expected only a scheme, host and optional port, such as https://opsmanager.example.com:8443';
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        f.fail(name, `must use https; got the scheme ${shown(url.protocol)}.`);
    }
    else if (url.username || url.password) {
        f.fail(name, `must not contain a user name or password (credentials go in the key inputs); ${expected}.`);
    }
    else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
        f.fail(name, `must not contain a query or fragment; ${expected}.`);
    }
    else if (url.pathname !== '/') {
        f.fail(name, `must not contain a path (got ${shown(url.pathname)}); ${expected}.`);
    }
    else if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecureHttp) {
        f.fail(name, 'uses plain http:// to a host that is not loopback: keys and the link token would cross the network unencrypted. ' +
            "Use https://, or set allow-insecure-http: 'true' if you really mean it.");
    }
    else if (name === 'atlas-base-url' && GOVERNMENT_HOSTS.test(url.hostname)) {
        f.fail(name, `${url.hostname} is Atlas for Government, which does not offer push live migration from Cloud Manager or Ops Manager ` +
            "(MongoDB's own Atlas CLI refuses link tokens there). Use a commercial Atlas organization at https://cloud.mongodb.com.");
    }
    return url.origin;
}
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
function readCaCertificate(read, name, f) {
    const pem = read(name);
    if (!pem)
        return undefined;
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0) {
        f.fail(name, 'expected PEM text starting with -----BEGIN CERTIFICATE----- (the CA bundle, not a file path).');
        return undefined;
    }
    for (const block of blocks) {
        try {
            new (lazy_crypto_crypto().X509Certificate)(block);
        }
        catch {
            f.fail(name, 'contains a PEM block that is not a valid X.509 certificate.');
            return undefined;
        }
    }
    return blocks.join('\n') + '\n';
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = require("node:net");
;// CONCATENATED MODULE: ./src/inputs/access-list.ts


const BITS = { 4: 32, 6: 128 };
const WIDE_BELOW = { 4: 16, 6: 32 };
function parseAccessList(raw) {
    const report = {
        entries: [],
        invalid: [],
        duplicates: [],
        rewritten: [],
        nonPublic: [],
        wide: [],
        open: { ipv4: 0, ipv6: 0, isOpen: false },
    };
    const seen = new Set();
    const blocks = [];
    for (const typed of raw.split(/[\s,]+/)) {
        if (typed === '')
            continue;
        const block = parseEntry(typed);
        if (!block) {
            report.invalid.push(typed);
            continue;
        }
        const { canonical } = block;
        if (seen.has(canonical)) {
            report.duplicates.push(typed);
            continue;
        }
        seen.add(canonical);
        blocks.push(block);
        report.entries.push(canonical);
        if (canonical !== typed)
            report.rewritten.push({ typed, canonical, why: block.hostBits ? 'host bits' : 'spelling' });
        const kind = nonPublicKind(block);
        if (kind)
            report.nonPublic.push({ entry: canonical, kind });
        else if (block.prefix < WIDE_BELOW[block.family])
            report.wide.push({ entry: canonical, addresses: size(block).toString() });
    }
    report.open = openness(blocks);
    return report;
}
function looksLikeCredential(entry) {
    const text = entry.trim();
    return (looksLikePrivateKey(text) ||
        (/^[A-Za-z0-9+/=_-]{20,}$/.test(text) && /[A-Za-z]/.test(text) && /[0-9]/.test(text)) ||
        text.toLowerCase().startsWith('mdb_sa_') ||
        text.includes('-----'));
}
function parseEntry(typed) {
    const slash = typed.indexOf('/');
    const address = slash < 0 ? typed : typed.slice(0, slash);
    const prefixText = slash < 0 ? undefined : typed.slice(slash + 1);
    const family = address.includes('%') ? 0 : (0,external_node_net_namespaceObject.isIP)(address);
    if (family !== 4 && family !== 6)
        return undefined;
    if (prefixText !== undefined && !/^[0-9]+$/.test(prefixText))
        return undefined;
    const bits = BITS[family];
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (prefix > bits)
        return undefined;
    const groups = family === 4 ? ipv4Groups(address) : ipv6Groups(address);
    let hostBits = false;
    for (let i = 0; i < groups.length; i++) {
        const network = groups[i] & groupMask(prefix - 16 * i);
        hostBits ||= network !== groups[i];
        groups[i] = network;
    }
    const text = family === 4 ? formatIPv4(groups[0], groups[1]) : formatIPv6(groups);
    return { family, groups, prefix, canonical: prefix === bits ? text : `${text}/${prefix}`, hostBits };
}
function groupMask(bits) {
    return bits >= 16 ? 0xffff : bits <= 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
}
function within(groups, prefix, outer, outerPrefix) {
    if (prefix < outerPrefix)
        return false;
    for (let i = 0; i < outer.length; i++)
        if ((groups[i] & groupMask(outerPrefix - 16 * i)) !== outer[i])
            return false;
    return true;
}
function ipv4Groups(text) {
    const octets = text.split('.');
    return [(Number(octets[0]) << 8) | Number(octets[1]), (Number(octets[2]) << 8) | Number(octets[3])];
}
function ipv6Groups(text) {
    const groups = [];
    let gap = 0;
    for (const part of text.split(':')) {
        if (part === '')
            gap = groups.length;
        else if (part.includes('.'))
            groups.push(...ipv4Groups(part));
        else
            groups.push(parseInt(part, 16));
    }
    while (groups.length < 8)
        groups.splice(gap, 0, 0);
    return groups;
}
const isMapped = (g) => g.length === 8 && g[5] === 0xffff && (g[0] | g[1] | g[2] | g[3] | g[4]) === 0;
function formatIPv4(high, low) {
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}
function formatIPv6(groups) {
    if (isMapped(groups))
        return `::ffff:${formatIPv4(groups[6], groups[7])}`;
    let [runStart, runLength] = [-1, 1];
    for (let i = 0, run = 0; i < 8; i++) {
        run = groups[i] === 0 ? run + 1 : 0;
        if (run > runLength)
            [runStart, runLength] = [i - run + 1, run];
    }
    const hex = groups.map((group) => group.toString(16));
    if (runStart < 0)
        return hex.join(':');
    return `${hex.slice(0, runStart).join(':')}::${hex.slice(runStart + runLength).join(':')}`;
}
function size(block) {
    return 1n << BigInt(BITS[block.family] - block.prefix);
}
const range = (text, prefix, kind) => ({
    groups: text.includes(':') ? ipv6Groups(text) : ipv4Groups(text),
    prefix,
    kind,
});
const NON_PUBLIC = {
    4: [
        range('0.0.0.0', 8, 'unspecified'),
        range('10.0.0.0', 8, 'private'),
        range('100.64.0.0', 10, 'shared address space (CGNAT)'),
        range('127.0.0.0', 8, 'loopback'),
        range('169.254.0.0', 16, 'link-local'),
        range('172.16.0.0', 12, 'private'),
        range('192.168.0.0', 16, 'private'),
        range('224.0.0.0', 4, 'multicast'),
        range('240.0.0.0', 4, 'reserved'),
    ],
    6: [
        range('::', 128, 'unspecified'),
        range('::1', 128, 'loopback'),
        range('fe80::', 10, 'link-local'),
        range('fc00::', 7, 'unique local'),
        range('ff00::', 8, 'multicast'),
    ],
};
function nonPublicKind({ family, groups, prefix }) {
    if (family === 6 && prefix >= 96 && isMapped(groups))
        return nonPublicKind({ family: 4, groups: groups.slice(6), prefix: prefix - 96 });
    for (const r of NON_PUBLIC[family])
        if (within(groups, prefix, r.groups, r.prefix))
            return r.kind;
    return undefined;
}
function openness(blocks) {
    const open = { ipv4: 0, ipv6: 0, isOpen: false };
    const reasons = [];
    for (const family of [4, 6]) {
        const mine = blocks.filter((b) => b.family === family);
        const total = 1n << BigInt(BITS[family]);
        const covered = unionSize(mine);
        open[family === 4 ? 'ipv4' : 'ipv6'] = Number(covered) / Number(total);
        if (covered * 2n >= total)
            reasons.push(describeCover(family, mine, covered, total));
    }
    if (reasons.length > 0)
        Object.assign(open, { isOpen: true, reason: reasons.join('; ') });
    return open;
}
function unionSize(blocks) {
    const sorted = [...blocks].sort((a, b) => {
        for (let i = 0; i < a.groups.length; i++)
            if (a.groups[i] !== b.groups[i])
                return a.groups[i] - b.groups[i];
        return a.prefix - b.prefix;
    });
    let covered = 0n;
    let last;
    for (const block of sorted) {
        if (last && within(block.groups, block.prefix, last.groups, last.prefix))
            continue;
        covered += size(block);
        last = block;
    }
    return covered;
}
function describeCover(family, blocks, covered, total) {
    const names = [...blocks].sort((a, b) => a.prefix - b.prefix).map((b) => b.canonical);
    const hundredths = (covered * 10000n) / total;
    const percent = `${Number(hundredths) / 100}%`;
    const of = `of IPv${family}`;
    if (names.length === 1)
        return `${names[0]} covers ${percent} ${of}`;
    const who = names.length <= 3
        ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
        : `${names[0]}, ${names[1]} and ${names.length - 2} other IPv${family} entries`;
    return `${who} together cover ${percent} ${of}`;
}

;// CONCATENATED MODULE: ./src/inputs/link-inputs.ts


const MAX_LISTED = 10;
function readLinkInputs(read, f, createsToken, isCloudManager) {
    const linkToken = read('link-token') || undefined;
    if (linkToken && /\s/.test(linkToken))
        f.fail('link-token', 'must not contain white space (it is masked, so not shown).');
    const force = readBoolean(read, 'force', false, f);
    const waitForSyncSeconds = readInteger(read, 'wait-for-sync', { fallback: 0, min: 0, max: 3600 }, f);
    const allowOpen = readBoolean(read, 'allow-open-access-list', false, f);
    const report = parseAccessList(read('access-list-ips'));
    if (!createsToken)
        return { accessListIps: report.entries, linkToken, force, waitForSyncSeconds };
    const show = (entry) => looksLikeCredential(entry) ? `an entry of ${entry.length} characters that looks like a key or token (not shown)` : `"${entry}"`;
    if (report.invalid.length) {
        const listed = report.invalid.slice(0, MAX_LISTED).map(show).join(', ');
        const more = report.invalid.length > MAX_LISTED ? `, and ${report.invalid.length - MAX_LISTED} more` : '';
        f.fail('access-list-ips', `${report.invalid.length === 1 ? 'this entry is' : `${report.invalid.length} entries are`} not an IPv4/IPv6 address or CIDR block: ${listed}${more}. ` +
            'Expected entries such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32, separated by commas, spaces or new lines.');
    }
    if (report.open.isOpen) {
        const message = `opens the link token to most of the Internet: ${report.open.reason}. The token carries an Atlas API key usable from every address on this list.`;
        if (allowOpen)
            f.note('warning', `access-list-ips ${message} Allowed by allow-open-access-list.`, 'Open access list');
        else
            f.fail('access-list-ips', `${message} List the Ops Manager host's public addresses, or set allow-open-access-list: 'true' if you really mean it.`);
    }
    if (report.nonPublic.length === 1) {
        const { entry, kind } = report.nonPublic[0];
        f.note('warning', `access-list-ips: ${entry} is ${kind === 'unspecified' || kind === 'reserved' ? 'an' : 'a'} ${kind} address; Atlas never sees traffic from it, so it does not help the Ops Manager host reach Atlas. List the host's public (egress) address.`, 'Access list');
    }
    else if (report.nonPublic.length > 1) {
        f.note('warning', `access-list-ips: ${report.nonPublic.length} entries are addresses Atlas never sees traffic from: ${listed(report.nonPublic.map((n) => `${n.entry} (${n.kind})`))}. List the Ops Manager host's public (egress) addresses.`, 'Access list');
    }
    if (report.wide.length) {
        f.note('warning', `access-list-ips: ${listed(report.wide.map((w) => `${w.entry} opens the token to ${w.addresses} addresses`))}. Is that really the Ops Manager host's?`, 'Access list');
    }
    if (report.rewritten.length) {
        f.note('notice', `access-list-ips: sent as ${listed(report.rewritten.map((r) => `${r.canonical} (typed ${r.typed}${r.why === 'host bits' ? ', host bits cleared' : ''})`))}.`);
    }
    if (report.duplicates.length)
        f.note('notice', `access-list-ips: removed duplicate entries ${listed(report.duplicates)}.`);
    if (report.entries.length === 0 && !isCloudManager) {
        f.note('warning', 'access-list-ips is empty but the source is not Cloud Manager: Ops Manager reaches Atlas with the API key inside the ' +
            'link token, and Atlas only accepts it from the addresses on that list. Add the public IPs of your Ops Manager host(s).', 'Access list');
    }
    return { accessListIps: report.entries, linkToken, force, waitForSyncSeconds };
}
function listed(items) {
    const shown = items.slice(0, MAX_LISTED).join(', ');
    return items.length > MAX_LISTED ? `${shown}, and ${items.length - MAX_LISTED} more` : shown;
}

;// CONCATENATED MODULE: ./src/inputs/migration-inputs.ts


const NETWORKS = ['PUBLIC', 'PRIVATE_LINK', 'VPC_PEERING'];
const ATLAS_CLUSTER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const SOURCE_CLUSTER = /^[\x21-\x7e]{1,128}$/;
const MAX_WAIT_FOR_SECONDS = 86_400;
function readMigrationInputs(read, f) {
    const text = (name, pattern, expected) => {
        const value = read(name);
        if (value === '')
            return undefined;
        if (!pattern.test(value))
            f.fail(name, `expected ${expected}; got ${shown(value)}.`);
        return value;
    };
    const waitFor = read('wait-for');
    return {
        clusterName: text('atlas-cluster-name', ATLAS_CLUSTER, 'an Atlas cluster name (letters, digits and hyphens, at most 64)'),
        sourceProjectId: readObjectId(read, 'source-project-id', 'a Cloud Manager or Ops Manager project id', f),
        sourceClusterName: text('source-cluster-name', SOURCE_CLUSTER, 'the name of a deployment in that project, without spaces'),
        migrationHost: text('migration-host', HOST_NAME, 'the host name of a migration host, such as mh-1.example.net'),
        managedAuthentication: readBoolean(read, 'source-managed-authentication', true, f),
        username: read('source-username') || undefined,
        password: read('source-password') || undefined,
        ssl: readBoolean(read, 'source-ssl', true, f),
        caCertificatePath: text('source-ca-certificate-path', /^\/[\x20-\x7e]{0,1023}$/, 'an absolute path on the migration host, such as /etc/ssl/ca.pem'),
        network: readEnum(read, 'destination-network', NETWORKS, 'PUBLIC', f),
        privateLinkId: readObjectId(read, 'private-link-id', 'an Atlas private endpoint id', f),
        dropDestinationData: readBoolean(read, 'drop-destination-data', false, f),
        migrationId: readObjectId(read, 'migration-id', 'a live migration id (the migration-id output of migrate)', f),
        waitForSeconds: waitFor === '' ? undefined : readInteger(read, 'wait-for', { fallback: 0, min: 0, max: MAX_WAIT_FOR_SECONDS }, f),
    };
}
function checkMigrationSpec(m, f) {
    if (m.managedAuthentication && (m.username || m.password)) {
        f.fail(m.username ? 'source-username' : 'source-password', "is set, but source-managed-authentication is 'true' (the default), where the migration host logs in on its own. " +
            "Set source-managed-authentication: 'false' to log in with source-username and source-password.");
    }
    if (!m.managedAuthentication) {
        if (!m.username)
            f.fail('source-username', "is required when source-managed-authentication is 'false'.");
        if (!m.password)
            f.fail('source-password', "is required when source-managed-authentication is 'false' (pass it from a secret).");
    }
    if (m.network === 'PRIVATE_LINK' && !m.privateLinkId)
        f.fail('private-link-id', 'is required when destination-network is PRIVATE_LINK.');
    if (m.network !== 'PRIVATE_LINK' && m.privateLinkId)
        f.fail('private-link-id', `is only used with destination-network: PRIVATE_LINK (it is ${m.network}).`);
    if (m.caCertificatePath && !m.ssl)
        f.fail('source-ca-certificate-path', "needs source-ssl: 'true' (a CA certificate is only used over TLS).");
}

;// CONCATENATED MODULE: ./src/inputs/input-helper.ts







const CLOUD_MANAGER = DEFAULTS['source-base-url'];
const SECRET_INPUTS = ['atlas-private-key', 'atlas-client-secret', 'source-private-key', 'link-token', 'source-password'];
const MISTAKE_PRONE_INPUTS = {
    'atlas-org-id': isObjectId,
    'source-org-id': isObjectId,
    'atlas-project-id': isObjectId,
    'source-project-id': isObjectId,
    'migration-id': isObjectId,
    'atlas-public-key': (v) => !looksLikePrivateKey(v),
    'source-public-key': (v) => !looksLikePrivateKey(v),
    'atlas-client-id': (v) => !looksLikePrivateKey(v) && v.length <= 64,
    'source-username': (v) => !looksLikePrivateKey(v),
};
function secretInputs(read) {
    const values = SECRET_INPUTS.map(read);
    for (const [name, isExpected] of Object.entries(MISTAKE_PRONE_INPUTS)) {
        const value = read(name);
        if (value && !isExpected(value))
            values.push(value);
    }
    values.push(...read('access-list-ips')
        .split(/[\s,]+/)
        .filter(looksLikeCredential));
    return { values: values.filter((v) => v.length > 0), linkToken: read('link-token') || undefined };
}
function readSettings(read) {
    const f = new Findings();
    const command = readCommand(read, f);
    const uses = COMMAND_INPUTS[command];
    const allowInsecureHttp = readBoolean(read, 'allow-insecure-http', false, f);
    const dryRun = readBoolean(read, 'dry-run', false, f);
    const requestTimeoutSeconds = readInteger(read, 'request-timeout', { fallback: 30, min: 1, max: 600 }, f);
    const maxRetries = readInteger(read, 'max-retries', { fallback: 3, min: 0, max: 10 }, f);
    const atlasCredentials = readAtlasCredentials(read, f);
    const atlas = {
        baseUrl: readBaseUrl(read, 'atlas-base-url', DEFAULTS['atlas-base-url'], allowInsecureHttp, f),
        orgId: readObjectId(read, 'atlas-org-id', 'an Atlas organization id', f),
        projectId: readObjectId(read, 'atlas-project-id', 'an Atlas project id', f),
        credentials: atlasCredentials,
    };
    const source = {
        baseUrl: readBaseUrl(read, 'source-base-url', CLOUD_MANAGER, allowInsecureHttp, f),
        orgId: readObjectId(read, 'source-org-id', 'a Cloud Manager or Ops Manager organization id', f),
        credentials: readSourceCredentials(read, f),
        caCertificate: readCaCertificate(read, 'source-ca-certificate', f),
    };
    const createsToken = command === 'link' && !read('link-token');
    const link = readLinkInputs(read, f, createsToken, source.baseUrl === CLOUD_MANAGER);
    const migration = readMigrationInputs(read, f);
    const settings = { command, dryRun, requestTimeoutSeconds, maxRetries, atlas, source, link, migration };
    requireForCommand(settings, read, f);
    const ignored = Object.keys(knownInputs()).filter((name) => !(name in uses) && !COMMON_INPUTS.includes(name) && isSet(read, name));
    if (ignored.length)
        f.note('notice', `'${command}' does not use ${ignored.map((n) => `'${n}'`).join(', ')}; ignored.`);
    if (f.problems.length)
        throw new InputError(f.problems);
    return { settings, notes: f.notes };
}
function readCommand(read, f) {
    const text = read('command').toLowerCase() || 'link';
    const command = COMMANDS.find((c) => c === text);
    if (!command)
        f.fail('command', `expected one of ${COMMANDS.join(', ')}; got ${shown(read('command'))}.`);
    return command ?? 'link';
}
function knownInputs() {
    return Object.fromEntries(Object.values(COMMAND_INPUTS).flatMap((uses) => Object.keys(uses).map((n) => [n, true])));
}
function isSet(read, name) {
    const value = read(name);
    return value !== '' && value !== DEFAULTS[name];
}
function requireForCommand(s, read, f) {
    const need = (input, present, why) => {
        if (!present && !f.has(input))
            f.fail(input, `is required ${why}.`);
    };
    const atlasCredentialsRequired = (why) => {
        if (!s.atlas.credentials && !f.problems.some((p) => p.input.startsWith('atlas-'))) {
            f.fail('atlas-public-key', `Atlas credentials are required ${why}: set atlas-public-key and atlas-private-key, or atlas-client-id and atlas-client-secret.`);
        }
    };
    const m = s.migration;
    switch (s.command) {
        case 'link':
        case 'status':
        case 'unlink':
            need('source-org-id', s.source.orgId, 'for this command: the source organization id, 24 hexadecimal digits (Organization Settings)');
            need('source-public-key', s.source.credentials, 'for this command: the public key of a Cloud Manager / Ops Manager API key with the Organization Owner role');
            need('source-private-key', read('source-private-key'), 'for this command: the private key that goes with source-public-key (pass it from a secret)');
            if (s.command === 'link' && !s.link.linkToken) {
                atlasCredentialsRequired('to create a link token (or pass an existing token in link-token)');
                need('atlas-org-id', s.atlas.orgId, 'to create a link token: the destination Atlas organization id');
            }
            else if (s.atlas.credentials) {
                need('atlas-org-id', s.atlas.orgId, 'with Atlas credentials: the destination Atlas organization id');
            }
            return;
        case 'validate':
        case 'migrate':
            atlasCredentialsRequired(`for ${s.command}`);
            need('atlas-project-id', s.atlas.projectId, 'for the migration commands: the destination Atlas project id');
            if (s.command === 'migrate' && m.migrationId)
                return;
            need('atlas-cluster-name', m.clusterName, 'for validate and migrate: the destination cluster in atlas-project-id');
            if (!s.atlas.orgId) {
                const fill = ' (or give atlas-org-id to fill it in from the projects Atlas lists)';
                need('source-project-id', m.sourceProjectId, `for validate and migrate: the source Cloud/Ops Manager project id${fill}`);
                need('source-cluster-name', m.sourceClusterName, `for validate and migrate: the deployment to migrate${fill}`);
                need('migration-host', m.migrationHost, `for validate and migrate: the migration host's name${fill}`);
            }
            checkMigrationSpec(m, f);
            if (m.dropDestinationData) {
                f.note('warning', `drop-destination-data is 'true': the migration deletes all data in destination cluster ${m.clusterName} ` +
                    `(Atlas project ${s.atlas.projectId}) before it copies.`, 'Destination data will be dropped');
            }
            return;
        case 'migration-status':
        case 'cutover':
            atlasCredentialsRequired(`for ${s.command}`);
            need('atlas-project-id', s.atlas.projectId, 'for the migration commands: the destination Atlas project id');
            need('migration-id', m.migrationId, 'for this command: the migration-id output of migrate');
            return;
    }
}
function readSourceCredentials(read, f) {
    const publicKey = readPublicKey(read, 'source-public-key', f);
    const privateKey = read('source-private-key');
    return publicKey && privateKey ? { publicKey, privateKey } : undefined;
}
function readAtlasCredentials(read, f) {
    const publicKey = readPublicKey(read, 'atlas-public-key', f);
    const privateKey = read('atlas-private-key');
    const clientId = read('atlas-client-id');
    const clientSecret = read('atlas-client-secret');
    const hasKey = Boolean(publicKey || privateKey);
    const hasAccount = Boolean(clientId || clientSecret);
    if (hasKey && hasAccount) {
        f.fail('atlas-client-id', 'give either an API key (atlas-public-key, atlas-private-key) or a service account (atlas-client-id, atlas-client-secret), not both.');
        return undefined;
    }
    if (hasKey) {
        if (!publicKey)
            f.fail('atlas-public-key', 'is required with atlas-private-key.');
        if (!privateKey)
            f.fail('atlas-private-key', 'is required with atlas-public-key (pass it from a secret).');
        return publicKey && privateKey ? { kind: 'api-key', publicKey, privateKey } : undefined;
    }
    if (hasAccount) {
        if (!clientId)
            f.fail('atlas-client-id', 'is required with atlas-client-secret.');
        if (!clientSecret)
            f.fail('atlas-client-secret', 'is required with atlas-client-id (pass it from a secret).');
        if (clientId && /[\s:]/.test(clientId))
            f.fail('atlas-client-id', 'must not contain white space or a colon.');
        return clientId && clientSecret ? { kind: 'service-account', clientId, clientSecret } : undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/output/sanitize.ts
function neutralize(text) {
    if (!/[^\x20-\x7e]|##\[|^\s*::/.test(text))
        return text;
    let out = text
        .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
        .replace(/\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '')
        .replace(/\r\n|\r|\n/g, (m) => (m === '\n' ? '\\n' : m === '\r' ? '\\r' : '\\r\\n'))
        .replace(/\t/g, ' ')
        .replace(INVISIBLE, (c) => `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
        .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .replace(/##\[/g, '## [');
    if (/^\s*::/.test(out))
        out = out.replace('::', ': :');
    return out;
}
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function clip(text, max, length = text.length) {
    if (text.length <= max && length === text.length)
        return text;
    let end = Math.min(max, text.length);
    if (/[\ud800-\udbff]/.test(text[end - 1]))
        end -= 1;
    return `${text.slice(0, end)}… (${length - end} more characters)`;
}

;// CONCATENATED MODULE: ./src/output/secrets.ts
class SecretSet {
    mask;
    values = new Set();
    pieces = new Set();
    ordered = [];
    starts = new Uint8Array(1 << 16);
    constructor(mask) {
        this.mask = mask;
    }
    add(value) {
        this.insert(value);
        this.insert(encodeURIComponent(value));
    }
    insert(value) {
        if (!value || this.values.has(value))
            return;
        this.values.add(value);
        this.ordered = [...this.values].sort((a, b) => b.length - a.length);
        for (let i = 0; i + WINDOW <= value.length; i += 1) {
            this.pieces.add(value.slice(i, i + WINDOW));
            this.starts[pairAt(value, i)] = 1;
        }
        this.mask(value);
    }
    addLinkToken(token) {
        this.add(token);
        for (const value of secretsInside(token))
            this.add(value);
    }
    redact(text) {
        if (this.values.size === 0)
            return text;
        let out = text;
        for (const value of this.ordered) {
            if (value.length >= 3 && out.includes(value))
                out = out.split(value).join('***');
        }
        if (this.pieces.size === 0 || out.length < WINDOW)
            return out;
        out = out.replace(TOKEN_RUN, (run) => (this.holdsPiece(run) ? '***' : run));
        return this.coverPieces(out);
    }
    coverPieces(text) {
        let out = '';
        let end = -1;
        for (let i = 0; i + WINDOW <= text.length; i += 1) {
            if (!this.starts[pairAt(text, i)] || !this.pieces.has(text.slice(i, i + WINDOW)))
                continue;
            if (i > end)
                out += `${text.slice(Math.max(end, 0), i)}***`;
            end = i + WINDOW;
        }
        return end < 0 ? text : out + text.slice(end);
    }
    holdsPiece(run) {
        for (let i = 0; i + WINDOW <= run.length; i += 1)
            if (this.starts[pairAt(run, i)] && this.pieces.has(run.slice(i, i + WINDOW)))
                return true;
        return false;
    }
}
const pairAt = (text, i) => ((text.charCodeAt(i) << 8) ^ text.charCodeAt(i + 1)) & 0xffff;
const WINDOW = 16;
const TOKEN_RUN = /[A-Za-z0-9+/=_.~-]{16,}/g;
const SECRET_FIELD = /key|secret|pass|token|cred|auth/i;
function secretsInside(token) {
    for (const encoding of ['base64', 'base64url']) {
        let parsed;
        try {
            parsed = JSON.parse(Buffer.from(token, encoding).toString('utf8'));
        }
        catch {
            continue;
        }
        if (parsed && typeof parsed === 'object')
            return leaves(parsed);
    }
    return [];
}
function leaves(object, depth = 0) {
    const found = [];
    for (const [key, value] of Object.entries(object)) {
        if (typeof value === 'string') {
            const isId = /^[0-9a-f]{24}$/i.test(value);
            if (!isId && value.length >= 6 && (SECRET_FIELD.test(key) || value.length >= 20))
                found.push(value);
        }
        else if (value && typeof value === 'object' && depth < 4) {
            found.push(...leaves(value, depth + 1));
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/output/log.ts



const LINE_MAX = 4000;
const TITLE_MAX = 200;
const ANNOTATIONS_PER_LEVEL = 10;
class RunnerLog {
    runner;
    secrets;
    grouped = false;
    annotations = { error: 0, warning: 0, notice: 0 };
    constructor(runner) {
        this.runner = runner;
        this.secrets = new SecretSet((value) => runner.command('add-mask', {}, value));
    }
    get debugEnabled() {
        return this.runner.debugEnabled;
    }
    safe(text, max = LINE_MAX) {
        const head = text.length > max * 4 + 1024 ? text.slice(0, max * 4 + 1024) : text;
        const redacted = this.secrets.redact(head);
        const neutral = neutralize(redacted);
        const safe = neutral === redacted ? neutral : this.secrets.redact(neutral);
        return head === text ? clip(safe, max) : clip(safe, max, safe.length + text.length - head.length);
    }
    describe(err) {
        return describeError(err, (text, max) => this.safe(text, max));
    }
    debug(text) {
        if (this.debugEnabled)
            this.runner.command('debug', {}, this.safe(text));
    }
    info(text) {
        this.runner.line(this.safe(text));
    }
    annotate(level, text, title) {
        this.annotations[level] += 1;
        if (this.annotations[level] > ANNOTATIONS_PER_LEVEL) {
            this.info(`${level === 'error' ? 'Error' : level === 'warning' ? 'Warning' : 'Notice'}: ${text}`);
            return;
        }
        this.runner.command(level, { title: title === undefined ? undefined : this.safe(title, TITLE_MAX) }, this.safe(text));
    }
    async group(title, body) {
        if (this.grouped)
            return body();
        this.grouped = true;
        this.runner.command('group', {}, this.safe(title, TITLE_MAX));
        try {
            return await body();
        }
        finally {
            this.runner.command('endgroup', {}, '');
            this.grouped = false;
        }
    }
    secret(value) {
        this.secrets.add(value);
    }
    linkToken(value) {
        this.secrets.addLinkToken(value);
    }
}

;// CONCATENATED MODULE: ./src/output/outputs.ts
const TEXT_MAX = 1000;
class Outputs {
    runner;
    log;
    written = new Map();
    constructor(runner, log) {
        this.runner = runner;
        this.log = log;
    }
    set(name, value) {
        this.setAll({ [name]: value });
    }
    setAll(values) {
        const pending = [];
        for (const [name, value] of Object.entries(values)) {
            if (value === undefined)
                continue;
            const text = typeof value === 'string'
                ? this.log.safe(value, TEXT_MAX)
                : 'secret' in value
                    ? value.secret
                    : JSON.stringify(this.safeJson(value.json));
            if (this.written.get(name) === text)
                continue;
            this.written.set(name, text);
            pending.push([name, text]);
        }
        if (pending.length && !this.runner.setOutputs(pending)) {
            this.log.debug(`GITHUB_OUTPUT is not set: outputs ${pending.map(([n]) => n).join(', ')} not written.`);
        }
    }
    safeJson(value) {
        if (typeof value === 'string')
            return this.log.safe(value, TEXT_MAX);
        if (Array.isArray(value))
            return value.map((v) => this.safeJson(v));
        if (value && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.log.safe(k, 100), this.safeJson(v)]));
        return value;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./src/output/runner.ts



const processIO = {
    env: process.env,
    write: (text) => void process.stdout.write(text),
    append: (path, text) => (0,external_node_fs_namespaceObject.appendFileSync)(path, text, 'utf8'),
    setExitCode: (code) => {
        process.exitCode = code;
    },
};
class Runner {
    io;
    constructor(io) {
        this.io = io;
    }
    get debugEnabled() {
        return this.io.env.RUNNER_DEBUG === '1';
    }
    input(name) {
        return (this.io.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    }
    command(name, properties, message) {
        const props = Object.entries(properties)
            .filter((entry) => entry[1] !== undefined && entry[1] !== '')
            .map(([key, value]) => `${key}=${escapeProperty(value)}`)
            .join(',');
        this.io.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
    }
    line(text) {
        this.io.write(`${text}${external_node_os_namespaceObject.EOL}`);
    }
    setOutputs(outputs) {
        const file = this.io.env.GITHUB_OUTPUT;
        if (!file)
            return false;
        const text = outputs.map(([name, value]) => {
            const delimiter = `ghadelimiter_${lazy_crypto_crypto().randomUUID()}`;
            if (name.includes(delimiter) || value.includes(delimiter))
                throw new Error('an output contains its own delimiter');
            return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
        });
        if (text.length)
            this.io.append(file, text.join(''));
        return true;
    }
    appendSummary(text) {
        const file = this.io.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        this.io.append(file, text);
        return true;
    }
    fail() {
        this.io.setExitCode(1);
    }
}
function exitWhenFlushed() {
    process.stdout.write('', () => process.exit());
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/output/summary.ts
const CELL_MAX = 300;
const ROWS_MAX = 100;
const SUMMARY_MAX_BYTES = 512 * 1024;
const RESULT_MARK = {
    done: '✅ done',
    skipped: '⏭️ skipped',
    failed: '❌ failed',
    'not attempted': '⏹️ not attempted',
};
function renderSummary(content, log) {
    const cell = (text) => escapeHtml(log.safe(text, CELL_MAX));
    let rowsMax = ROWS_MAX;
    for (;;) {
        const html = render(content, cell, rowsMax);
        if (Buffer.byteLength(html) <= SUMMARY_MAX_BYTES || rowsMax <= 1)
            return html;
        rowsMax = Math.floor(rowsMax / 2);
    }
}
function render(content, cell, rowsMax) {
    const parts = [`<h2>${cell(content.title)}</h2>`, `<p>${content.failed ? '❌' : '✅'} ${cell(content.outcome)}</p>`];
    if (content.facts.length)
        parts.push(table(['Item', 'Value'], content.facts, cell, rowsMax));
    if (content.steps.length) {
        parts.push('<h3>Steps</h3>');
        parts.push(table(['Step', 'Result', 'Detail'], content.steps.map((s) => [s.title, RESULT_MARK[s.result], s.note ?? '']), cell, rowsMax));
    }
    for (const t of content.tables) {
        parts.push(`<h3>${cell(t.title)}</h3>`);
        parts.push(t.rows.length ? table(t.head, t.rows, cell, rowsMax) : '<p>None.</p>');
    }
    if (content.next.length)
        parts.push('<h3>Next</h3>', `<ul>${items(content.next, cell, rowsMax)}</ul>`);
    if (content.plan)
        parts.push('<h3>Planned calls (nothing was sent)</h3>', `<ol>${items(content.plan, cell, rowsMax)}</ol>`);
    return parts.join('\n') + '\n';
}
function items(list, cell, rowsMax) {
    const shown = list.slice(0, rowsMax).map((item) => `<li>${cell(item)}</li>`);
    if (list.length > rowsMax)
        shown.push(`<li>… and ${list.length - rowsMax} more</li>`);
    return shown.join('');
}
function table(head, rows, cell, rowsMax) {
    const shown = rows.slice(0, rowsMax);
    const body = shown.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`);
    if (rows.length > shown.length)
        body.push(`<tr><td colspan="${head.length}">… and ${rows.length - shown.length} more</td></tr>`);
    return `<table><tr>${head.map((h) => `<th>${cell(h)}</th>`).join('')}</tr>${body.join('')}</table>`;
}
function escapeHtml(text) {
    return text.replace(/[&<>"'`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/http/proxy-agent.ts
async function proxyAgent(proxy, secureTarget, ca) {
    const [httpModule, httpsModule, tlsModule] = await Promise.all([Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23)), Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)), Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23))]);
    const Base = secureTarget ? httpsModule.Agent : httpModule.Agent;
    const { url } = proxy;
    class TunnelAgent extends Base {
        createConnection(options, callback) {
            const target = `${options.host}:${options.port}`;
            const signal = options.attemptSignal;
            let done = false;
            const settle = (err, socket) => {
                if (done)
                    return;
                done = true;
                signal?.removeEventListener('abort', onAbort);
                callback(err, socket);
            };
            options.onPhase?.(`the proxy's CONNECT to ${target}`);
            const connect = (url.protocol === 'https:' ? httpsModule : httpModule).request({
                host: url.hostname,
                port: url.port || (url.protocol === 'https:' ? 443 : 80),
                method: 'CONNECT',
                path: target,
                headers: { Host: target, ...(proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {}) },
                agent: false,
            });
            let secure;
            const onAbort = () => {
                const reason = signal?.reason instanceof Error ? signal.reason : new Error('aborted');
                connect.destroy(reason);
                secure?.destroy(reason);
                settle(reason);
            };
            if (signal?.aborted) {
                onAbort();
                return undefined;
            }
            signal?.addEventListener('abort', onAbort, { once: true });
            connect.once('connect', (res, socket) => {
                if (res.statusCode !== 200) {
                    socket.destroy();
                    settle(Object.assign(new Error(`the proxy ${url.host} answered ${res.statusCode} to CONNECT ${target}`), { code: 'EPROXY' }));
                    return;
                }
                if (!secureTarget) {
                    settle(null, socket);
                    return;
                }
                options.onPhase?.(`the TLS handshake with ${target} through the proxy`);
                secure = tlsModule.connect({
                    ...options,
                    socket,
                    servername: options.servername || String(options.host),
                    rejectUnauthorized: true,
                });
                secure.once('error', (err) => settle(err));
                secure.once('secureConnect', () => settle(null, secure));
            });
            connect.once('error', (err) => settle(err));
            connect.end();
            return undefined;
        }
    }
    return new TunnelAgent({ keepAlive: true, ca, rejectUnauthorized: true });
}

;// CONCATENATED MODULE: ./src/http/connection.ts


async function connectionFor(baseUrl, proxy, extraCa) {
    const secure = new URL(baseUrl).protocol === 'https:';
    const { request, Agent } = secure ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
    const ca = extraCa ? await trustedWith(extraCa) : undefined;
    const agent = proxy ? await proxyAgent(proxy, secure, ca) : new Agent({ keepAlive: true, ca, rejectUnauthorized: true });
    return { request, agent };
}
async function trustedWith(extraCa) {
    const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23));
    const pems = [...rootCertificates, extraCa];
    const extraFile = process.env.NODE_EXTRA_CA_CERTS;
    if (extraFile) {
        try {
            pems.push((0,external_node_fs_namespaceObject.readFileSync)(extraFile, 'utf8'));
        }
        catch {
        }
    }
    return pems.map((pem) => Buffer.from(pem));
}

;// CONCATENATED MODULE: ./src/http/bearer-token-auth.ts
class BearerTokenAuth {
    token;
    constructor(token, log) {
        this.token = token;
        log.secret(token);
    }
    exclusive(send) {
        return send();
    }
    async header() {
        return `Bearer ${this.token}`;
    }
    renegotiate() {
        return false;
    }
    async prepare() { }
}

;// CONCATENATED MODULE: ./src/http/digest-auth.ts

const HASHES = { MD5: 'md5', 'SHA-256': 'sha256' };
function parseChallenge(header) {
    if (!header || !/^Digest\s/i.test(header))
        return undefined;
    const params = {};
    for (const m of header.slice(7).matchAll(/([a-zA-Z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    if (params.realm === undefined || !params.nonce)
        return undefined;
    const algorithm = (params.algorithm ?? 'MD5').toUpperCase();
    if (!HASHES[algorithm.replace(/-SESS$/, '')])
        return undefined;
    return {
        realm: params.realm,
        nonce: params.nonce,
        opaque: params.opaque,
        algorithm,
        qopAuth: (params.qop ?? '').split(',').some((q) => q.trim().toLowerCase() === 'auth'),
        stale: (params.stale ?? '').toLowerCase() === 'true',
    };
}
function digestHeader(c, credentials, request) {
    const hash = (text) => lazy_crypto_crypto()
        .createHash(HASHES[c.algorithm.replace(/-SESS$/, '')])
        .update(text, 'utf8')
        .digest('hex');
    const nc = request.nc.toString(16).padStart(8, '0');
    let ha1 = hash(`${credentials.username}:${c.realm}:${credentials.password}`);
    if (c.algorithm.endsWith('-SESS'))
        ha1 = hash(`${ha1}:${c.nonce}:${request.cnonce}`);
    const ha2 = hash(`${request.method}:${request.uri}`);
    const response = c.qopAuth ? hash(`${ha1}:${c.nonce}:${nc}:${request.cnonce}:auth:${ha2}`) : hash(`${ha1}:${c.nonce}:${ha2}`);
    const quote = (value) => `"${value.replace(/(["\\])/g, '\\$1')}"`;
    const fields = [
        `username=${quote(credentials.username)}`,
        `realm=${quote(c.realm)}`,
        `nonce=${quote(c.nonce)}`,
        `uri=${quote(request.uri)}`,
    ];
    if (c.qopAuth)
        fields.push('qop=auth', `nc=${nc}`, `cnonce=${quote(request.cnonce)}`);
    fields.push(`response=${quote(response)}`, `algorithm=${c.algorithm}`);
    if (c.opaque !== undefined)
        fields.push(`opaque=${quote(c.opaque)}`);
    return `Digest ${fields.join(', ')}`;
}
class DigestAuth {
    publicKey;
    privateKey;
    challenge;
    nc = 0;
    queue = Promise.resolve();
    constructor(publicKey, privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }
    exclusive(send) {
        const run = this.queue.then(send, send);
        this.queue = run.catch(() => undefined);
        return run;
    }
    async header(method, url) {
        if (!this.challenge)
            return undefined;
        this.nc += 1;
        const { pathname, search } = new URL(url);
        const cnonce = lazy_crypto_crypto().randomBytes(16).toString('hex');
        return digestHeader(this.challenge, { username: this.publicKey, password: this.privateKey }, { method, uri: pathname + search, nc: this.nc, cnonce });
    }
    prepare(probe) {
        return this.exclusive(async () => {
            if (this.challenge)
                return;
            const reply = await probe();
            this.renegotiate(reply.headers.get('www-authenticate'), false);
        });
    }
    renegotiate(header, sentHeader) {
        const challenge = parseChallenge(header);
        if (!challenge)
            return false;
        if (sentHeader && this.nc === 1 && !challenge.stale) {
            this.challenge = undefined;
            return false;
        }
        this.challenge = challenge;
        this.nc = 0;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/http/proxy-config.ts

function proxyFor(target, env) {
    if (bypassesProxy(target, env))
        return undefined;
    const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const variable = names.find((n) => env[n]);
    if (!variable)
        return undefined;
    const raw = env[variable];
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    }
    catch {
        throw new ConfigError(`${variable} is not a valid proxy URL (expected http://host:port or http://user:password@host:port; the value is not shown).`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConfigError(`${variable} must be an http:// or https:// proxy URL; got the scheme ${url.protocol.slice(0, 16)}`);
    }
    if (!url.username && !url.password)
        return { url, variable, secrets: [] };
    const user = decode(url.username);
    const password = decode(url.password);
    if (user === undefined || password === undefined) {
        throw new ConfigError(`${variable} holds a user name or password that is not valid percent-encoding: every % must start an escape such as %40, ` +
            'and a literal % is written %25. The credentials are not shown.');
    }
    const basic = Buffer.from(`${user}:${password}`).toString('base64');
    return {
        url,
        variable,
        authorization: `Basic ${basic}`,
        secrets: [password, url.password, basic].filter((s) => s.length > 0),
    };
}
function bypassesProxy(target, env) {
    const host = target.hostname.toUpperCase();
    if (!host)
        return false;
    if (host === 'LOCALHOST' || host.startsWith('127.') || host.startsWith('[::1]') || host.startsWith('[0:0:0:0:0:0:0:1]'))
        return true;
    const noProxy = env.no_proxy || env.NO_PROXY || '';
    const port = target.port ? Number(target.port) : target.protocol === 'http:' ? 80 : target.protocol === 'https:' ? 443 : undefined;
    const names = port === undefined ? [host] : [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean)
        .some((item) => item === '*' || names.some((n) => n === item || n.endsWith(`.${item}`) || (item.startsWith('.') && n.endsWith(item))));
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/http/exchange.ts
class AttemptTimeout extends Error {
    phase;
    ms;
    limit;
    name = 'TimeoutError';
    constructor(phase, ms, limit) {
        super(`no answer within ${ms} ms while ${phase}`);
        this.phase = phase;
        this.ms = ms;
        this.limit = limit;
    }
}
const MAX_BODY_BYTES = 8 << 20;
function exchange(request, connection, ms, limit) {
    return new Promise((resolve, reject) => {
        const abort = new AbortController();
        const secure = request.url.startsWith('https:');
        let phase = 'connecting';
        let settled = false;
        const finish = (err, reply) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (err)
                reject(err);
            else
                resolve(reply);
        };
        const hooks = { attemptSignal: abort.signal, onPhase: (p) => (phase = p) };
        const req = connection.request(request.url, { method: request.method, headers: request.headers, agent: connection.agent, ...hooks }, (res) => {
            phase = 'reading the answer';
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_BODY_BYTES)
                    req.destroy(Object.assign(new Error(`the answer is larger than ${MAX_BODY_BYTES >> 20} MiB`), { code: 'EBODYTOOLARGE' }));
                else
                    chunks.push(chunk);
            });
            res.on('error', (err) => finish(err));
            res.on('end', () => finish(undefined, {
                status: res.statusCode ?? 0,
                headers: replyHeaders(res.headers),
                contentType: String(res.headers['content-type'] ?? ''),
                text: Buffer.concat(chunks).toString('utf8'),
            }));
        });
        req.on('socket', (socket) => {
            if (!socket.connecting) {
                phase = 'waiting for the answer';
                return;
            }
            socket.once('connect', () => (phase = secure ? 'the TLS handshake' : 'waiting for the answer'));
            socket.once('secureConnect', () => (phase = 'waiting for the answer'));
        });
        req.on('error', (err) => finish(err));
        const timer = setTimeout(() => {
            const err = new AttemptTimeout(phase, ms, limit);
            abort.abort(err);
            req.destroy(err);
            finish(err);
        }, ms);
        req.end(request.body);
    });
}
function replyHeaders(raw) {
    return {
        get: (name) => {
            const value = raw[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
    };
}

;// CONCATENATED MODULE: ./src/http/network-errors.ts

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const TLS_CODES = {
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the certificate chain',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get the local issuer certificate',
    CERT_HAS_EXPIRED: 'certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
};
function causes(err) {
    const chain = [];
    let current = err;
    for (let i = 0; current && typeof current === 'object' && i < 5; i += 1) {
        chain.push(current);
        current = current.cause;
    }
    return chain;
}
function code(err) {
    return causes(err).find((e) => typeof e.code === 'string')?.code;
}
function neverArrived(err) {
    if (err instanceof AttemptTimeout)
        return err.phase === 'connecting' || err.phase.includes('CONNECT') || err.phase.includes('TLS handshake');
    return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EPROXY'].includes(code(err) ?? '');
}
function isRetryableNetworkError(err) {
    if (err instanceof AttemptTimeout)
        return err.limit === 'request-timeout';
    const c = code(err);
    if (c)
        return RETRYABLE_CODES.has(c);
    return causes(err).some((e) => /socket hang up|other side closed/i.test(e.message ?? ''));
}
function describeNetworkError(err, url) {
    const host = url.host;
    if (err instanceof AttemptTimeout) {
        return {
            text: `no answer from ${host} within ${err.ms / 1000} s (request-timeout) while ${err.phase}`,
            hint: err.phase.includes('proxy')
                ? 'the proxy did not complete the tunnel in time: check HTTPS_PROXY and NO_PROXY, or raise request-timeout'
                : 'raise request-timeout, or check the network path (firewall, proxy) from the runner to that host',
        };
    }
    const c = code(err);
    if (c && TLS_CODES[c]) {
        return {
            text: `TLS connection to ${host} refused: ${TLS_CODES[c]} (${c})`,
            hint: 'if the server uses a certificate from a private CA, pass that CA in source-ca-certificate (Ops Manager), or point ' +
                'NODE_EXTRA_CA_CERTS at it on the runner (also for a TLS-intercepting proxy); TLS verification is never turned off',
        };
    }
    const proxy = causes(err).find((e) => e.code === 'EPROXY');
    if (proxy) {
        return {
            text: `${proxy.message ?? 'the proxy refused the tunnel'} (EPROXY)`,
            hint: /\b407\b/.test(proxy.message ?? '')
                ? 'check the user name and password in HTTPS_PROXY (percent-encoded)'
                : 'check HTTPS_PROXY, and NO_PROXY for hosts the runner reaches directly',
        };
    }
    switch (c) {
        case 'ENOTFOUND':
            return {
                text: `the host name ${url.hostname} does not resolve (ENOTFOUND)`,
                hint: 'check the base URL; if the runner reaches that host through a proxy, set HTTPS_PROXY',
            };
        case 'EAI_AGAIN':
            return { text: `the name server did not answer for ${url.hostname} (EAI_AGAIN)`, hint: 'a DNS problem on the runner; re-run later' };
        case 'ECONNREFUSED':
            return {
                text: `connection to ${host} refused (ECONNREFUSED)`,
                hint: 'check the base URL and port, and that the server is up and reachable from the runner',
            };
        case 'ECONNRESET':
            return {
                text: `connection to ${host} was reset (ECONNRESET)`,
                hint: 'a proxy or firewall between the runner and that host may be closing it',
            };
        case 'EBODYTOOLARGE':
            return { text: `the answer from ${host} is too large (${causes(err)[0].message})` };
    }
    const last = causes(err).at(-1);
    const message = (last?.message ?? String(err)).split('\n')[0];
    return { text: `request to ${host} failed: ${message}${c ? ` (${c})` : ''}` };
}

;// CONCATENATED MODULE: ./src/http/rate-limit.ts
function rateLimitOf(reply, now) {
    if (reply.status !== 403 && reply.status !== 429)
        return undefined;
    const retryAfter = reply.headers.get('retry-after')?.trim();
    if (retryAfter && /^\d{1,9}$/.test(retryAfter))
        return { seconds: Number(retryAfter), what: `retry-after ${retryAfter} s` };
    if (reply.headers.get('x-ratelimit-remaining')?.trim() !== '0')
        return undefined;
    const reset = reply.headers.get('x-ratelimit-reset')?.trim() ?? '';
    if (!/^\d{1,12}$/.test(reset))
        return { seconds: 60, what: 'x-ratelimit-remaining 0' };
    const seconds = Math.max(0, Number(reset) - Math.floor(now / 1000));
    return { seconds, what: `x-ratelimit-remaining 0 until ${new Date(Number(reset) * 1000).toISOString()}` };
}

;// CONCATENATED MODULE: ./src/http/retry.ts


const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_RETRY_AFTER_SECONDS = 60;
class RetryPolicy {
    maxRetries;
    random;
    constructor(maxRetries, random = Math.random) {
        this.maxRetries = maxRetries;
        this.random = random;
    }
    afterReply(attempt, reply, now, repeatable = true) {
        const limit = rateLimitOf(reply, now);
        if (limit && attempt > this.maxRetries)
            return { retry: false, hint: `the API rate limit was hit (${limit.what}); re-run later` };
        if ((!RETRYABLE_STATUS.has(reply.status) && !limit) || attempt > this.maxRetries)
            return { retry: false };
        if (!repeatable && reply.status !== 429 && !limit)
            return { retry: false };
        const retryAfter = limit?.seconds ?? parseRetryAfter(reply.headers.get('retry-after'), now);
        if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS) {
            return {
                retry: false,
                hint: `the server asks to wait ${retryAfter} s before retrying, more than the ${MAX_RETRY_AFTER_SECONDS} s this action waits; re-run later`,
            };
        }
        return {
            retry: true,
            waitMs: retryAfter !== undefined ? retryAfter * 1000 + Math.round(this.random() * 250) : this.backoffMs(attempt),
        };
    }
    afterNetworkError(attempt, err, repeatable = true) {
        if (attempt > this.maxRetries || !isRetryableNetworkError(err))
            return { retry: false };
        if (!repeatable && !neverArrived(err))
            return { retry: false };
        return { retry: true, waitMs: this.backoffMs(attempt) };
    }
    backoffMs(attempt) {
        const ceiling = Math.min(30_000, 1000 * 2 ** (attempt - 1));
        return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    }
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, Math.ceil((date - now) / 1000));
}

;// CONCATENATED MODULE: ./src/http/service-account-auth.ts

const RENEW_BEFORE_MS = 5 * 60_000;
const DEFAULT_LIFETIME_S = 3600;
class ServiceAccountAuth {
    transport;
    clock;
    log;
    token;
    basic;
    constructor(transport, clientId, clientSecret, clock, log) {
        this.transport = transport;
        this.clock = clock;
        this.log = log;
        const encoded = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
        log.secret(encoded);
        this.basic = `Basic ${encoded}`;
    }
    exclusive(send) {
        return send();
    }
    async header() {
        return `Bearer ${(await this.current()).value}`;
    }
    renegotiate() {
        return false;
    }
    async prepare() {
        await this.current();
    }
    async revoke() {
        const pending = this.token;
        this.token = undefined;
        if (!pending)
            return false;
        let token;
        try {
            token = await pending;
        }
        catch {
            return false;
        }
        return this.revokeToken(token.value);
    }
    async current() {
        this.token ??= this.fetch();
        const pending = this.token;
        const token = await pending;
        if (this.clock.now() < token.renewAt)
            return token;
        if (this.token === pending)
            this.token = this.renew(token);
        return this.token;
    }
    async renew(old) {
        const fresh = await this.fetch();
        this.log.info('Renewed the service account access token before it expired, and revoked the old one.');
        await this.revokeToken(old.value);
        return fresh;
    }
    async fetch() {
        const issued = await this.transport.call(oauthToken, {
            form: { grant_type: 'client_credentials' },
            headers: { Authorization: this.basic },
        });
        this.log.secret(issued.access_token);
        const lifetimeMs = (issued.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
        const renewAt = lifetimeMs > 0 ? this.clock.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2) : Infinity;
        return { value: issued.access_token, renewAt };
    }
    async revokeToken(value) {
        try {
            await this.transport.call(oauthRevoke, {
                form: { token: value, token_type_hint: 'access_token' },
                headers: { Authorization: this.basic },
            });
            return true;
        }
        catch (err) {
            this.log.annotate('warning', `Could not revoke the service account access token: ${this.log.describe(err)}`);
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/http/problem.ts
const problem_HINTS = {
    401: 'check the public and private key, and that the runner’s IP address is on the API key’s access list',
    403: 'the API key needs the Organization Owner role in this organization (or the organization requires an IP access list for API keys)',
    404: 'check the organization or project id, and that the API key belongs to that organization',
    409: 'the request conflicts with the current state (a live migration in progress?); see the detail',
    429: 'the API rate limit was hit; wait and re-run, or run less often',
};
function hintFor(status, own) {
    return own?.[status] ?? problem_HINTS[status];
}
function readProblem(reply) {
    if (!isJson(reply))
        return {};
    let body;
    try {
        body = JSON.parse(reply.text);
    }
    catch {
        return {};
    }
    if (!body || typeof body !== 'object')
        return {};
    const b = body;
    const errorCode = typeof b.errorCode === 'string' ? b.errorCode : typeof b.error === 'string' ? b.error : undefined;
    let detail = [b.detail, b.error_description, b.message].find((d) => typeof d === 'string');
    const fields = b.badRequestDetail?.fields;
    if (Array.isArray(fields) && fields.length) {
        const list = fields
            .filter((f) => Boolean(f) && typeof f === 'object')
            .map((f) => `${String(f.field)}: ${String(f.description)}`)
            .join('; ');
        detail = detail ? `${detail} (${list})` : list;
    }
    return { errorCode, detail };
}
function isJson(reply) {
    return /[/+]json\b/i.test(reply.contentType);
}
function bodyShape(reply) {
    if (reply.text.length === 0)
        return 'an empty body';
    const type = reply.contentType
        .split(';')[0]
        .trim()
        .replace(/[^\w.+/-]/g, '')
        .slice(0, 60);
    const kind = type || 'untyped';
    return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} body (${reply.text.length} bytes, not shown)`;
}

;// CONCATENATED MODULE: ./src/http/transport.ts







const USER_AGENT = 'mongodb-live-migration-action/1';
function withoutBody(request) {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^content-/i.test(name)));
    return { method: 'GET', url: request.url, headers };
}
class Transport {
    options;
    proven = new Set();
    constructor(options) {
        this.options = options;
    }
    get side() {
        return this.options.side;
    }
    url(route, params = {}) {
        return `${this.options.baseUrl}${fillPath(route.path, { ...this.options.params, ...params })}`;
    }
    async call(route, args = {}) {
        const answer = await this.send(route, this.request(route, args));
        if (answer.status >= 200 && answer.status < 300)
            return this.read(route, answer);
        if (answer.status === 404 && route.absent)
            return this.prove(route, args, answer);
        const problem = this.problem(route, answer);
        if (route.ifLost !== undefined && answer.status >= 500)
            throw new ApiError({ ...problem, hint: route.ifLost, outcomeUnknown: true });
        throw new ApiError(problem);
    }
    async prepare(route) {
        const auth = this.options.auth;
        if (!auth)
            return;
        try {
            await auth.prepare(() => this.attempt(this.request(route, {}), undefined));
        }
        catch (err) {
            this.options.log.debug(`${sideLabel(this.side)}: preparing credentials failed (${this.options.log.describe(err)}).`);
        }
    }
    request(route, args) {
        const media = mediaType(route);
        const headers = {
            Accept: route.form ? 'application/json' : media,
            'User-Agent': USER_AGENT,
            ...versionHeaders(route),
            ...args.headers,
        };
        let body;
        if (args.form) {
            body = new URLSearchParams(args.form).toString();
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        else if (args.body !== undefined) {
            body = JSON.stringify(args.body);
            headers['Content-Type'] = bodyType(route);
        }
        if (body !== undefined)
            headers['Content-Length'] = String(Buffer.byteLength(body));
        return { method: route.method, url: this.url(route, args.params), headers, body };
    }
    async send(route, request) {
        const { retry, log, clock } = this.options;
        for (let attempt = 1;; attempt += 1) {
            let reply;
            try {
                reply = await this.authenticated(route, request);
            }
            catch (err) {
                if (err instanceof ApiError || err instanceof DeadlineError)
                    throw err;
                if (err instanceof AttemptTimeout && err.limit === 'budget')
                    throw this.options.budget.exceeded(`while ${err.phase} (${route.operation})`);
                const failure = describeNetworkError(err, new URL(request.url));
                const decision = retry.afterNetworkError(attempt, err, route.ifLost === undefined);
                if (!decision.retry) {
                    const lost = route.ifLost !== undefined && !neverArrived(err);
                    throw new ApiError({
                        side: this.side,
                        operation: route.operation,
                        attempts: attempt,
                        network: failure.text,
                        hint: lost ? route.ifLost : failure.hint,
                        outcomeUnknown: lost || undefined,
                    });
                }
                await this.pause(route, failure.text, decision.waitMs, attempt);
                continue;
            }
            const decision = retry.afterReply(attempt, reply, clock.now(), route.ifLost === undefined);
            if (!decision.retry)
                return { ...reply, attempts: attempt, hint: decision.hint };
            log.debug(`${sideLabel(this.side)}: ${route.operation}: HTTP ${reply.status} ${readProblem(reply).errorCode ?? ''}`);
            await this.pause(route, `HTTP ${reply.status}`, decision.waitMs, attempt);
        }
    }
    authenticated(route, request) {
        const auth = this.options.auth;
        if (!auth || route.form === true)
            return this.attempt(request, undefined);
        return auth.exclusive(async () => {
            let header = await auth.header(request.method, request.url);
            if (header === undefined && request.body !== undefined) {
                const probe = await this.attempt(withoutBody(request), undefined);
                if (probe.status === 401 && auth.renegotiate(probe.headers.get('www-authenticate'), false)) {
                    header = await auth.header(request.method, request.url);
                }
                if (header === undefined) {
                    if (probe.status >= 400)
                        return probe;
                    throw new ApiError({
                        side: this.side,
                        operation: route.operation,
                        attempts: 1,
                        malformed: `the server asked for no credentials (HTTP ${probe.status} to the challenge request), so the request and its body were not sent`,
                    });
                }
            }
            let reply = await this.attempt(request, header);
            if (reply.status === 401 && auth.renegotiate(reply.headers.get('www-authenticate'), header !== undefined)) {
                header = await auth.header(request.method, request.url);
                reply = await this.attempt(request, header);
            }
            return reply;
        });
    }
    async attempt(request, authorization) {
        const { budget, requestTimeoutMs, log, clock } = this.options;
        const left = budget.remainingMs();
        if (left <= 0)
            throw budget.exceeded(`before ${request.method} ${new URL(request.url).pathname}`);
        const ms = Math.min(requestTimeoutMs, left);
        const headers = authorization ? { ...request.headers, Authorization: authorization } : request.headers;
        const path = new URL(request.url).pathname;
        log.debug(`${sideLabel(this.side)}: ${request.method} ${request.url}`);
        const started = clock.now();
        const reply = await exchange({ ...request, headers }, await this.options.connection, ms, ms < requestTimeoutMs ? 'budget' : 'request-timeout');
        log.debug(`${sideLabel(this.side)}: ${request.method} ${path} answered ${reply.status} in ${clock.now() - started} ms`);
        return reply;
    }
    async pause(route, what, waitMs, attempt) {
        const { budget, clock, log, retry } = this.options;
        log.info(`${sideLabel(this.side)}: ${route.operation}: ${what}; retry ${attempt} of ${retry.maxRetries} in ${(waitMs / 1000).toFixed(1)} s.`);
        budget.ensure(waitMs, `before retry ${attempt} of ${retry.maxRetries} (${route.operation})`);
        await clock.sleep(waitMs);
    }
    read(route, answer) {
        if (route.reply === null)
            return null;
        const malformed = (text) => new ApiError({ side: this.side, operation: route.operation, attempts: answer.attempts, malformed: text });
        if (!isJson(answer) || answer.text.trim() === '') {
            throw malformed(`expected a JSON body but got HTTP ${answer.status} with ${bodyShape(answer)}`);
        }
        let value;
        try {
            value = JSON.parse(answer.text);
        }
        catch {
            throw malformed(`HTTP ${answer.status} with malformed JSON (${answer.text.length} bytes, not shown)`);
        }
        try {
            return route.reply(value, 'the answer');
        }
        catch (err) {
            if (err instanceof ShapeError)
                throw malformed(`HTTP ${answer.status} with a body of an unexpected form: ${err.message}`);
            throw err;
        }
    }
    async prove(route, args, answer) {
        const rule = route.absent;
        const proof = this.url(rule.proof, args.params);
        try {
            if (!this.proven.has(proof))
                await this.call(rule.proof, args);
            this.proven.add(proof);
        }
        catch (err) {
            if (!(err instanceof ApiError) || err.problem.status === undefined || err.problem.status < 400 || err.problem.status >= 500)
                throw err;
            const value = args.params?.[rule.param] ?? this.options.params[rule.param] ?? '';
            throw new ApiError({
                ...this.problem(route, answer),
                blame: { input: rule.input, value, what: rule.what, status: err.problem.status, errorCode: err.problem.errorCode },
                hint: rule.hint,
            });
        }
        this.options.log.debug(`${sideLabel(this.side)}: ${route.operation}: HTTP 404, and the ${rule.what} reads: nothing is there.`);
        return ABSENT;
    }
    problem(route, answer) {
        const { errorCode, detail } = readProblem(answer);
        return {
            side: this.side,
            operation: route.operation,
            attempts: answer.attempts,
            status: answer.status,
            errorCode,
            detail,
            body: errorCode || detail ? undefined : bodyShape(answer),
            hint: answer.hint ?? hintFor(answer.status, route.hints),
        };
    }
}

;// CONCATENATED MODULE: ./src/wiring.ts








function createWiring(settings, deps) {
    const { log, clock, budget } = deps;
    const retry = new RetryPolicy(settings.maxRetries, deps.random);
    const connections = new Map();
    const connectionOf = (side, baseUrl, caCertificate) => {
        let connection = connections.get(side);
        if (!connection) {
            const proxy = proxyFor(new URL(baseUrl), deps.env);
            for (const secret of proxy?.secrets ?? [])
                log.secret(secret);
            connection = connectionFor(baseUrl, proxy, caCertificate);
            connections.set(side, connection);
        }
        return connection;
    };
    const transport = (side, auth, caCertificate) => {
        const { baseUrl, params } = endpointOf(settings, side);
        const connection = connectionOf(side, baseUrl, caCertificate);
        return new Transport({
            side,
            baseUrl,
            params,
            connection,
            auth,
            requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
            retry,
            budget,
            clock,
            log,
        });
    };
    const transports = {};
    const { source, atlas } = settings;
    if (source.credentials)
        transports.source = transport('source', new DigestAuth(source.credentials.publicKey, source.credentials.privateKey), source.caCertificate);
    let serviceAccount;
    if (atlas.credentials?.kind === 'api-key') {
        transports.atlas = transport('atlas', new DigestAuth(atlas.credentials.publicKey, atlas.credentials.privateKey));
    }
    else if (atlas.credentials?.kind === 'service-account') {
        serviceAccount = new ServiceAccountAuth(transport('atlas'), atlas.credentials.clientId, atlas.credentials.clientSecret, clock, log);
        transports.atlas = transport('atlas', serviceAccount);
    }
    if (settings.github)
        transports.github = transport('github', new BearerTokenAuth(settings.github.token, log));
    const sideOf = (side) => {
        const t = transports[side];
        if (!t)
            throw new Error(`no ${side} credentials for this call`);
        return t;
    };
    return {
        api: {
            call: ((route, args) => sideOf(route.side).call(route, args)),
            prepare: (side, probe) => sideOf(side).prepare(probe),
        },
        async close() {
            if (serviceAccount && (await serviceAccount.revoke()))
                log.info('Revoked the service account access token.');
            for (const connection of await Promise.allSettled(connections.values())) {
                if (connection.status === 'fulfilled')
                    connection.value.agent.destroy();
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/main.ts











async function main() {
    await run();
    exitWhenFlushed();
}
async function run(deps = {}) {
    const io = deps.io ?? processIO;
    const runner = new Runner(io);
    const clock = deps.clock ?? systemClock;
    const log = new RunnerLog(runner);
    const outputs = new Outputs(runner, log);
    let wiring;
    let ending = {};
    try {
        const read = (name) => runner.input(name);
        const secrets = secretInputs(read);
        for (const secret of secrets.values)
            log.secret(secret);
        if (secrets.linkToken)
            log.linkToken(secrets.linkToken);
        const { settings, notes } = readSettings(read);
        const command = COMMAND_DEFINITIONS[settings.command];
        ending = { settings, command };
        for (const note of notes)
            log.annotate(note.level, note.message, note.title);
        if (io.env.NODE_TLS_REJECT_UNAUTHORIZED === '0')
            warnTlsOverride(log);
        const waitSeconds = command.waitSeconds(settings);
        const marginSeconds = (settings.maxRetries + 1) * (settings.requestTimeoutSeconds + 60);
        const budget = new Budget(clock, waitSeconds + marginSeconds, `${waitSeconds} s of waiting + ${marginSeconds} s for requests and retries`);
        wiring = createWiring(settings, { log, clock, budget, random: deps.random ?? Math.random, env: io.env });
        if (settings.dryRun) {
            ending.plan = planLines(planOf(command, settings));
            log.info(`Dry run of '${settings.command}': nothing is sent. Its steps, and the calls each would make:`);
            for (const line of ending.plan)
                log.info(`  ${line}`);
            outputs.set('changed', 'false');
        }
        else {
            ending.report = await runSteps(command, settings, {
                api: wiring.api,
                log,
                clock,
                budget,
                output: (name, value) => outputs.set(name, value),
            });
            ending.error = ending.report.error;
        }
    }
    catch (err) {
        ending.error = err;
    }
    if (ending.error !== undefined)
        reportFailure(ending.error, log, runner);
    try {
        await wiring?.close();
    }
    catch (err) {
        log.annotate('warning', `Closing the connections failed: ${log.describe(err)}`);
    }
    if (ending.report && ending.command && ending.settings) {
        outputs.setAll(ending.command.outputs(ending.report.state, ending.settings));
    }
    else if (!ending.plan) {
        outputs.set('changed', 'false');
    }
    writeSummary(ending, log, runner);
}
function reportFailure(err, log, runner) {
    if (err instanceof InputError) {
        for (const p of err.problems)
            log.annotate('error', `Input '${p.input}': ${p.message}`, `Input '${p.input}'`);
    }
    else {
        if (!isExpectedError(err))
            log.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
        log.annotate('error', log.describe(err), errorTitle(err));
    }
    runner.fail();
}
function errorTitle(err) {
    return err instanceof ApiError ? `${sideLabel(err.problem.side)}: ${err.problem.operation}` : undefined;
}
function warnTlsOverride(log) {
    log.annotate('warning', 'NODE_TLS_REJECT_UNAUTHORIZED=0 is set on this runner. This action verifies TLS certificates regardless; to trust a private CA, ' +
        'use source-ca-certificate or NODE_EXTRA_CA_CERTS instead.', 'TLS verification stays on');
}
function writeSummary(ending, log, runner) {
    const { settings, command, report, error } = ending;
    const state = report?.state;
    const content = {
        title: command?.title ?? 'MongoDB live migration',
        failed: error !== undefined,
        outcome: error !== undefined
            ? `Failed: ${error instanceof InputError ? 'invalid inputs; nothing was sent' : log.describe(error)}`
            : ending.plan
                ? 'Dry run: inputs are valid; nothing was sent.'
                : command && settings && state !== undefined
                    ? command.outcome(state, settings)
                    : 'Done.',
        facts: [
            ['Command', `${settings?.command ?? '—'}${ending.plan ? ' (dry run)' : ''}`],
            ...(command && settings && state !== undefined ? command.facts(state, settings) : []),
        ],
        steps: report?.steps ?? [],
        tables: command?.tables && settings && state !== undefined ? command.tables(state, settings) : [],
        next: error instanceof InputError
            ? inputProblems(error)
            : command && settings && state !== undefined
                ? command.next(state, settings, error)
                : error !== undefined
                    ? ['Fix the error above and re-run.']
                    : [],
        plan: ending.plan,
    };
    if (!runner.appendSummary(renderSummary(content, log)))
        log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
}
function inputProblems(error) {
    return error.problems.map((p) => `Input '${p.input}': ${p.message}`);
}

;// CONCATENATED MODULE: ./src/index.ts

void main();

module.exports = __webpack_exports__;
/******/ })()
;