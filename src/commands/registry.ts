import { campaign } from './campaign.js';
import type { Command } from './command.js';
import { cutover } from './cutover.js';
import { link } from './link.js';
import { migrate } from './migrate.js';
import { migrationStatus } from './migration-status.js';
import { status } from './status.js';
import { unlink } from './unlink.js';
import { validate } from './validate.js';

/** Every command, in the order the README and action.yml list them. A new command is one file and one line here. */
export const COMMANDS: ReadonlyArray<Command<unknown>> = [link, status, unlink, validate, migrate, migrationStatus, cutover, campaign];
