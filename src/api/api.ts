import type { AbsentRoute, Params, Route, Side } from './route.js';

export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

export interface CallArgs {
  /** Placeholders beyond, or instead of, the side's own (`orgId`, `groupId`): `validationId`, a new migration's id. */
  params?: Params;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** MongoDB's two services, as commands see them: routes in, typed answers (or ABSENT) out. */
export interface Api {
  call<T>(route: AbsentRoute<T>, args?: CallArgs): Promise<T | Absent>;
  call<T>(route: Route<T>, args?: CallArgs): Promise<T>;
  /** Gets a side's credentials ready early (see Transport.prepare); never fails. */
  prepare(side: Side, probe: Route): Promise<void>;
}
