import { visible } from './text/visible.js';

// A mark rather than instanceof: the command line and each command's bundle (dist/commands/*.cjs)
// hold their own copy of this class, and an error crosses from one to the other.
const USER_ERROR = Symbol.for('kehoach.UserError');

/**
 * A failure the user can act on: its Vietnamese message is printed as is, with no stack.
 * exitCode follows the contract: 1 findings or a failed build, 2 the tool could not run.
 */
export class UserError extends Error {
  readonly exitCode: 1 | 2;
  readonly [USER_ERROR] = true;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    // Messages quote paths, names and values the user gave: shown, never acted on by the terminal.
    super(visible(message));
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && (error as Partial<Record<typeof USER_ERROR, unknown>>)[USER_ERROR] === true;
}
