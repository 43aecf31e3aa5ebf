import type { UpstreamRouter } from '../../upstream/router';
import { registerSyncReadRoutes } from './read-routes';
import type { SyncRouteDeps } from './route-helpers';
import { registerSubscriptionRoute } from './subscription-route';
import { registerSyncWriteRoutes } from './write-routes';

/** The CDS surface the SDK reaches through twilsock (§8): reads, subscriptions, and §8.7 writes. */
export function registerSyncRoutes(router: UpstreamRouter, deps: SyncRouteDeps): void {
  registerSyncReadRoutes(router, deps);
  registerSubscriptionRoute(router, deps);
  registerSyncWriteRoutes(router, deps);
}
