import type twilio from 'twilio';
import { createTwilioClient } from '../src/client';
import { startEmulator, type EmulatorOptions } from '../src/index';
import type { Credentials, ReceiptDelays } from '../src/config';
import { mintAccessToken, type TokenOptions } from './access-token';
import { createEmulatorClock, type EmulatorClock } from './emulator-clock';
import { kitStep } from './kit-step';
import { createPhone, uniquePhoneNumber, type Phone } from './phone';
import { createTestCredentials } from './test-credentials';

/** What `new Client(token, options)` of `@twilio/conversations` needs to talk to this emulator. */
export type SdkClientOptions = { twilsock: { uri: string }; apiUri: string; cdsUri: string };

/** An emulator the kit started or attached to, and everything a test drives it with. */
export type EmulatorHandle = {
  /** Base URL, e.g. `http://127.0.0.1:45123`. */
  readonly url: string;
  readonly credentials: Credentials;
  /** The Twilio numbers the account owns (E.164, `whatsapp:` prefix for WhatsApp senders). */
  readonly numbers: readonly string[];
  /** Options for the browser SDK; pass them to your page along with a token. */
  readonly sdkOptions: SdkClientOptions;
  /** The `twilio` helper, unmodified, pointed at this emulator (account SID + auth token). */
  readonly twilio: twilio.Twilio;
  readonly clock: EmulatorClock;
  /** True when the kit started this emulator (and stops it after the worker). */
  readonly isOwned: boolean;
  /** A customer's phone; without an address, a fresh `+1555…` number. */
  phone(address?: string): Phone;
  /** A Conversations access token for `identity` on this emulator's account. */
  token(identity: string, options?: TokenOptions): Promise<string>;
  /** The default Conversation Service (it changes with every reset). */
  defaultServiceSid(): Promise<string>;
  /** Empties the emulator: conversations, users, phones, webhooks and configuration; connected SDKs are told their token expired. */
  reset(): Promise<void>;
};

/** Where a running emulator is, for attaching to it (e.g. the one your app's test server embeds). */
export type AttachOptions = { url: string; credentials: Credentials };

/** How the kit starts an emulator of its own (everything optional). */
export type LaunchOptions = {
  /** Default: fresh random credentials per emulator, so an app that ignores its configuration fails. */
  credentials?: Partial<Credentials>;
  numbers?: readonly string[];
  /** Twilio's 30 actions/s limit (default on, as on Twilio). */
  rateLimit?: boolean;
  /**
   * Real-time pauses of a delivery, queued → sent, then → delivered (default 0 and 0: no real time
   * passes; the emulator's own default is a carrier's pace, 1 s then 2 s).
   */
  receiptDelays?: ReceiptDelays;
  webhooks?: EmulatorOptions['webhooks'];
  /** Keep state in this file (default: in memory). */
  statePath?: string;
};

type Health = { status: string; account_sid: string; default_service_sid: string; numbers: string[] };

const readHealth = async (url: string): Promise<Health> => {
  const response = await fetch(`${url}/emulator/v1/Health`).catch((error: unknown) => {
    throw new Error(`No emulator answers at ${url} (${error instanceof Error ? error.message : String(error)})`);
  });
  if (response.status !== 200) throw new Error(`GET ${url}/emulator/v1/Health answered ${response.status}`);
  return (await response.json()) as Health;
};

/**
 * Attaches to a running emulator, checking that it answers and that the credentials are its account's
 * (a mismatch would otherwise surface later as a puzzling 401 or a refused token).
 */
export const attachEmulator = async ({ url: given, credentials }: AttachOptions, isOwned = false): Promise<EmulatorHandle> => {
  const url = given.replace(/\/+$/, '');
  const health = await readHealth(url);
  if (health.account_sid !== credentials.accountSid) {
    throw new Error(`The emulator at ${url} serves account ${health.account_sid}, not ${credentials.accountSid}: pass its credentials`);
  }
  const defaultServiceSid = async () => (await readHealth(url)).default_service_sid;
  return {
    url,
    credentials,
    numbers: health.numbers,
    sdkOptions: { twilsock: { uri: `${url.replace(/^http/, 'ws')}/v3/wsconnect` }, apiUri: url, cdsUri: url },
    twilio: createTwilioClient(url, { accountSid: credentials.accountSid, authToken: credentials.authToken }),
    clock: createEmulatorClock(url),
    isOwned,
    phone: (address = uniquePhoneNumber()) => createPhone(url, address),
    token: async (identity, options = {}) => mintAccessToken(credentials, identity, options.serviceSid ?? (await defaultServiceSid()), options.ttl),
    defaultServiceSid,
    reset: () =>
      kitStep('reset the emulator', async () => {
        const response = await fetch(`${url}/emulator/v1/Reset`, { method: 'POST' });
        if (response.status !== 200) throw new Error(`POST ${url}/emulator/v1/Reset answered ${response.status}: ${await response.text()}`);
      }),
  };
};

/** Starts an emulator on a free loopback port with fresh state; `stop()` closes it. */
export const launchEmulator = async (options: LaunchOptions = {}): Promise<{ emulator: EmulatorHandle; stop: () => Promise<void> }> => {
  const started = await startEmulator({
    port: 0,
    credentials: { ...createTestCredentials(), ...options.credentials },
    numbers: options.numbers,
    rateLimit: options.rateLimit,
    statePath: options.statePath,
    carrier: { receiptDelays: options.receiptDelays ?? { sentMs: 0, deliveredMs: 0 } },
    webhooks: options.webhooks,
  });
  return { emulator: await attachEmulator({ url: started.url, credentials: started.credentials }, true), stop: () => started.close() };
};
