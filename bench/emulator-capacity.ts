import { performance } from 'node:perf_hooks';
import twilio from 'twilio';
import { credentials, startEmulatorProcess } from './support/emulator-process';
import { LightClient } from './support/light-client';
import { pool } from './support/stats';

/** Twilio's per-account limits (Limits page): concurrent connections and new connections per second. */
export const TWILIO_LIMITS = { connections: 7000, newPerSecond: 110 };

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? TWILIO_LIMITS.connections);
const IN_FLIGHT = 100;
const HOLD_MS = 5_000;

/**
 * Concurrent twilsock connections held by one emulator process: light protocol clients (init with a
 * real access token per identity) opened with IN_FLIGHT handshakes in flight, then held. Each new
 * identity also creates its User and its two Sync maps, as an SDK connecting for the first time does.
 * Memory is the emulator process's resident set, read from /proc.
 */
export async function runCapacity() {
  const emulator = await startEmulatorProcess();
  const clients: LightClient[] = [];
  try {
    const tokens = Array.from({ length: CONNECTIONS }, (_, i) => {
      const accessToken = new twilio.jwt.AccessToken(credentials.accountSid, credentials.apiKey, credentials.apiSecret, {
        identity: `capacity-${i}`,
        ttl: 3600,
      });
      accessToken.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid: emulator.serviceSid }));
      return accessToken.toJwt();
    });
    const baseline = emulator.rss();
    const uri = `${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect`;
    const handshakes: number[] = [];
    const started = performance.now();
    let failures = 0;
    await pool(tokens, IN_FLIGHT, async (token) => {
      const t0 = performance.now();
      try {
        const client = await LightClient.open(uri);
        clients.push(client);
        await client.init(token);
        handshakes.push(performance.now() - t0);
      } catch {
        failures += 1;
      }
    });
    const establishSeconds = (performance.now() - started) / 1000;
    const established = handshakes.length;
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    const held = emulator.rss();
    // Still answering while holding them all: one request on the last connection.
    const probe = await clients[clients.length - 1]?.http('GET', `${emulator.url}/Client/v2/Configuration`);
    return {
      target: CONNECTIONS,
      established,
      failures,
      establishedPerSecond: Math.round(established / establishSeconds),
      establishSeconds: Math.round(establishSeconds * 10) / 10,
      handshakeMsP50: Math.round(sorted(handshakes)[Math.floor(handshakes.length / 2)] ?? 0),
      rssBaselineMiB: mib(baseline),
      rssHeldMiB: mib(held),
      bytesPerConnection: established > 0 ? Math.round((held - baseline) / established) : 0,
      probeStatus: probe?.status ?? 0,
      twilioLimits: TWILIO_LIMITS,
    };
  } finally {
    for (const client of clients) client.close();
    await emulator.stop();
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
