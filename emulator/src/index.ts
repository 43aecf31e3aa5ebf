import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachCarrier, type Carrier, type CarrierLogger } from './carrier/carrier';
import { registerCarrierRoutes } from './carrier/routes';
import { createClock, type Clock } from './clock';
import { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS } from './config';
import { Core } from './domain/core';
import { createFileBlobStore, createMemoryBlobStore, type BlobStore } from './media/blob-store';
import { registerMediaRoutes } from './media/routes';
import { basicAuth, type Authenticator, type Credentials } from './rest/auth';
import { registerControlRoutes } from './rest/control';
import { registerConversationsV1 } from './rest/register';
import { Router } from './rest/router';
import { createRequestListener } from './rest/server';
import { attachSdkSupport, takeSavedSyncState, withSyncState, type SdkSupport } from './realtime/chat/attach-sdk-support';
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
  clock?: Clock;
  /** Webhook timing (tests shorten it so nothing waits real seconds). */
  webhooks?: { preActionTimeoutMs?: number; postActionTimeoutMs?: number; retryDelaysMs?: readonly number[]; logger?: WebhookLogger };
  /** Pause before each delivery step (queued → sent → delivered); default 250 ms, tests pass 0. */
  carrier?: { stepDelayMs?: number; logger?: CarrierLogger };
  /**
   * Web pages (origins) allowed to call the control API `/emulator/v1/…`, e.g. the app serving the
   * customer-phone page; `['*']` for any. Default none: only clients that send no `Origin` (not a
   * browser page) may use it.
   */
  controlOrigins?: readonly string[];
  /**
   * The clock SDK access tokens are judged on (expiry, not-before, `tokenAboutToExpire`). `emulator`
   * (default): the emulator's clock, so advancing it expires tokens. `wall`: real time, for an app under
   * test that mints its tokens on its own clock — otherwise after advancing the emulator past the
   * WhatsApp window, every token the app can mint would already be expired.
   */
  tokenTime?: 'emulator' | 'wall';
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
  /** The route table: adapters add routes (e.g. the carrier under `/emulator/v1/`). */
  router: Router;
  /** Authenticators for Twilio routes; adapters may add one (e.g. SDK tokens for MCS). */
  authenticators: Authenticator[];
  /** Media bytes, shared with the realtime layer's MCS additions. */
  blobs: BlobStore;
  /** The HTTP server; the realtime layer attaches its WebSocket upgrade (`/v3/wsconnect`) to it. */
  server: Server;
  /** The simulated SMS/WhatsApp network (control API under `/emulator/v1/Carrier`). */
  carrier: Carrier;
  /** Signed webhooks: the pre-action hook and post-action deliveries. */
  webhooks: WebhookDispatcher;
  /** Conversation timers on the emulator clock. */
  timers: TimerService;
  /** What the official SDK talks to: twilsock, Sync projections, the chat API, SDK media (issue 5). */
  sdk: SdkSupport;
  reset(): Promise<void>;
  close(): Promise<void>;
};

export const startEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  const credentials: Credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const numbers = [...(options.numbers ?? DEFAULT_NUMBERS)];
  const clock = options.clock ?? createClock();
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
  const carrier = attachCarrier(core, { blobs, stepDelayMs: options.carrier?.stepDelayMs ?? 250, logger: options.carrier?.logger });

  const router = new Router();
  const authenticators: Authenticator[] = [basicAuth(credentials)];
  registerControlRoutes(router, core, { reset, runTimers: () => timers.runDue() });
  registerCarrierRoutes(router, carrier, blobs);
  registerConversationsV1(router, core);
  registerMediaRoutes(router, core, blobs);

  const server = createServer(createRequestListener(router, authenticators, { controlOrigins: options.controlOrigins }));
  // Keep-alive sockets must not hold close() hostage.
  server.keepAliveTimeout = 5_000;
  const tokenClock = options.tokenTime === 'wall' ? createClock() : clock;
  const sdkSupport = attachSdkSupport({ server, core, clock, tokenClock, credentials, blobs, syncState: savedSync });
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
    router,
    authenticators,
    blobs,
    server,
    carrier,
    webhooks,
    timers,
    sdk: sdkSupport,
    reset,
    close: async () => {
      carrier.close();
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
export type { Credentials } from './rest/auth';
export type { Clock } from './clock';
export { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS, DEFAULT_PORT } from './config';
export { readConfig, type EmulatorConfig } from './config';
export { createTwilioClient, toEmulatorUrl, EmulatorRequestClient, type EmulatorClientCredentials } from './client';
// The twilsock frame format, for light protocol clients (load tests that need thousands of connections).
export { decodeFrame, encodeFrame, type FrameHeader } from './realtime/twilsock/frame-codec';
