import http from 'node:http';
import type { Message } from '@twilio/conversations';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, tempStatePath } from '../../support/harness';
import { RawClient } from '../support/raw-client';
import { conversationWith, joined, nextEvent, startSdkEmulator, withSdk, type SdkEmulator } from './support/sdk-harness';

/** Every message body a client has seen as messageAdded, in order of arrival. */
function recordBodies(emitter: { on(event: 'messageAdded', listener: (message: Message) => void): unknown }): string[] {
  const bodies: string[] = [];
  emitter.on('messageAdded', (message) => bodies.push(message.body ?? ''));
  return bodies;
}

describe('resilience', () => {
  let sdk: SdkEmulator | undefined;
  let cleanup: (() => void) | undefined;

  afterEach(async () => {
    await sdk?.stop();
    cleanup?.();
    sdk = undefined;
    cleanup = undefined;
  });

  it('a dropped socket reconnects and replays what was missed, nothing twice', async () => {
    const s = await startSdkEmulator();
    sdk = s;
    const conversation = await conversationWith(s, ['dropper']);
    const client = await s.connect('dropper');
    const c = await joined(s, client, conversation.sid);
    const bodies = recordBodies(c);
    const first = nextEvent<[Message]>(c, 'messageAdded');
    await s.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'before' });
    await first;
    const reconnected = nextEvent(client, 'connectionStateChanged', (state: string) => state === 'connected');
    for (const connection of s.sdk.realtime.twilsock.registry.connectionsOf('dropper')) connection.terminate();
    // While the client is away: new messages, an edit and a read-horizon change.
    for (const body of ['missed 1', 'missed 2', 'missed 3']) {
      await s.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body });
    }
    const last = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'missed 3');
    await reconnected;
    await last;
    const after = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'after');
    await s.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'after' });
    await after;
    expect(bodies).toEqual(['before', 'missed 1', 'missed 2', 'missed 3', 'after']);
    expect((await c.getMessages()).items.map((m) => m.body)).toEqual(bodies);
  });

  it('an emulator restart with the same --state file and port loses and repeats nothing', async () => {
    const state = tempStatePath();
    cleanup = state.cleanup;
    const emulator = await startTestEmulator({ statePath: state.file });
    const port = emulator.port;
    const clients: import('@twilio/conversations').Client[] = [];
    let current = withSdk(emulator, clients);
    const conversation = await conversationWith(current, ['survivor', 'peer']);
    const client = await current.connect('survivor');
    const c = await joined(current, client, conversation.sid);
    const bodies = recordBodies(c);
    const seen = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'one');
    await current.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'peer', body: 'one' });
    await seen;

    const reconnected = nextEvent(client, 'connectionStateChanged', (state: string) => state === 'connected', 20_000);
    await emulator.close();
    // The helper's keep-alive sockets point at the stopped server; an app's pool would drop them too.
    http.globalAgent.destroy();
    const restarted = await startTestEmulator({ port, statePath: state.file });
    current = withSdk(restarted, clients);
    sdk = current;
    // Sent after the restart, before the SDK is back: replay must bring it, once.
    await current.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'peer', body: 'two' });
    const two = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'two', 20_000);
    await reconnected;
    await two;
    const three = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'three');
    await current.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'peer', body: 'three' });
    await three;
    const four = nextEvent<[Message]>(c, 'messageAdded', (m) => m.body === 'four');
    expect(await c.sendMessage('four')).toBe(3);
    await four;
    expect(bodies).toEqual(['one', 'two', 'three', 'four']);
    expect((await c.getMessages()).items.map((m) => m.body)).toEqual(['one', 'two', 'three', 'four']);
  }, 60_000);

  it('garbage frames close only the client that sent them', async () => {
    const s = await startSdkEmulator();
    sdk = s;
    const conversation = await conversationWith(s, ['steady']);
    const client = await s.connect('steady');
    const c = await joined(s, client, conversation.sid);
    const raw = await RawClient.connect(s.wsUri);
    await raw.init(s.token('vandal'));
    raw.sendRaw(Buffer.from('TWILSOCK V3.0 9999\r\n{"garbage'));
    expect((await raw.closed).code).toBe(1002);
    const raw2 = await RawClient.connect(s.wsUri);
    raw2.sendRaw('not even binary');
    await raw2.closed;
    const still = nextEvent<[Message]>(c, 'messageAdded');
    await s.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'system', body: 'still here' });
    expect((await still)[0].body).toBe('still here');
    expect(client.connectionState).toBe('connected');
  });

  it('a reset closes every connection as token-expired so apps fetch a token for the new service', async () => {
    const s = await startSdkEmulator();
    sdk = s;
    const conversation = await conversationWith(s, ['resetter']);
    const client = await s.connect('resetter');
    const c = await joined(s, client, conversation.sid);
    const left = nextEvent(client, 'conversationLeft');
    const expired = nextEvent(client, 'tokenExpired');
    // The SDK ignores updateToken until the closed socket is gone (about 3 s after a close).
    const disconnected = nextEvent(client, 'connectionStateChanged', (state: string) => state === 'disconnected');
    await s.reset();
    await Promise.all([left, expired, disconnected]);
    expect(c.status).toBe('notParticipating');
    // With a token for the new default service the same client carries on.
    const back = nextEvent(client, 'connectionStateChanged', (state: string) => state === 'connected', 15_000);
    await client.updateToken(s.token('resetter'));
    await back;
    const fresh = await conversationWith(s, ['resetter'], 'after reset');
    const again = await joined(s, client, fresh.sid);
    expect(again.friendlyName).toBe('after reset');
  }, 30_000);
});
