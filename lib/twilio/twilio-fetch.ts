import 'server-only';
import { toEmulatorUrl } from 'conversations-emulator/client';
import { readTwilioEnv } from './twilio-env';

/**
 * Fetches a Twilio URL with the server's credentials (its API key, as HTTP Basic), leaving the answer
 * as a stream: for what the `twilio` helper does not cover, such as media content. In emulator mode the
 * URL goes to the emulator by the same rule as the helper's requests.
 */
export async function twilioFetch(url: string): Promise<Response> {
  const env = readTwilioEnv();
  const target = env.mode === 'emulator' ? toEmulatorUrl(url, env.emulatorUrl) : url;
  const credentials = Buffer.from(`${env.apiKey}:${env.apiSecret}`).toString('base64');
  return fetch(target, { headers: { authorization: `Basic ${credentials}` }, cache: 'no-store' });
}
