import * as core from '@actions/core';
import type { InputReader } from './fields.js';

/** The step's inputs as the runner passes them (`INPUT_<NAME>`), trimmed. */
export const actionInput: InputReader = (name) => core.getInput(name);
