import { vi } from 'vitest';
import type { Log } from '../../src/runner/log.js';

/** A Log for unit tests of logic that only calls it: records calls, prints nothing, changes no text. */
export const stubLog = (): Log =>
  ({
    debugEnabled: false,
    debug: vi.fn(),
    info: vi.fn(),
    annotate: vi.fn(),
    group: (_title: string, body: () => Promise<unknown>) => body(),
    secret: vi.fn(),
    linkToken: vi.fn(),
    safe: (text: string) => text,
    describe: (err: unknown) => String((err as Error).message),
  }) as unknown as Log;
