import { afterEach, describe, expect, it } from 'vitest';
import type { SyncClient, SyncList, SyncListItem } from 'twilio-sync';
import type { SyncState } from '../../src/realtime/sync/state';
import { mintToken } from './support/credentials';
import { startHarness, type Harness } from './support/harness';
import { RawClient } from './support/raw-client';
import { connectedSyncClient, connectionsOf, shutdownSyncClients, subscribed } from './support/sync-clients';
import { nextEvent, when } from './support/wait-for';

const harnesses: Harness[] = [];
async function harness(options?: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  await shutdownSyncClients();
  await Promise.allSettled(harnesses.splice(0).map((h) => h.close()));
});

/** Records every item event the SDK emits, so duplicates would show; `until` waits on those events. */
function recordItems(list: SyncList) {
  const added: number[] = [];
  const updated: [number, unknown][] = [];
  list.on('itemAdded', ({ item }: { item: SyncListItem }) => added.push(item.index));
  list.on('itemUpdated', ({ item }: { item: SyncListItem }) => updated.push([item.index, item.data]));
  const onItem = (recheck: () => void) => {
    list.on('itemAdded', recheck);
    list.on('itemUpdated', recheck);
    return () => {
      list.removeListener('itemAdded', recheck);
      list.removeListener('itemUpdated', recheck);
    };
  };
  return { added, updated, until: (condition: () => boolean) => when(condition, onItem) };
}

const state = (client: SyncClient, wanted: string) =>
  client.connectionState === wanted ? Promise.resolve() : nextEvent<[string]>(client, 'connectionStateChanged', (s) => s === wanted).then(() => undefined);

describe('resilience with the real SyncClient', () => {
  it('after a killed socket the client reconnects and replays what it missed, nothing twice', async () => {
    const h = await harness();
    const record = h.realtime.sync.createList({ uniqueName: 'CH1.messages' });
    h.realtime.sync.setListItem(record.sid, 0, { text: 'before' });
    const client = await connectedSyncClient(h, 'alice');
    const list = await client.list({ id: 'CH1.messages', mode: 'open_existing' });
    const seen = recordItems(list);
    await subscribed(h, record.sid);
    h.realtime.sync.setListItem(record.sid, 1, { text: 'live' });
    await seen.until(() => seen.added.length === 1);

    for (const connection of connectionsOf(h, 'alice')) connection.terminate();
    await subscribed(h, record.sid, 0);
    // Missed while offline: two additions and an edit of an item the client already had.
    h.realtime.sync.setListItem(record.sid, 2, { text: 'missed 1' });
    h.realtime.sync.setListItem(record.sid, 3, { text: 'missed 2' });
    h.realtime.sync.setListItem(record.sid, 1, { text: 'live, edited' });

    await state(client, 'connecting');
    await state(client, 'connected');
    await seen.until(() => seen.added.length === 3 && seen.updated.length === 1);
    await subscribed(h, record.sid);
    h.realtime.sync.setListItem(record.sid, 4, { text: 'after reconnect' });
    await seen.until(() => seen.added.length === 4);

    expect(seen.added).toEqual([1, 2, 3, 4]);
    expect(seen.updated).toEqual([[1, { text: 'live, edited' }]]);
    const items = await list.getItems({ order: 'asc' });
    expect(items.items.map((item: SyncListItem) => item.data)).toEqual([
      { text: 'before' },
      { text: 'live, edited' },
      { text: 'missed 1' },
      { text: 'missed 2' },
      { text: 'after reconnect' },
    ]);
  });

  it('after an emulator restart from saved state the client replays exactly what it missed', async () => {
    const first = await harness();
    const record = first.realtime.sync.createList({ uniqueName: 'CH9.messages' });
    const doc = first.realtime.sync.createDocument({ uniqueName: 'CH9.channel', data: { lastMessage: null } });
    first.realtime.sync.setListItem(record.sid, 0, { text: 'zero' });
    const client = await connectedSyncClient(first, 'alice');
    const list = await client.list({ id: record.sid, mode: 'open_existing' });
    const document = await client.document({ id: doc.sid, mode: 'open_existing' });
    const seen = recordItems(list);
    const docVersions: unknown[] = [];
    const docUpdated = nextEvent<[{ data: unknown }]>(document, 'updated');
    document.on('updated', ({ data }: { data: unknown }) => docVersions.push(data));
    await subscribed(first, record.sid);

    // The client drops; changes happen before the emulator stops; the state is saved as --state would.
    for (const connection of connectionsOf(first, 'alice')) connection.terminate();
    await subscribed(first, record.sid, 0);
    first.realtime.sync.setListItem(record.sid, 1, { text: 'one' });
    first.realtime.sync.setDocument(doc.sid, { lastMessage: { index: 1 } });
    const saved = JSON.stringify(first.realtime.sync.state);
    await first.close();

    const second = await harness({ port: first.port, clock: first.clock, sync: { state: JSON.parse(saved) as SyncState } });
    second.realtime.sync.setListItem(record.sid, 2, { text: 'two' });
    await state(client, 'connected');
    await Promise.all([seen.until(() => seen.added.length === 2), docUpdated]);
    await subscribed(second, record.sid);
    second.realtime.sync.setListItem(record.sid, 3, { text: 'three' });
    await seen.until(() => seen.added.length === 3);

    expect(seen.added).toEqual([1, 2, 3]);
    expect(seen.updated).toEqual([]);
    expect(docVersions).toEqual([{ lastMessage: { index: 1 } }]);
  });

  it('a client sending garbage is closed while another client keeps receiving', async () => {
    const h = await harness();
    const record = h.realtime.sync.createDocument({ uniqueName: 'shared', data: { n: 0 } });
    const client = await connectedSyncClient(h, 'alice');
    const doc = await client.document({ id: 'shared', mode: 'open_existing' });
    await subscribed(h, record.sid);

    const attacker = await RawClient.connect(h.wsUri);
    await attacker.init(mintToken({ identity: 'mallory' }));
    attacker.sendRaw(Buffer.from('TWILSOCK V3.0 999999\r\n{"method":"message"'));
    expect((await attacker.closed).code).toBe(1002);

    const updated = nextEvent(doc, 'updated');
    h.realtime.sync.setDocument(record.sid, { n: 1 });
    await updated;
    expect(doc.data).toEqual({ n: 1 });
    expect(client.connectionState).toBe('connected');
    expect(connectionsOf(h, 'mallory')).toEqual([]);
  });
});

describe('replay on the wire (raw protocol)', () => {
  it('sends every event after last_event_id in order, none for null, then the exact correlation id', async () => {
    const h = await harness();
    const list = h.realtime.sync.createList();
    for (let i = 0; i < 4; i++) h.realtime.sync.setListItem(list.sid, i, { i });
    const client = await RawClient.connect(h.wsUri);
    await client.init(mintToken({ identity: 'alice' }));
    const correlation = 1795238436910;
    const reply = await client.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({
        event_protocol_version: 4,
        action: 'establish',
        correlation_id: correlation,
        retried_requests: 0,
        ttl_in_s: -1,
        requests: [{ object_sid: list.sid, object_type: 'list', last_event_id: 2 }],
      }),
    });
    expect(reply.header.http_status).toMatchObject({ code: 200 });
    expect(reply.body).toEqual({ estimated_delivery_in_ms: 5000, max_batch_size: 100 });
    const established = await client.next((f) => (f.body as { event_type?: string } | undefined)?.event_type === 'subscription_established');
    const replayed = client.notifications().filter((n) => (n as { event_type: string }).event_type === 'list_item_added');
    expect(replayed).toEqual([
      {
        event_type: 'list_item_added',
        events: [
          expect.objectContaining({ id: 3, list_sid: list.sid, item_index: 2, item_data: { i: 2 }, item_url: `http://localhost:4510/v3/Lists/${list.sid}/Items/2` }),
          expect.objectContaining({ id: 4, item_index: 3, item_data: { i: 3 } }),
        ],
      },
    ]);
    expect(client.frames.indexOf(reply)).toBeLessThan(client.frames.indexOf(established)); // reply first
    expect(established.body).toEqual({
      event_type: 'subscription_established',
      correlation_id: correlation,
      events: [{ object_sid: list.sid, object_type: 'list', replay_status: 'completed', last_event_id: 4 }],
    });

    const before = client.frames.length;
    await client.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({ action: 'establish', correlation_id: 2, requests: [{ object_sid: list.sid, object_type: 'list', last_event_id: null }] }),
    });
    await client.next((f) => (f.body as { correlation_id?: number } | undefined)?.correlation_id === 2);
    const notifications = client.frames.slice(before).filter((f) => f.header.method === 'notification');
    expect(notifications.map((f) => (f.body as { event_type: string }).event_type)).toEqual(['subscription_established']);
    client.terminate();
  });
});
