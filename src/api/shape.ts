/**
 * Small schemas for the answers the action reads: each checks a value and returns it typed, or
 * throws ShapeError naming where and what was expected. A message never holds the value itself
 * (it came from a server), only its kind.
 */
export type Shape<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Shape<infer T> ? T : never;

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly got: string,
  ) {
    super(`${path} should be ${expected} but is ${got}`);
    this.name = 'ShapeError';
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export const string: Shape<string> = (value, path) => {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string', kindOf(value));
  return value;
};

export const number: Shape<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number', kindOf(value));
  return value;
};

export const boolean: Shape<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'true or false', kindOf(value));
  return value;
};

export function matching(pattern: RegExp, description: string): Shape<string> {
  return (value, path) => {
    const text = string(value, path);
    if (!pattern.test(text)) throw new ShapeError(path, description, kindOf(value));
    return text;
  };
}

/** Absent and null are the same here: MongoDB sends either for "not set". */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : shape(value, path));
}

/** Absent or null reads as `fallback` (a list MongoDB leaves out when it is empty). */
export function orElse<T>(shape: Shape<T>, fallback: () => T): Shape<T> {
  return (value, path) => (value === undefined || value === null ? fallback() : shape(value, path));
}

/** Fields not named are ignored (MongoDB adds fields over time). */
export function object<F extends Record<string, Shape<unknown>>>(fields: F): Shape<{ [K in keyof F]: Infer<F[K]> }> {
  return (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(path, 'an object', kindOf(value));
    const out: Record<string, unknown> = {};
    for (const [key, shape] of Object.entries(fields)) out[key] = shape((value as Record<string, unknown>)[key], `${path}.${key}`);
    return out as { [K in keyof F]: Infer<F[K]> };
  };
}

export function array<T>(item: Shape<T>): Shape<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ShapeError(path, 'an array', kindOf(value));
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

export interface Lenient<T> {
  items: T[];
  /** Entries left out, with why. */
  skipped: ShapeError[];
}

/** An array whose malformed entries are left out (and reported) instead of failing the whole answer. */
export function lenientArray<T>(item: Shape<T>): Shape<Lenient<T>> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ShapeError(path, 'an array', kindOf(value));
    const result: Lenient<T> = { items: [], skipped: [] };
    value.forEach((v, i) => {
      try {
        result.items.push(item(v, `${path}[${i}]`));
      } catch (err) {
        if (!(err instanceof ShapeError)) throw err;
        result.skipped.push(err);
      }
    });
    return result;
  };
}

/** Accepts `value` or a one-element array of it (the v1.0 link-token example is an array). */
export function oneOrSingleton<T>(shape: Shape<T>): Shape<T> {
  return (value, path) => (Array.isArray(value) && value.length === 1 ? shape(value[0], `${path}[0]`) : shape(value, path));
}
