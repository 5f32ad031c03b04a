import type { CommandName } from '../settings.js';
import type { Command } from './command.js';
import { cutover } from './cutover.js';
import { link } from './link.js';
import { migrate } from './migrate.js';
import { migrationStatus } from './migration-status.js';
import { status } from './status.js';
import { unlink } from './unlink.js';
import { validate } from './validate.js';

export const COMMAND_DEFINITIONS: Record<CommandName, Command<unknown>> = {
  link,
  status,
  unlink,
  validate,
  migrate,
  'migration-status': migrationStatus,
  cutover,
};
