import type { Route, Side } from '../api/route.js';
import { ShapeError } from '../api/shape.js';
import { apiError, type Answer } from './failure.js';
import { bodyShape, isJson } from './problem.js';

/** A 2xx answer read as the route declares it: JSON of the route's shape, or nothing when it expects none. */
export function readReply<T>(side: Side, route: Route<T>, answer: Answer): T {
  if (route.reply === null) return null as T;
  const malformed = (text: string) => apiError(side, route, { attempts: answer.attempts, malformed: text });
  if (!isJson(answer) || answer.text.trim() === '') {
    throw malformed(`expected a JSON body but got HTTP ${answer.status} with ${bodyShape(answer)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(answer.text);
  } catch {
    throw malformed(`HTTP ${answer.status} with malformed JSON (${answer.text.length} bytes, not shown)`);
  }
  try {
    return route.reply(value, 'the answer');
  } catch (err) {
    if (err instanceof ShapeError) throw malformed(`HTTP ${answer.status} with a body of an unexpected form: ${err.message}`);
    throw err;
  }
}
