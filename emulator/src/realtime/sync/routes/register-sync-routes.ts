import type { ProductRoutes } from '../../../http/router';
import type { ProductRegistration } from '../../../products';
import { registerSyncReadRoutes } from './read-routes';
import type { SyncRouteDeps } from './route-helpers';
import { registerSubscriptionRoute } from './subscription-route';
import { registerSyncWriteRoutes } from './write-routes';

/** The Sync (CDS) API the SDK reaches through twilsock: reads, subscriptions, and writes. */
export function registerSyncRoutes(router: ProductRoutes, deps: SyncRouteDeps): void {
  registerSyncReadRoutes(router, deps);
  registerSubscriptionRoute(router, deps);
  registerSyncWriteRoutes(router, deps);
}

export const syncProduct: ProductRegistration = {
  product: {
    name: 'Sync',
    host: 'cds',
    mount: '',
    spec: { emulatorOnly: "the Sync API as the Conversations SDK uses it through twilsock, described in emulator/docs/sdk-protocol.md" },
  },
  defaults: { auth: 'sdk-token', body: 'json' },
  register: (router, { sdk }) => registerSyncRoutes(router, sdk.realtime.syncRoutes),
};
