import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachCarrier, type Carrier, type CarrierLogger } from './carrier/carrier';
import { createClock, type Clock } from './clock';
import { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS, type Credentials, type ReceiptDelays } from './config';
import { Core } from './domain/core';
import { accessTokenHeader, accountCredentials, signedUrl } from './http/authenticators';
import { Router, type ProductRoutes } from './http/router';
import { createRequestListener } from './http/server';
import { createUrlSigner } from './http/signed-urls';
import { createFileBlobStore, createMemoryBlobStore, type BlobStore } from './media/blob-store';
import { TEMPORARY_URL_TTL_MS } from './media/routes';
import { PRODUCTS } from './products';
import { createAccessTokenVerifier } from './realtime/auth/access-token';
import { attachSdkSupport, takeSavedSyncState, withSyncState, type SdkSupport } from './realtime/chat/attach-sdk-support';
import { emulatorControl } from './rest/control';
import { attachOrchestrator, type Orchestrator } from './orchestrator/orchestrator';
import { FilePersistence } from './store/persistence';
import { attachTimerService, type TimerService } from './timers/timer-service';
import { attachWebhooks, type WebhookDispatcher, type WebhookLogger } from './webhooks/dispatcher';

export type EmulatorOptions = {
  /** 0 picks a free port (tests). Default 4510. */
  port?: number;
  /** Default 127.0.0.1: the emulator is a local tool. */
  host?: string;
  /** Load from and persist every change to this JSON file. In memory only when omitted. */
  statePath?: string;
  credentials?: Partial<Credentials>;
  /** Twilio numbers the account owns (E.164; `whatsapp:` prefix allowed). */
  numbers?: readonly string[];
  /** Twilio's 30 actions/s limit (default on). Tests that hammer the emulator pass false. */
  rateLimit?: boolean;
  /** Emulator time: timestamps, conversation timers, the WhatsApp window, temporary URLs. Advanceable. */
  clock?: Clock;
  /**
   * Judges access tokens (`exp`, `nbf`) and times their expiry. Tokens are minted on real time, so
   * this is real time, whatever the emulator clock says; tests inject one to expire tokens without waiting.
   */
  tokenClock?: Clock;
  /** Webhook timing (tests shorten it so nothing waits real seconds). */
  webhooks?: { preActionTimeoutMs?: number; postActionTimeoutMs?: number; retryDelaysMs?: readonly number[]; logger?: WebhookLogger };
  /** Real-time pauses of each delivery (`DEFAULT_RECEIPT_DELAYS`: 1 s to sent, 2 s more to delivered). */
  carrier?: { receiptDelays?: ReceiptDelays; logger?: CarrierLogger };
  /**
   * Web pages (origins) allowed to call the control API `/emulator/v1/…`, e.g. the app serving the
   * customer-phone page; `['*']` for any. Default none: only clients that send no `Origin` (not a
   * browser page) may use it.
   */
  controlOrigins?: readonly string[];
};

export type Emulator = {
  /** Base URL, e.g. http://127.0.0.1:4510 — point the helper's redirect client here. */
  url: string;
  port: number;
  credentials: Credentials;
  /** The default Conversation Service (changes after `reset()` and with `/v1/Configuration`). */
  readonly serviceSid: string;
  numbers: readonly string[];
  core: Core;
  clock: Clock;
  /** Times access tokens (real time unless injected). */
  tokenClock: Clock;
  /** The route table of every product, for HTTP and twilsock alike. */
  router: Router;
  /** The control API's routes (`/emulator/v1/…`): an embedding app adds its own controls here. */
  controlRoutes: ProductRoutes;
  /** Media bytes. */
  blobs: BlobStore;
  /** The HTTP server; the realtime layer attaches its WebSocket upgrade (`/v3/wsconnect`) to it. */
  server: Server;
  /** The simulated SMS/WhatsApp network (control API under `/emulator/v1/Carrier`). */
  carrier: Carrier;
  /** Signed webhooks: the pre-action hook and post-action deliveries. */
  webhooks: WebhookDispatcher;
  /** Conversation timers on the emulator clock. */
  timers: TimerService;
  /** Conversation Orchestrator (Conversations v2), Memory and Programmable Messaging. */
  orchestrator: Orchestrator;
  /** What the official SDK talks to: twilsock, Sync projections, the chat API's dependencies. */
  sdk: SdkSupport;
  reset(): Promise<void>;
  close(): Promise<void>;
};

export const startEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  const credentials: Credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const numbers = [...(options.numbers ?? DEFAULT_NUMBERS)];
  const clock = options.clock ?? createClock();
  const tokenClock = options.tokenClock ?? createClock();
  const statePath = options.statePath;
  const loaded = statePath ? FilePersistence.load(statePath) : undefined;
  // The Sync projection is saved in the same file, so one atomic write covers both (realtime/chat).
  const savedSync = takeSavedSyncState(loaded);
  const realtime: { sdk?: SdkSupport } = {};
  const blobs = statePath ? createFileBlobStore(`${statePath}.media`) : createMemoryBlobStore();

  let persistence: FilePersistence | undefined;
  const core = new Core({
    accountSid: credentials.accountSid,
    numbers,
    clock,
    rateLimit: options.rateLimit ?? true,
    state: loaded,
    durable: () => persistence?.durable() ?? Promise.resolve(),
    onMediaRemoved: (sid) => blobs.delete(sid),
  });
  if (statePath) {
    persistence = new FilePersistence(statePath, () => withSyncState(core.store.state, realtime.sdk?.syncSnapshot()));
    core.store.onChange(() => persistence?.markDirty());
    // A fresh file gets the initial state at once, so the default service SID survives a restart.
    if (!loaded) persistence.markDirty();
    await persistence.flush();
  }

  const reset = async () => {
    await core.reset();
    blobs.clear();
  };

  const webhooks = attachWebhooks(core, { authToken: credentials.authToken, ...options.webhooks });
  const timers = attachTimerService(core);
  const orchestrator = attachOrchestrator(core, { authToken: credentials.authToken, logger: options.carrier?.logger });
  const carrier = attachCarrier(core, { blobs, traffic: orchestrator.traffic, receiptDelays: options.carrier?.receiptDelays, logger: options.carrier?.logger });

  const verifyToken = createAccessTokenVerifier({
    accountSid: credentials.accountSid,
    lookupApiKeySecret: (sid) => (sid === credentials.apiKey ? credentials.apiSecret : undefined),
    now: () => tokenClock.now(),
    // A token must name a chat service that exists: everything the SDK does happens in one.
    isKnownChatService: (sid) => core.store.get('services', sid) !== undefined,
  });
  const urls = createUrlSigner(credentials.authToken, clock, TEMPORARY_URL_TTL_MS);
  const router = new Router();
  const server = createServer(
    createRequestListener(
      router,
      { account: accountCredentials(credentials), 'sdk-token': accessTokenHeader(verifyToken), 'signed-url': signedUrl(urls) },
      { controlOrigins: options.controlOrigins },
    ),
  );
  // Keep-alive sockets must not hold close() hostage.
  server.keepAliveTimeout = 5_000;
  const sdkSupport = attachSdkSupport({ server, router, core, clock, tokenClock, verifyToken, syncState: savedSync });
  const deps = {
    core,
    blobs,
    carrier,
    urls,
    sdk: sdkSupport,
    orchestrator,
    authToken: credentials.authToken,
    controls: { reset, runTimers: async () => {
      await timers.runDue();
      orchestrator.runDue();
    } },
  };
  for (const { product, defaults, register } of PRODUCTS) register(router.product(product, defaults), deps);
  realtime.sdk = sdkSupport;
  sdkSupport.onSyncChange(() => persistence?.markDirty());
  persistence?.markDirty();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4510, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    credentials,
    get serviceSid() {
      return core.defaultServiceSid;
    },
    numbers,
    core,
    clock,
    tokenClock,
    router,
    controlRoutes: router.product(emulatorControl.product, emulatorControl.defaults),
    blobs,
    server,
    carrier,
    webhooks,
    timers,
    orchestrator,
    sdk: sdkSupport,
    reset,
    close: async () => {
      carrier.close();
      orchestrator.close();
      timers.close();
      webhooks.close();
      // Upgraded WebSockets keep an http.Server open: close them first.
      await sdkSupport.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persistence?.flush();
    },
  };
};

export { Core } from './domain/core';
export type { DomainEvent, DomainEventType, EventOf } from './domain/events';
export type { Origin, OriginSource } from './domain/origin';
export type { PreActionHook, PreActionRequest, PreActionModifications } from './domain/hooks';
export { TwilioError } from './domain/errors';
export type { Credentials } from './config';
export type { Clock } from './clock';
export { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS, DEFAULT_PORT, DEFAULT_RECEIPT_DELAYS, type ReceiptDelays } from './config';
export { readConfig, type EmulatorConfig } from './config';
export { createTwilioClient, toEmulatorUrl, EmulatorRequestClient, type EmulatorClientCredentials } from './client';
// The twilsock frame format, for light protocol clients (load tests that need thousands of connections).
export { decodeFrame, encodeFrame, type FrameHeader } from './realtime/twilsock/frame-codec';
