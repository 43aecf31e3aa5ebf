import { SyncClient } from 'twilio-sync';
import { mintToken } from './credentials';
import type { Harness } from './harness';
import { nextEvent, when } from './wait-for';

const open: SyncClient[] = [];

/**
 * The real twilio-sync client (the one @twilio/conversations embeds), pointed at the harness the way
 * the SDK is pointed at the emulator: `cdsUri` plus `twilsock.uri`.
 */
export function syncClient(h: Harness, identity: string, token = mintToken({ identity })): SyncClient {
  const client = new SyncClient(token, { cdsUri: h.baseUrl, twilsock: { uri: h.wsUri } });
  open.push(client);
  return client;
}

export async function connectedSyncClient(h: Harness, identity: string, token?: string): Promise<SyncClient> {
  const client = syncClient(h, identity, token);
  if (client.connectionState !== 'connected') await nextEvent<[string]>(client, 'connectionStateChanged', (state) => state === 'connected');
  return client;
}

export async function shutdownSyncClients(): Promise<void> {
  await Promise.allSettled(open.splice(0).map((client) => client.shutdown()));
}

/** The server-side connections of an identity (to kill sockets or check identity). */
export function connectionsOf(h: Harness, identity: string) {
  return [...h.realtime.twilsock.registry.connectionsOf(identity)];
}

/** Resolves once exactly `count` connections are subscribed to the object (SyncClients subscribe in the background). */
export function subscribed(h: Harness, sid: string, count = 1): Promise<void> {
  return when(
    () => h.realtime.subscriptions.subscriberCount(sid) === count,
    (recheck) => h.realtime.subscriptions.onChange(recheck),
  );
}

/** Resolves once a connection of `identity` is gone (after its close was noticed). */
export function disconnected(h: Harness, identity: string): Promise<void> {
  return when(
    () => connectionsOf(h, identity).length === 0,
    (recheck) => h.realtime.twilsock.on('disconnected', recheck),
  );
}
