/**
 * A failure the user can act on: its Vietnamese message is printed as is, with no stack.
 * exitCode follows the contract: 1 findings or a failed build, 2 the tool could not run.
 */
export class UserError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
