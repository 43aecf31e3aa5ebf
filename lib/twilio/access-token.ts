import 'server-only';
import twilio from 'twilio';
import { getConversationServiceSid } from './conversation-service';
import { readTwilioEnv } from './twilio-env';

// Short: a token cannot be revoked, so its lifetime bounds what a stolen one can do; browsers refresh it.
export const DEFAULT_TOKEN_TTL_SECONDS = 900;

export type ConversationsToken = { token: string; identity: string; expiresAt: string };

/** A Conversations access token for one identity — only ever the caller's own (see /api/token). */
export async function createConversationsToken({ identity, ttlSeconds }: { identity: string; ttlSeconds: number }): Promise<ConversationsToken> {
  const env = readTwilioEnv();
  const serviceSid = await getConversationServiceSid();
  const accessToken = new twilio.jwt.AccessToken(env.accountSid, env.apiKey, env.apiSecret, { identity, ttl: ttlSeconds });
  accessToken.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid }));
  return { token: accessToken.toJwt(), identity, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
}

export function tokenTtlSeconds(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const ttl = Number(env.TWILIO_TOKEN_TTL_SECONDS ?? DEFAULT_TOKEN_TTL_SECONDS);
  // Twilio accepts up to 24 h; below a minute the SDK would spend its life refreshing.
  return Number.isInteger(ttl) && ttl >= 10 && ttl <= 86_400 ? ttl : DEFAULT_TOKEN_TTL_SECONDS;
}
