import type { TwilioEnv } from './twilio-env';

/** What the browser passes to `new Client(token, options)`: nothing live, the emulator's URLs otherwise. */
export type SdkClientOptions = { twilsock?: { uri: string }; apiUri?: string; cdsUri?: string };

export function sdkClientOptions(env: TwilioEnv): SdkClientOptions {
  if (env.mode === 'live') return {};
  const base = env.emulatorPublicUrl;
  return { twilsock: { uri: `${base.replace(/^http/, 'ws')}/v3/wsconnect` }, apiUri: base, cdsUri: base };
}
