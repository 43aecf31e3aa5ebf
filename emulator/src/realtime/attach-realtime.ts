import type { Server } from 'node:http';
import type { AccessTokenVerifier } from './auth/access-token';
import { createClock, type Clock } from '../clock';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { registerSyncRoutes } from './sync/routes/register-sync-routes';
import type { CanAccess, CanWrite } from './sync/access';
import { SubscriptionHub } from './sync/subscription-hub';
import { attachTwilsock, type TwilsockServer, type TwilsockServerOptions } from './twilsock/server';
import { createUpstreamRouter, type UpstreamRouter } from './upstream/router';

export type RealtimeOptions = {
  clock?: Clock;
  verifyToken: AccessTokenVerifier;
  /** Who may read and subscribe to which Sync object. Required: the chat layer decides, not a default. */
  canAccess: CanAccess;
  /** Client writes through the Sync REST surface (§8.7); default refuses all. */
  canWrite?: CanWrite;
  /** Engine options; pass `sync: { state }` to restore persisted state. */
  sync?: Omit<SyncEngineOptions, 'clock'>;
  /** Remaining twilsock options (path, lead time, limits, logger). */
  twilsock?: Omit<TwilsockServerOptions, 'verifyToken' | 'router' | 'clock'>;
};

export type Realtime = {
  twilsock: TwilsockServer;
  /** Register further upstream routes (the chat API) here. */
  router: UpstreamRouter;
  sync: SyncEngine;
  subscriptions: SubscriptionHub;
  close(): Promise<void>;
};

/**
 * Wires the realtime foundation onto an HTTP server: twilsock at `/v3/wsconnect`, an upstream router
 * with the Sync routes, one Sync engine and its subscription hub, and subscription cleanup on disconnect.
 */
export function attachRealtime(server: Server, options: RealtimeOptions): Realtime {
  const clock = options.clock ?? createClock();
  const router = createUpstreamRouter();
  const sync = new SyncEngine({ ...options.sync, clock });
  const subscriptions = new SubscriptionHub(sync, options.canAccess);
  registerSyncRoutes(router, { engine: sync, hub: subscriptions, canAccess: options.canAccess, canWrite: options.canWrite, clock });
  const twilsock = attachTwilsock(server, { ...options.twilsock, verifyToken: options.verifyToken, router, clock });
  twilsock.on('disconnected', (connection) => subscriptions.dropPeer(connection.id));
  return { twilsock, router, sync, subscriptions, close: () => twilsock.close() };
}
