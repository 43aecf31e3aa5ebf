import { readConfig } from 'conversations-emulator/client';
import { readTwilioEnv } from './twilio-env';

/**
 * The account's numbers agents may write from (E.164, `whatsapp:` for WhatsApp senders). Live:
 * TWILIO_NUMBERS (comma-separated). Emulator: the numbers the emulator owns, from the same
 * environment it was started with.
 */
export function listTwilioNumbers(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  if (readTwilioEnv(env).mode === 'emulator') return readConfig(env as NodeJS.ProcessEnv, []).numbers;
  return (env.TWILIO_NUMBERS ?? '')
    .split(',')
    .map((number) => number.trim())
    .filter(Boolean);
}
