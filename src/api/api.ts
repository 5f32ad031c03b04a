import type { Absent, CallArgs } from '../http/transport.js';
import type { AbsentRoute, Route, Side } from './route.js';

/** MongoDB's two services, as commands see them: routes in, typed answers (or ABSENT) out. */
export interface Api {
  call<T>(route: AbsentRoute<T>, args?: CallArgs): Promise<T | Absent>;
  call<T>(route: Route<T>, args?: CallArgs): Promise<T>;
  /** Gets a side's credentials ready early (see Transport.prepare); never fails. */
  prepare(side: Side, probe: Route): Promise<void>;
}
