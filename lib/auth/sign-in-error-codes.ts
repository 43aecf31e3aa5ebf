// Errors thrown from the credentials provider reach the login form as next-auth's `error`, in
// the URL: only these fixed codes ever go there, never an exception's text.
export const SIGN_IN_ERROR_CODES = {
  invalid: 'CredentialsSignin',
  disabled: 'AccountDisabled',
  throttled: 'Throttled',
  unavailable: 'SignInUnavailable',
} as const;
