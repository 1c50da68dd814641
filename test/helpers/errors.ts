import { isUserError, type UserError } from '../../src/errors.js';

/** The UserError a promise rejects with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
