import type { Server } from 'node:http';
import { createClock, type Clock } from '../clock';
import type { Router } from '../http/router';
import type { AccessTokenVerifier } from './auth/access-token';
import type { CanAccess, CanWrite } from './sync/access';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import type { SyncRouteDeps } from './sync/routes/route-helpers';
import { SubscriptionHub } from './sync/subscription-hub';
import { attachTwilsock, type TwilsockServer, type TwilsockServerOptions } from './twilsock/server';

export type RealtimeOptions = {
  /** Answers what clients tunnel through twilsock: the same route table as plain HTTP. */
  router: Router;
  /** Emulator time: Sync dates and item expiry. */
  clock?: Clock;
  /**
   * Times access tokens (the about-to-expire warning, the close at expiry). Tokens are minted on real
   * time, so this is real time, never the advanceable emulator clock; tests inject one to skip ahead.
   */
  tokenClock?: Clock;
  verifyToken: AccessTokenVerifier;
  /** Who may read and subscribe to which Sync object. Required: the chat layer decides, not a default. */
  canAccess: CanAccess;
  /** Client writes through the Sync REST surface; default refuses all. */
  canWrite?: CanWrite;
  /** Engine options; pass `sync: { state }` to restore persisted state. */
  sync?: Omit<SyncEngineOptions, 'clock'>;
  /** Remaining twilsock options (path, lead time, limits, logger; `clock` for token deadlines, default `clock`). */
  twilsock?: Omit<TwilsockServerOptions, 'verifyToken' | 'router'>;
};

export type Realtime = {
  twilsock: TwilsockServer;
  sync: SyncEngine;
  subscriptions: SubscriptionHub;
  /** What the Sync routes need (`registerSyncRoutes`). */
  syncRoutes: SyncRouteDeps;
  close(): Promise<void>;
};

/**
 * Wires the realtime foundation onto an HTTP server: twilsock at `/v3/wsconnect` answering through
 * `router`, one Sync engine and its subscription hub, and subscription cleanup on disconnect. The Sync
 * routes themselves are a product registered on the router (`registerSyncRoutes`).
 */
export function attachRealtime(server: Server, options: RealtimeOptions): Realtime {
  const clock = options.clock ?? createClock();
  const sync = new SyncEngine({ ...options.sync, clock });
  const subscriptions = new SubscriptionHub(sync, options.canAccess);
  const twilsock = attachTwilsock(server, {
    ...options.twilsock,
    verifyToken: options.verifyToken,
    router: options.router,
    clock: options.tokenClock ?? createClock(),
  });
  twilsock.on('disconnected', (connection) => subscriptions.dropPeer(connection.id));
  return {
    twilsock,
    sync,
    subscriptions,
    syncRoutes: { engine: sync, hub: subscriptions, canAccess: options.canAccess, canWrite: options.canWrite, clock },
    close: () => twilsock.close(),
  };
}
