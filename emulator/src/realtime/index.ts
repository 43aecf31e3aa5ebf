// Public API of the realtime foundation; see README.md in this folder.
export { attachRealtime, type Realtime, type RealtimeOptions } from './attach-realtime';
export {
  createAccessTokenVerifier,
  verifyAccessToken,
  type AccessTokenClaims,
  type AccessTokenVerifier,
  type AccessTokenVerifierDeps,
  type TokenRejection,
  type TokenVerification,
} from './auth/access-token';
export { DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS, tokenDeadlines } from './auth/token-deadlines';
export { createDeadlineScheduler, type DeadlineScheduler } from './deadline-scheduler';
export type { JsonObject, JsonValue } from './json';
export { consoleLogger, silentLogger, type RealtimeLogger } from './logger';
export { SyncEngine, type CreateObjectOptions, type SyncChange, type SyncEngineOptions } from './sync/engine';
export { DEFAULT_RETENTION, type SyncRetention } from './sync/event-log';
export type { ItemWriteOptions, ItemWriteResult } from './sync/item-mutations';
export { registerSyncRoutes } from './sync/routes/register-sync-routes';
export { accessSubject, type AccessSubject, type CanAccess, type CanWrite, type WriteTarget } from './sync/access';
export { emptySyncState, type SyncEventRecord, type SyncObjectInfo, type SyncObjectType, type SyncState } from './sync/state';
export { SubscriptionHub, SYNC_EVENT, type SubscriptionRequest } from './sync/subscription-hub';
export { TwilsockConnection, type TwilsockStatus } from './twilsock/connection';
export { ConnectionRegistry } from './twilsock/connection-registry';
export { decodeFrame, encodeFrame, encodeJsonFrame } from './twilsock/frame-codec';
export { attachTwilsock, type NotifyOptions, type TwilsockServer, type TwilsockServerOptions } from './twilsock/server';
export type { DisconnectInfo, TwilsockServerEvents } from './twilsock/server-events';
export { createUpstreamRouter, type HttpMethod, type UpstreamRouter } from './upstream/router';
export type { Peer, RouteHandler, RoutedRequest, UpstreamBody, UpstreamCaller, UpstreamRequest, UpstreamResponse } from './upstream/types';
