import { getTwilioClient } from './rest-client';
import { readTwilioEnv } from './twilio-env';

let cached: { sid: string; at: number } | undefined;
const TTL_MS = 60_000;

/**
 * The Conversation Service the app works in. Live: from configuration. Emulator: the account's
 * default service, read from /v1/Configuration (it is created by the emulator and changes when
 * its state is reset), cached briefly.
 */
export async function getConversationServiceSid(): Promise<string> {
  const env = readTwilioEnv();
  if (env.mode === 'live') return env.serviceSid;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.sid;
  const configuration = await getTwilioClient().conversations.v1.configuration().fetch();
  cached = { sid: configuration.defaultChatServiceSid, at: Date.now() };
  return cached.sid;
}

export async function conversationService() {
  return getTwilioClient().conversations.v1.services(await getConversationServiceSid());
}
