import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { createClock, type Clock } from '../../../src/clock';
import type { Product } from '../../../src/http/route';
import { Router, type ProductRoutes } from '../../../src/http/router';
import { attachRealtime, type Realtime, type RealtimeOptions } from '../../../src/realtime/attach-realtime';
import { createAccessTokenVerifier } from '../../../src/realtime/auth/access-token';
import { silentLogger } from '../../../src/realtime/logger';
import { registerSyncRoutes, syncProduct } from '../../../src/realtime/sync/routes/register-sync-routes';
import { liveView } from '../../support/live-view';
import { ACCOUNT_SID, lookupApiKeySecret } from './credentials';
import { shutdownSyncClients } from './sync-clients';

export type Harness = {
  server: Server;
  port: number;
  /** Base URL for `cdsUri`. */
  baseUrl: string;
  /** `twilsock.uri` for the SDK. */
  wsUri: string;
  /** Drives Sync dates and token timers alike. */
  clock: Clock;
  realtime: Realtime;
  /** Routes a test adds for what clients tunnel through twilsock (access-token auth, JSON bodies). */
  routes: ProductRoutes;
  close(): Promise<void>;
};

export type HarnessOptions = Partial<Omit<RealtimeOptions, 'clock' | 'tokenClock' | 'verifyToken' | 'router'>> & { port?: number; clock?: Clock };

const TEST_ROUTES: Product = { name: 'Test routes', host: null, mount: '', spec: { emulatorOnly: 'routes a test adds' } };

/** A plain HTTP server with the realtime foundation and the Sync routes attached, on a free port (or a given one). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? createClock();
  const server = createServer((_, res) => res.writeHead(404).end());
  const router = new Router();
  const realtime = attachRealtime(server, {
    canAccess: () => true,
    ...options,
    router,
    clock,
    tokenClock: clock,
    verifyToken: createAccessTokenVerifier({ accountSid: ACCOUNT_SID, lookupApiKeySecret, now: () => clock.now() }),
    twilsock: { logger: silentLogger, ...options.twilsock },
  });
  registerSyncRoutes(router.product(syncProduct.product, syncProduct.defaults), realtime.syncRoutes);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUri: `ws://127.0.0.1:${port}/v3/wsconnect`,
    clock,
    realtime,
    routes: router.product(TEST_ROUTES, { auth: 'sdk-token', body: 'json' }),
    async close() {
      await realtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A fresh harness for every test, closed after it along with the SyncClients pointed at it. Returns
 * the current test's harness (readable once the hooks have run).
 */
export function setupHarness(options: HarnessOptions = {}): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
  });
  afterEach(async () => {
    await shutdownSyncClients();
    await current?.close();
    current = undefined;
  });
  return liveView(() => current, 'The harness');
}
