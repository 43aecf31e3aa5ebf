import { describe, expect, it } from 'vitest';
import { sdkClientOptions } from './sdk-options';
import { readTwilioEnv } from './twilio-env';

const live = {
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_API_KEY: `SK${'b'.repeat(32)}`,
  TWILIO_API_SECRET: 'secret',
  TWILIO_CONVERSATIONS_SERVICE_SID: `IS${'c'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'auth-token',
};

describe('the Twilio mode', () => {
  it('is the emulator on its well-known defaults when no credentials are set', () => {
    const env = readTwilioEnv({});
    expect(env).toMatchObject({ mode: 'emulator', emulatorUrl: 'http://127.0.0.1:4510', emulatorPublicUrl: 'http://127.0.0.1:4510' });
    expect(sdkClientOptions(env)).toEqual({
      twilsock: { uri: 'ws://127.0.0.1:4510/v3/wsconnect' },
      apiUri: 'http://127.0.0.1:4510',
      cdsUri: 'http://127.0.0.1:4510',
    });
  });

  it('points browsers at the public emulator URL when one is given', () => {
    const env = readTwilioEnv({ EMULATOR_URL: 'http://127.0.0.1:4999/', EMULATOR_PUBLIC_URL: 'https://emulator.example.com' });
    expect(env).toMatchObject({ emulatorUrl: 'http://127.0.0.1:4999' });
    expect(sdkClientOptions(env).twilsock?.uri).toBe('wss://emulator.example.com/v3/wsconnect');
  });

  it('accepts EMULATOR_PORT=0 (any free port) when the emulator\'s URL is given', () => {
    expect(readTwilioEnv({ EMULATOR_PORT: '0', EMULATOR_URL: 'http://127.0.0.1:45123' })).toMatchObject({ emulatorUrl: 'http://127.0.0.1:45123' });
  });

  it('is live Twilio with all four credentials, and the SDK keeps its defaults', () => {
    const env = readTwilioEnv(live);
    expect(env).toMatchObject({ mode: 'live', accountSid: live.TWILIO_ACCOUNT_SID, serviceSid: live.TWILIO_CONVERSATIONS_SERVICE_SID });
    expect(sdkClientOptions(env)).toEqual({});
  });

  it('stays on the emulator with partial credentials rather than half-talking to Twilio', () => {
    const { TWILIO_API_SECRET: _omitted, ...partial } = live;
    expect(readTwilioEnv(partial).mode).toBe('emulator');
  });

  it('rejects malformed live credentials with a clear message', () => {
    expect(() => readTwilioEnv({ ...live, TWILIO_ACCOUNT_SID: 'ACnope' })).toThrow('TWILIO_ACCOUNT_SID must be AC + 32 hex digits');
  });

  it('requires the auth token in live mode (webhook signatures are made with it)', () => {
    const { TWILIO_AUTH_TOKEN: _omitted, ...withoutToken } = live;
    expect(() => readTwilioEnv(withoutToken)).toThrow('TWILIO_AUTH_TOKEN is required');
  });
});
