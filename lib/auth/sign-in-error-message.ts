import { SIGN_IN_ERROR_CODES } from './sign-in-error-codes';

/** Turns next-auth's `error` string from a failed credentials sign-in into words for people. */
export function signInErrorMessage(error: string | null | undefined): string {
  switch (error) {
    case SIGN_IN_ERROR_CODES.throttled:
      return 'Too many failed attempts. Wait a few minutes, then try again.';
    case SIGN_IN_ERROR_CODES.disabled:
      return 'This account is disabled. Ask an admin to enable it.';
    case SIGN_IN_ERROR_CODES.unavailable:
      return 'Signing in is not possible right now. Try again in a moment.';
    default:
      return 'Wrong email or password.';
  }
}
