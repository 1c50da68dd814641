import { visible } from './text/visible.js';

/**
 * A failure the user can act on: its Vietnamese message is printed as is, with no stack.
 * exitCode follows the contract: 1 findings or a failed build, 2 the tool could not run.
 */
export class UserError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    // Messages quote paths, names and values the user gave: shown, never acted on by the terminal.
    super(visible(message));
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
