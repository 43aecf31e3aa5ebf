// Errors thrown from the credentials provider reach the login form as next-auth's `error`.
export const SIGN_IN_ERROR_CODES = { invalid: 'CredentialsSignin', disabled: 'AccountDisabled', throttled: 'Throttled' } as const;
