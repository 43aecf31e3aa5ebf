import 'server-only';
import twilio from 'twilio';
import { createTwilioClient } from 'conversations-emulator/client';
import { readTwilioEnv } from './twilio-env';

const globalForTwilio = globalThis as unknown as { switchboardTwilio?: twilio.Twilio };

/** The official `twilio` helper, pointed at the emulator in emulator mode, as is otherwise. */
export function getTwilioClient(): twilio.Twilio {
  if (!globalForTwilio.switchboardTwilio) {
    const env = readTwilioEnv();
    const credentials = { accountSid: env.accountSid, apiKey: env.apiKey, apiSecret: env.apiSecret };
    globalForTwilio.switchboardTwilio =
      env.mode === 'emulator'
        ? createTwilioClient(env.emulatorUrl, credentials)
        : twilio(env.apiKey, env.apiSecret, { accountSid: env.accountSid });
  }
  return globalForTwilio.switchboardTwilio;
}
