import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { attachRealtime, type Realtime, type RealtimeOptions } from '../../../src/realtime/attach-realtime';
import { createAccessTokenVerifier } from '../../../src/realtime/auth/access-token';
import { silentLogger } from '../../../src/realtime/logger';
import { liveView } from '../../support/live-view';
import { ACCOUNT_SID, lookupApiKeySecret } from './credentials';
import { shutdownSyncClients } from './sync-clients';
import { createClock, type Clock } from '../../../src/clock';

export type Harness = {
  server: Server;
  port: number;
  /** Base URL for `cdsUri`. */
  baseUrl: string;
  /** `twilsock.uri` for the SDK. */
  wsUri: string;
  clock: Clock;
  realtime: Realtime;
  close(): Promise<void>;
};

export type HarnessOptions = Partial<Omit<RealtimeOptions, 'clock' | 'verifyToken'>> & { port?: number; clock?: Clock };

/** A plain HTTP server with the realtime foundation attached, on a free port (or a given one). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? createClock();
  const server = createServer((_, res) => res.writeHead(404).end());
  const realtime = attachRealtime(server, {
    canAccess: () => true,
    ...options,
    clock,
    verifyToken: createAccessTokenVerifier({ accountSid: ACCOUNT_SID, lookupApiKeySecret, now: () => clock.now() }),
    twilsock: { logger: silentLogger, ...options.twilsock },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUri: `ws://127.0.0.1:${port}/v3/wsconnect`,
    clock,
    realtime,
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
