import 'server-only';
import { z } from 'zod';
import { DEFAULT_CREDENTIALS, DEFAULT_PORT } from 'conversations-emulator/client';

export type TwilioCredentials = { accountSid: string; apiKey: string; apiSecret: string; authToken: string };

export type TwilioEnv =
  | ({ mode: 'live'; serviceSid: string } & TwilioCredentials)
  | ({
      mode: 'emulator';
      /** Where the server reaches the emulator. */
      emulatorUrl: string;
      /** Where browsers reach it (the SDK's WebSocket and media); the same unless proxied. */
      emulatorPublicUrl: string;
    } & TwilioCredentials);

const ZLive = z.object({
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'TWILIO_ACCOUNT_SID must be AC + 32 hex digits'),
  TWILIO_API_KEY: z.string().regex(/^SK[0-9a-fA-F]{32}$/, 'TWILIO_API_KEY must be SK + 32 hex digits'),
  TWILIO_API_SECRET: z.string().min(1),
  TWILIO_CONVERSATIONS_SERVICE_SID: z.string().regex(/^IS[0-9a-fA-F]{32}$/, 'TWILIO_CONVERSATIONS_SERVICE_SID must be IS + 32 hex digits'),
  // Webhook signatures are computed with the auth token, not the API key: without it every
  // webhook would be refused.
  TWILIO_AUTH_TOKEN: z
    .string('TWILIO_AUTH_TOKEN is required to verify Twilio’s webhook signatures')
    .min(1, 'TWILIO_AUTH_TOKEN is required to verify Twilio’s webhook signatures'),
});

const ZEmulator = z.object({
  EMULATOR_URL: z.url().optional(),
  EMULATOR_PUBLIC_URL: z.url().optional(),
  // 0 lets the embedded emulator pick a free port; `npm run dev` then passes its EMULATOR_URL.
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  EMULATOR_ACCOUNT_SID: z.string().default(DEFAULT_CREDENTIALS.accountSid),
  EMULATOR_AUTH_TOKEN: z.string().default(DEFAULT_CREDENTIALS.authToken),
  EMULATOR_API_KEY: z.string().default(DEFAULT_CREDENTIALS.apiKey),
  EMULATOR_API_SECRET: z.string().default(DEFAULT_CREDENTIALS.apiSecret),
});

/** The one place that decides emulator or live Twilio. */
export function isLiveTwilio(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_API_KEY && env.TWILIO_API_SECRET && env.TWILIO_CONVERSATIONS_SERVICE_SID);
}

export function readTwilioEnv(env: Readonly<Record<string, string | undefined>> = process.env): TwilioEnv {
  if (isLiveTwilio(env)) {
    const live = ZLive.parse(env);
    return {
      mode: 'live',
      accountSid: live.TWILIO_ACCOUNT_SID,
      apiKey: live.TWILIO_API_KEY,
      apiSecret: live.TWILIO_API_SECRET,
      authToken: live.TWILIO_AUTH_TOKEN,
      serviceSid: live.TWILIO_CONVERSATIONS_SERVICE_SID,
    };
  }
  const emulator = ZEmulator.parse(env);
  const emulatorUrl = (emulator.EMULATOR_URL ?? `http://127.0.0.1:${emulator.EMULATOR_PORT}`).replace(/\/+$/, '');
  return {
    mode: 'emulator',
    emulatorUrl,
    emulatorPublicUrl: (emulator.EMULATOR_PUBLIC_URL ?? emulatorUrl).replace(/\/+$/, ''),
    accountSid: emulator.EMULATOR_ACCOUNT_SID,
    apiKey: emulator.EMULATOR_API_KEY,
    apiSecret: emulator.EMULATOR_API_SECRET,
    authToken: emulator.EMULATOR_AUTH_TOKEN,
  };
}
