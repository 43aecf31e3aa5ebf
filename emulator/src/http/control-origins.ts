/**
 * Which web pages may call the control API (`/emulator/v1/…`): it has no credentials, so a page
 * on any other origin could otherwise text as a customer or read a phone's messages. Requests
 * without an `Origin` (curl, tests, the app's server) are not from a web page and pass; `*`
 * allows every origin.
 */
export type ControlOrigins = readonly string[];

export const isAllowedControlOrigin = (allowed: ControlOrigins, origin: string | undefined): boolean =>
  origin === undefined || allowed.includes('*') || allowed.includes(origin);

/** `http://localhost:3000, https://app.example.com` → origins (paths dropped, `*` kept). */
export const parseControlOrigins = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => (entry === '*' ? entry : new URL(entry).origin));
