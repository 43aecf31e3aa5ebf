import twilio from 'twilio';
import type { Credentials } from '../src/config';

export type TokenOptions = {
  /** Lifetime in seconds (default 3600); the SDK's `tokenAboutToExpire` fires before the end. */
  ttl?: number;
  /** The Conversation Service the grant names (default: the emulator's default service). */
  serviceSid?: string;
};

/**
 * A Conversations access token for the browser SDK, exactly as an app mints one for Twilio: a
 * `ChatGrant` for a service, signed with the account's API key and secret.
 */
export const mintAccessToken = (credentials: Credentials, identity: string, serviceSid: string, ttl = 3600): string => {
  const { AccessToken } = twilio.jwt;
  const token = new AccessToken(credentials.accountSid, credentials.apiKey, credentials.apiSecret, { identity, ttl });
  token.addGrant(new AccessToken.ChatGrant({ serviceSid }));
  return token.toJwt();
};
