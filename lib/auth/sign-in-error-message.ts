import { SIGN_IN_ERROR_CODES } from './sign-in-error-codes';

/** Turns next-auth's `error` string from a failed credentials sign-in into words for people. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error?.startsWith(`${SIGN_IN_ERROR_CODES.throttled}:`)) {
    const seconds = Number(error.split(':')[1]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    return `Too many failed attempts. Try again in ${wait}.`;
  }
  if (error === SIGN_IN_ERROR_CODES.disabled) return 'This account is disabled. Ask an admin to enable it.';
  return 'Wrong email or password.';
}
