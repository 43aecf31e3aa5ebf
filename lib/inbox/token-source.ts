import type { SdkClientOptions } from '@/lib/twilio/sdk-options';

export type TokenGrant = { token: string; identity: string; expiresAt: string; sdkOptions: SdkClientOptions };

/** The app session is gone (or the user was disabled): the inbox must send the agent to /login. */
export class SessionExpiredError extends Error {
  constructor() {
    super('Your session has ended. Sign in again.');
  }
}

export async function fetchToken(): Promise<TokenGrant> {
  const response = await fetch('/api/token', { cache: 'no-store' });
  if (response.status === 401) throw new SessionExpiredError();
  if (!response.ok) throw new Error(`Could not get a Conversations token (${response.status}).`);
  return (await response.json()) as TokenGrant;
}
