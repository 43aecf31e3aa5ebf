import { Client, type ClientOptions, type Conversation } from '@twilio/conversations';
import type twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { EmulatorOptions } from '../../../../src/index';
import { startTestEmulator, type TestEmulator } from '../../../support/harness';
import { liveView } from '../../../support/live-view';
import { mintToken, type MintOptions } from '../../support/credentials';
import { nextEvent, when } from '../../support/wait-for';

type TokenOptions = Pick<MintOptions, 'ttlSeconds' | 'serviceSid' | 'secret' | 'apiKeySid'>;

export type SdkEmulator = TestEmulator & {
  rest: twilio.Twilio;
  /** The emulator's twilsock endpoint (`twilsock.uri` for the SDK, or for a RawClient). */
  wsUri: string;
  /** `new Client(token, options)` options exactly as the app builds them (lib/twilio/sdk-options.ts). */
  sdkOptions(): ClientOptions;
  /** A real access token from the official helper, for the default service unless told otherwise. */
  token(identity: string, options?: TokenOptions): string;
  /** A new SDK client (shut down by `close()`); not awaited. */
  client(identity: string, options?: { token?: string; overrides?: Partial<ClientOptions> }): Client;
  /** A new SDK client once `initialized`. */
  connect(identity: string, options?: { token?: string; overrides?: Partial<ClientOptions> }): Promise<Client>;
  /** Shuts every client down, then the emulator. */
  stop(): Promise<void>;
};

/** A test emulator (see startTestEmulator) with SDK clients pointed at it the way the inbox does. */
export async function startSdkEmulator(options: EmulatorOptions = {}): Promise<SdkEmulator> {
  return withSdk(await startTestEmulator(options));
}

/**
 * An SDK emulator for the enclosing suite: started before its first test and stopped after its last,
 * or with `perTest` a fresh one for every test. Returns the current one (readable once the hooks have run).
 */
export function setupSdkEmulator(options: EmulatorOptions = {}, { perTest = false } = {}): SdkEmulator {
  let current: SdkEmulator | undefined;
  const start = async () => {
    current = await startSdkEmulator(options);
  };
  const stop = async () => {
    await current?.stop();
    current = undefined;
  };
  if (perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return liveView(() => current, 'The SDK emulator');
}

export function withSdk(emulator: TestEmulator, clients: Client[] = []): SdkEmulator {
  const { accountSid, apiKey, apiSecret } = emulator.credentials;
  const wsUri = `${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect`;
  const sdk: SdkEmulator = Object.assign(emulator, {
    // API-key auth as before; its responses are now checked against the spec like the other tests'.
    rest: emulator.keyClient,
    wsUri,
    sdkOptions: (): ClientOptions => {
      const options = { twilsock: { uri: wsUri }, apiUri: emulator.url, cdsUri: emulator.url };
      return { ...options, logLevel: 'error' };
    },
    token(identity: string, { ttlSeconds, serviceSid, secret, apiKeySid }: TokenOptions = {}) {
      return mintToken({
        identity,
        ttlSeconds,
        accountSid,
        apiKeySid: apiKeySid ?? apiKey,
        secret: secret ?? apiSecret,
        serviceSid: serviceSid ?? emulator.serviceSid,
      });
    },
    client(identity: string, clientOptions: { token?: string; overrides?: Partial<ClientOptions> } = {}) {
      const client = new Client(clientOptions.token ?? sdk.token(identity), { ...sdk.sdkOptions(), ...clientOptions.overrides });
      upstreams.set(client, upstreamOf(client));
      clients.push(client);
      return client;
    },
    async connect(identity: string, clientOptions: { token?: string; overrides?: Partial<ClientOptions> } = {}) {
      const client = sdk.client(identity, clientOptions);
      await initialized(client);
      return client;
    },
    async stop() {
      await Promise.allSettled(clients.splice(0).map(discard));
      await emulator.close();
    },
  });
  return sdk;
}

type PendingMessage = { timeout: ReturnType<typeof setTimeout> };
type Upstream = { pendingMessages: PendingMessage[]; rejectPendingMessages(): void };

/** Each client's twilsock queue, found when the client is made (so an SDK that moved it fails there, loudly). */
const upstreams = new WeakMap<Client, Upstream>();

function upstreamOf(client: Client): Upstream {
  const upstream = (client as unknown as { _services?: { twilsockClient?: { upstream?: Upstream } } })._services?.twilsockClient?.upstream;
  if (!upstream?.pendingMessages) throw new Error('The SDK no longer keeps its twilsock queue where the harness drops it on shutdown.');
  return upstream;
}

/**
 * Shuts a client down for good. What the SDK sends while its socket is closing, twilsock queues and
 * then rejects in promises nothing holds (its own "@todo Error Unhandled promise rejection!"): an
 * unhandled rejection of the harness's teardown, not of any test. A discarded client's queue is
 * dropped instead.
 */
function discard(client: Client): Promise<void> {
  const upstream = upstreams.get(client);
  if (upstream) {
    upstream.rejectPendingMessages = () => {
      for (const message of upstream.pendingMessages.splice(0)) clearTimeout(message.timeout);
    };
  }
  return client.shutdown();
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
 * the emulator has established the client's subscriptions to them (the SDK batches these about
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
  await subscribedTo(sdk, client.user.identity, wanted);
  return conversation;
}

/** Resolves once a connection of `identity` is subscribed to every one of `sids` (the emulator's side). */
export function subscribedTo(sdk: SdkEmulator, identity: string, sids: readonly (string | undefined)[]): Promise<void> {
  const hub = sdk.sdk.realtime.subscriptions;
  return when(
    () =>
      [...sdk.sdk.realtime.twilsock.registry.connectionsOf(identity)].some((connection) => {
        const subscribed = hub.subscriptionsOf(connection.id);
        return sids.every((sid) => sid !== undefined && subscribed.has(sid));
      }),
    (recheck) => hub.onChange(recheck),
  );
}

export { nextEvent };
