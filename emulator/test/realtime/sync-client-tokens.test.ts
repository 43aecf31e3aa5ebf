import { describe, expect, it } from 'vitest';
import { mintToken } from './support/credentials';
import { setupHarness } from './support/harness';
import { connectedSyncClient, connectionsOf, disconnected, subscribed, syncClient } from './support/sync-clients';
import { nextEvent } from './support/wait-for';

type ConnectionError = { terminal: boolean; message: string; httpStatusCode: number | null; errorCode: number | null };

const h = setupHarness();

describe('token lifecycle with the real SyncClient', () => {
  it('updateToken extends the session on the same socket, without reconnecting', async () => {
    const record = h.realtime.sync.createDocument({ uniqueName: 'd', data: { n: 0 } });
    const client = await connectedSyncClient(h, 'alice', mintToken({ identity: 'alice', ttlSeconds: 600 }));
    const doc = await client.document({ id: 'd', mode: 'open_existing' });
    await subscribed(h, record.sid);
    const [connection] = connectionsOf(h, 'alice');
    const states: string[] = [];
    client.on('connectionStateChanged', (state: string) => states.push(state));
    let expired = false;
    client.on('tokenExpired', () => {
      expired = true;
    });

    const tokenUpdated = new Promise<void>((resolve) => {
      const off = h.realtime.twilsock.on('tokenUpdated', () => {
        off();
        resolve();
      });
    });
    await client.updateToken(mintToken({ identity: 'alice', ttlSeconds: 3600 }));
    await tokenUpdated;
    h.clock.advance(900_000); // past the first token's expiry
    const updated = nextEvent(doc, 'updated');
    h.realtime.sync.setDocument(record.sid, { n: 1 });
    await updated;

    expect(states).toEqual([]);
    expect(expired).toBe(false);
    expect(connectionsOf(h, 'alice')).toEqual([connection]);
    expect(connection?.claims?.expiresAt).toBeGreaterThan(h.clock.now());
  });

  it('emits tokenAboutToExpire ahead of expiry, then tokenExpired and disconnects at expiry', async () => {
    const client = await connectedSyncClient(h, 'alice', mintToken({ identity: 'alice', ttlSeconds: 3600 }));
    const aboutToExpire = nextEvent(client, 'tokenAboutToExpire');
    h.clock.advance((3600 - 179) * 1000);
    await aboutToExpire;
    expect(client.connectionState).toBe('connected');

    const expired = nextEvent(client, 'tokenExpired');
    const clientDisconnected = nextEvent<[string]>(client, 'connectionStateChanged', (state) => state === 'disconnected');
    h.clock.advance(180_000);
    await expired;
    await clientDisconnected;
    await disconnected(h, 'alice');

    // A fresh token reconnects (updateToken from `disconnected` opens a new socket).
    const reconnected = nextEvent<[string]>(client, 'connectionStateChanged', (state) => state === 'connected');
    await client.updateToken(mintToken({ identity: 'alice', ttlSeconds: 7200 }));
    await reconnected;
    expect(connectionsOf(h, 'alice')).toHaveLength(1);
  });

  it('warns short-lived tokens before they expire (clamped lead)', async () => {
    const client = await connectedSyncClient(h, 'alice', mintToken({ identity: 'alice', ttlSeconds: 60 }));
    let expiredFirst = false;
    client.on('tokenExpired', () => {
      expiredFirst = true;
    });
    const aboutToExpire = nextEvent(client, 'tokenAboutToExpire');
    h.clock.advance(31_000);
    await aboutToExpire;
    expect(expiredFirst).toBe(false);
  });

  it('an expired token at connect gives tokenExpired and a terminal connectionError 401/20104', async () => {
    const token = mintToken({ identity: 'alice', ttlSeconds: 60 });
    h.clock.advance(120_000);
    const client = syncClient(h, 'alice', token);
    const expired = nextEvent(client, 'tokenExpired');
    const [error] = await nextEvent<[ConnectionError]>(client, 'connectionError');
    await expired;
    expect(error).toMatchObject({ terminal: true, httpStatusCode: 401, errorCode: 20104 });
    expect(connectionsOf(h, 'alice')).toEqual([]);
  });

  it('a forged token gives a terminal connectionError 401/20101 and no tokenExpired', async () => {
    const client = syncClient(h, 'alice', mintToken({ identity: 'alice', secret: 'guessed' }));
    let expired = false;
    client.on('tokenExpired', () => {
      expired = true;
    });
    const denied = nextEvent<[string]>(client, 'connectionStateChanged', (state) => state === 'denied');
    const [error] = await nextEvent<[ConnectionError]>(client, 'connectionError');
    expect(error).toMatchObject({ terminal: true, httpStatusCode: 401, errorCode: 20101 });
    await denied;
    expect(expired).toBe(false);
    expect(connectionsOf(h, 'alice')).toEqual([]);
  });
});
