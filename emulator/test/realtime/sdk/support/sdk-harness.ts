import { Client, type ClientOptions, type Conversation } from '@twilio/conversations';
import twilio from 'twilio';
import { createTwilioClient } from '../../../../src/client';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../../src/index';
import { nextEvent, until } from '../../support/wait-for';

export type SdkEmulator = Emulator & {
  rest: twilio.Twilio;
  /** `new Client(token, options)` options exactly as the app builds them (lib/twilio/sdk-options.ts). */
  sdkOptions(): ClientOptions;
  /** A real access token from the official helper, for the default service unless told otherwise. */
  token(identity: string, options?: { ttlSeconds?: number; serviceSid?: string; secret?: string; apiKey?: string }): string;
  /** A new SDK client (shut down by `close()`); not awaited. */
  client(identity: string, options?: { token?: string; overrides?: Partial<ClientOptions> }): Client;
  /** A new SDK client once `initialized`. */
  connect(identity: string, options?: { token?: string; overrides?: Partial<ClientOptions> }): Promise<Client>;
  /** Shuts every client down, then the emulator. */
  stop(): Promise<void>;
};

/** An emulator on a free port with SDK clients pointed at it the way the inbox does (§1.1). */
export async function startSdkEmulator(options: EmulatorOptions = {}): Promise<SdkEmulator> {
  const emulator = await startEmulator({ port: 0, rateLimit: false, carrier: { stepDelayMs: 0 }, ...options });
  return withSdk(emulator);
}

export function withSdk(emulator: Emulator, clients: Client[] = []): SdkEmulator {
  const { accountSid, apiKey, apiSecret } = emulator.credentials;
  const sdk: SdkEmulator = Object.assign(emulator, {
    rest: createTwilioClient(emulator.url, emulator.credentials),
    sdkOptions: (): ClientOptions => {
      const options = { twilsock: { uri: `${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect` }, apiUri: emulator.url, cdsUri: emulator.url };
      return { ...options, logLevel: 'error' };
    },
    token(identity: string, tokenOptions: { ttlSeconds?: number; serviceSid?: string; secret?: string; apiKey?: string } = {}) {
      const token = new twilio.jwt.AccessToken(accountSid, tokenOptions.apiKey ?? apiKey, tokenOptions.secret ?? apiSecret, {
        identity,
        ttl: tokenOptions.ttlSeconds ?? 3600,
      });
      token.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid: tokenOptions.serviceSid ?? emulator.serviceSid }));
      return token.toJwt();
    },
    client(identity: string, clientOptions: { token?: string; overrides?: Partial<ClientOptions> } = {}) {
      const client = new Client(clientOptions.token ?? sdk.token(identity), { ...sdk.sdkOptions(), ...clientOptions.overrides });
      clients.push(client);
      return client;
    },
    async connect(identity: string, clientOptions: { token?: string; overrides?: Partial<ClientOptions> } = {}) {
      const client = sdk.client(identity, clientOptions);
      await initialized(client);
      return client;
    },
    async stop() {
      await Promise.allSettled(clients.splice(0).map((client) => client.shutdown()));
      await emulator.close();
    },
  });
  return sdk;
}

export async function initialized(client: Client): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    // The replaying variants fire even when the event happened before this call.
    client.onceWithReplay('initialized', () => resolve());
    client.onceWithReplay('initFailed', ({ error }) => reject(new Error(`initFailed: ${error?.message ?? 'unknown'}`)));
  });
}

/** A conversation with chat participants, made over REST as the app's server does. */
export async function conversationWith(sdk: SdkEmulator, identities: readonly string[], friendlyName = 'Test conversation') {
  const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName });
  for (const identity of identities) await sdk.rest.conversations.v1.conversations(conversation.sid).participants.create({ identity });
  return conversation;
}

/**
 * The client's Conversation once it has joined it (now or later), opened its messages and roster, and
 * the emulator has established the client's subscriptions to them (§8.5; the SDK batches these about
 * 100 ms after opening and emits no event for it, so the emulator's side is watched). From then on
 * every change reaches the client live; anything earlier is history (getMessages), as against Twilio.
 */
export async function joined(sdk: SdkEmulator, client: Client, conversationSid: string): Promise<Conversation> {
  const later = nextEvent<[Conversation]>(client, 'conversationJoined', (c) => c.sid === conversationSid);
  later.catch(() => undefined);
  const now = await client.getConversationBySid(conversationSid).catch(() => undefined);
  const conversation = now?.status === 'joined' ? now : (await later)[0];
  await conversation.getParticipants();
  const objects = sdk.sdk.projector.index.conversations.get(conversationSid);
  const user = sdk.sdk.projector.index.user(sdk.serviceSid, client.user.identity);
  const wanted = [objects?.document, objects?.messages, objects?.roster, user?.conversations];
  await until(() => {
    const connections = [...sdk.sdk.realtime.twilsock.registry.connectionsOf(client.user.identity)];
    return connections.some((connection) => {
      const subscribed = sdk.sdk.realtime.subscriptions.subscriptionsOf(connection.id);
      return wanted.every((sid) => sid !== undefined && subscribed.has(sid));
    });
  });
  return conversation;
}

export { nextEvent };
