import type { Client, Message } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

type ConnectionError = { terminal: boolean; message: string; httpStatusCode?: number; errorCode?: number };

/** Connection states a client goes through from now on. */
function recordStates(client: Client): string[] {
  const states: string[] = [];
  client.on('connectionStateChanged', (state: string) => states.push(state));
  return states;
}

describe('access tokens', () => {
  const sdk = setupSdkEmulator({}, { perTest: true });

  it('warns ahead of expiry and takes a new token without reconnecting', async () => {
    const client = await sdk.connect('refresher', { token: sdk.token('refresher', { ttlSeconds: 600 }) });
    const states = recordStates(client);
    const warned = nextEvent(client, 'tokenAboutToExpire');
    sdk.tokenClock.advance(421_000); // 3 minutes before the 600 s expiry
    await warned;
    await client.updateToken(sdk.token('refresher', { ttlSeconds: 3600 }));
    sdk.tokenClock.advance(300_000); // past the first token's expiry: the session lives on the second
    // A round trip proves the socket is alive and authorised after the old expiry.
    const conversation = await client.createConversation({ friendlyName: 'after refresh' });
    expect(conversation.friendlyName).toBe('after refresh');
    expect(client.connectionState).toBe('connected');
    expect(states).toEqual([]);
    expect(sdk.sdk.realtime.twilsock.registry.connectionsOf('refresher').size).toBe(1);
  });

  it('expiry without a refresh: tokenExpired, then disconnected', async () => {
    const client = await sdk.connect('expiring', { token: sdk.token('expiring', { ttlSeconds: 600 }) });
    // The SDK goes on loading its conversation list after 'initialized'; a read still in flight at the
    // disconnect is rejected inside twilsock where nothing can catch it (as it would be against Twilio).
    await client.getSubscribedConversations();
    const expired = nextEvent(client, 'tokenExpired');
    const disconnected = nextEvent(client, 'connectionStateChanged', (state: string) => state === 'disconnected');
    sdk.tokenClock.advance(601_000);
    await Promise.all([expired, disconnected]);
    expect(client.connectionState).toBe('disconnected');
  });

  it('refuses an expired token at connect with 20104 (tokenExpired) and a forged one with 20101', async () => {
    sdk.tokenClock.advance(120_000);
    const lateClient = sdk.client('late2', { token: sdk.token('late2', { ttlSeconds: 60 }) });
    const [expiredError] = await nextEvent<[ConnectionError]>(lateClient, 'connectionError');
    expect(expiredError).toMatchObject({ terminal: true, errorCode: 20104 });
    const forged = sdk.client('mallory', { token: sdk.token('mallory', { secret: 'guessed-secret' }) });
    const [forgedError] = await nextEvent<[ConnectionError]>(forged, 'connectionError');
    expect(forgedError).toMatchObject({ terminal: true, errorCode: 20101 });
    const wrongService = sdk.client('nowhere', { token: sdk.token('nowhere', { serviceSid: `IS${'0'.repeat(32)}` }) });
    const [serviceError] = await nextEvent<[ConnectionError]>(wrongService, 'connectionError');
    expect(serviceError).toMatchObject({ terminal: true, errorCode: 20106 });
    expect(sdk.sdk.realtime.twilsock.registry.size).toBe(0);
  });

  it('judges tokens on real time: a day on the emulator clock keeps clients connected and new tokens valid', async () => {
    const conversation = await conversationWith(sdk, ['stays']);
    const client = await sdk.connect('stays', { token: sdk.token('stays', { ttlSeconds: 3600 }) });
    const joinedConversation = await joined(sdk, client, conversation.sid);
    const states = recordStates(client);
    const tokenEvents: string[] = [];
    for (const event of ['tokenAboutToExpire', 'tokenExpired'] as const) client.on(event, () => tokenEvents.push(event));
    const advanced = await fetch(`${sdk.url}/emulator/v1/Clock`, { method: 'POST', body: new URLSearchParams({ Advance: 'P1DT1H' }) });
    expect(advanced.status).toBe(200);
    // Still connected and authorised: a message sent now reaches the client live, and its own calls are answered.
    const arrived = nextEvent<[Message]>(joinedConversation, 'messageAdded');
    await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'a day later' });
    expect((await arrived)[0].body).toBe('a day later');
    expect((await client.createConversation({ friendlyName: 'a day later' })).friendlyName).toBe('a day later');
    expect(client.connectionState).toBe('connected');
    expect(states).toEqual([]);
    expect(tokenEvents).toEqual([]);
    // A token minted now (on real time) connects; the message carries the emulator's date.
    const fresh = await sdk.connect('newcomer', { token: sdk.token('newcomer', { ttlSeconds: 600 }) });
    expect(fresh.connectionState).toBe('connected');
    const [message] = (await joinedConversation.getMessages(1)).items;
    expect(message?.dateCreated?.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });

  it('an update with a bad token is refused and the client is denied', async () => {
    const client = await sdk.connect('updater');
    const denied = nextEvent<[ConnectionError]>(client, 'connectionError');
    await expect(client.updateToken(sdk.token('updater', { secret: 'guessed-secret' }))).rejects.toThrow();
    const [error] = await denied;
    expect(error).toMatchObject({ terminal: true, errorCode: 20101 });
  });
});
