import 'server-only';
import twilio from 'twilio';
import { EmulatorRequestClient } from 'conversations-emulator/client';
import { readTwilioEnv } from './twilio-env';
import { HELPER_AUTO_RETRY, withUpstreamRetries } from './upstream-retries';

const globalForTwilio = globalThis as unknown as { switchboardTwilio?: twilio.Twilio };

/**
 * The official `twilio` helper, pointed at the emulator in emulator mode, as is otherwise; in
 * both, 429s are retried by the helper itself and safe requests on 5xx by withUpstreamRetries.
 */
export function getTwilioClient(): twilio.Twilio {
  if (!globalForTwilio.switchboardTwilio) {
    const env = readTwilioEnv();
    const httpClient = withUpstreamRetries(env.mode === 'emulator' ? new EmulatorRequestClient(env.emulatorUrl, HELPER_AUTO_RETRY) : new twilio.RequestClient(HELPER_AUTO_RETRY));
    globalForTwilio.switchboardTwilio = twilio(env.apiKey, env.apiSecret, { accountSid: env.accountSid, httpClient });
  }
  return globalForTwilio.switchboardTwilio;
}
