import { describe, expect, it } from 'vitest';
import type { SyncListItem, SyncMapItem } from 'twilio-sync';
import { setupHarness } from './support/harness';
import { connectedSyncClient, subscribed } from './support/sync-clients';
import { nextEvent } from './support/wait-for';

const h = setupHarness();

describe('real twilio-sync SyncClient: documents', () => {
  it('opens a server-created document by unique name and by SID, and receives live updates', async () => {
    const record = h.realtime.sync.createDocument({ uniqueName: 'CH1.channel', data: { friendlyName: 'Général 🎉' } });
    const client = await connectedSyncClient(h, 'alice');
    const doc = await client.document({ id: 'CH1.channel', mode: 'open_existing' });
    expect(doc.sid).toBe(record.sid);
    expect(doc.uniqueName).toBe('CH1.channel');
    expect(doc.data).toEqual({ friendlyName: 'Général 🎉' });
    expect((await client.document({ id: record.sid, mode: 'open_existing' })).sid).toBe(record.sid);

    await subscribed(h, record.sid);
    const updated = nextEvent<[{ data: unknown; isLocal: boolean }]>(doc, 'updated');
    h.realtime.sync.setDocument(record.sid, { friendlyName: 'Renamed', lastMessage: { index: 3 } });
    const [event] = await updated;
    expect(event.isLocal).toBe(false);
    expect(doc.data).toEqual({ friendlyName: 'Renamed', lastMessage: { index: 3 } });
  });

  it('rejects opening a missing document with 404 and reports a server-side removal', async () => {
    const client = await connectedSyncClient(h, 'alice');
    await expect(client.document({ id: 'nope', mode: 'open_existing' })).rejects.toMatchObject({ status: 404, code: 54100 });
    const record = h.realtime.sync.createDocument({ uniqueName: 'doomed' });
    const doc = await client.document({ id: 'doomed', mode: 'open_existing' });
    await subscribed(h, record.sid);
    const removed = nextEvent(doc, 'removed');
    h.realtime.sync.remove('document', record.sid);
    await removed;
    expect(h.realtime.subscriptions.subscriberCount(record.sid)).toBe(0);
  });
});

describe('real twilio-sync SyncClient: lists', () => {
  function seedList(name: string, count: number) {
    const record = h.realtime.sync.createList({ uniqueName: name });
    for (let i = 0; i < count; i++) h.realtime.sync.setListItem(record.sid, i, { text: `message ${i}` });
    return record;
  }

  it('pages backwards (getMessages) and forwards with From inclusive, to both ends', async () => {
    seedList('desc-list', 25);
    seedList('asc-list', 25);
    const client = await connectedSyncClient(h, 'alice');

    const desc = await client.list({ id: 'desc-list', mode: 'open_existing' });
    const seenDesc: number[] = [];
    let page = await desc.getItems({ pageSize: 10, order: 'desc' });
    expect(page.hasPrevPage).toBe(false);
    for (;;) {
      seenDesc.push(...page.items.map((item: SyncListItem) => item.index));
      if (!page.hasNextPage) break;
      page = await page.nextPage();
    }
    expect(seenDesc).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));

    const asc = await client.list({ id: 'asc-list', mode: 'open_existing' });
    let forward = await asc.getItems({ from: 5, pageSize: 10, order: 'asc' });
    expect(forward.items.map((item: SyncListItem) => item.index)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(forward.hasPrevPage).toBe(true);
    const seenAsc = forward.items.map((item: SyncListItem) => item.index);
    while (forward.hasNextPage) {
      forward = await forward.nextPage();
      seenAsc.push(...forward.items.map((item: SyncListItem) => item.index));
    }
    expect(seenAsc).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
    const back = await asc.getItems({ from: 4, pageSize: 10, order: 'desc' });
    expect(back.items.map((item: SyncListItem) => item.index)).toEqual([4, 3, 2, 1, 0]);
    expect(back.hasNextPage).toBe(false);
  });

  it('receives items added, updated and removed server-side, with their data', async () => {
    const record = seedList('live', 2);
    const client = await connectedSyncClient(h, 'alice');
    const list = await client.list({ id: 'live', mode: 'open_existing' });
    await subscribed(h, record.sid);

    const added = nextEvent<[{ item: SyncListItem }]>(list, 'itemAdded');
    h.realtime.sync.setListItem(record.sid, 7, { text: 'non-contiguous index', author: 'bob' });
    const [addedEvent] = await added;
    expect(addedEvent.item.index).toBe(7);
    expect(addedEvent.item.data).toEqual({ text: 'non-contiguous index', author: 'bob' });

    const updated = nextEvent<[{ item: SyncListItem; previousItemData: unknown }]>(list, 'itemUpdated');
    h.realtime.sync.setListItem(record.sid, 0, { text: 'edited' });
    const [updatedEvent] = await updated;
    expect(updatedEvent.item.index).toBe(0);
    expect(updatedEvent.item.data).toEqual({ text: 'edited' });

    const removed = nextEvent<[{ index: number }]>(list, 'itemRemoved');
    h.realtime.sync.removeListItem(record.sid, 1);
    expect((await removed)[0].index).toBe(1);
    const remaining = await list.getItems({ order: 'asc' });
    expect(remaining.items.map((item: SyncListItem) => [item.index, item.data])).toEqual([
      [0, { text: 'edited' }],
      [7, { text: 'non-contiguous index', author: 'bob' }],
    ]);
  });
});

describe('real twilio-sync SyncClient: maps', () => {
  it('opens a map with its items included, looks keys up, and pages in key order', async () => {
    const record = h.realtime.sync.createMap({ uniqueName: 'alice.info' });
    h.realtime.sync.setMapItem(record.sid, 'friendlyName', { value: 'Alice' });
    h.realtime.sync.setMapItem(record.sid, 'attributes', { value: '{}' });
    const client = await connectedSyncClient(h, 'alice');
    const map = await client.map({ id: 'alice.info', mode: 'open_existing', includeItems: true });
    expect((await map.get('friendlyName')).data).toEqual({ value: 'Alice' });
    await expect(map.get('reachability')).rejects.toMatchObject({ status: 404 });

    const roster = h.realtime.sync.createMap({ uniqueName: 'roster' });
    for (const key of ['MB3', 'MB1', 'MB2', 'MB10']) h.realtime.sync.setMapItem(roster.sid, key, { identity: key });
    const rosterMap = await client.map({ id: 'roster', mode: 'open_existing' });
    let page = await rosterMap.getItems({ pageSize: 2, order: 'asc' });
    const keys = page.items.map((item: SyncMapItem) => item.key);
    while (page.hasNextPage) {
      page = await page.nextPage();
      keys.push(...page.items.map((item: SyncMapItem) => item.key));
    }
    expect(keys).toEqual(['MB1', 'MB10', 'MB2', 'MB3']);
  });

  it('receives map items added, updated and removed server-side', async () => {
    const record = h.realtime.sync.createMap({ uniqueName: 'bob.channels' });
    const client = await connectedSyncClient(h, 'bob');
    const map = await client.map({ id: record.sid, mode: 'open_existing' });
    await subscribed(h, record.sid);

    const added = nextEvent<[{ item: SyncMapItem }]>(map, 'itemAdded');
    h.realtime.sync.setMapItem(record.sid, 'CH1', { status: 'joined', lastConsumedMessageIndex: null });
    expect((await added)[0].item.data).toEqual({ status: 'joined', lastConsumedMessageIndex: null });

    const updated = nextEvent<[{ item: SyncMapItem }]>(map, 'itemUpdated');
    h.realtime.sync.setMapItem(record.sid, 'CH1', { status: 'joined', lastConsumedMessageIndex: 4 });
    expect((await updated)[0].item.data).toMatchObject({ lastConsumedMessageIndex: 4 });

    const removed = nextEvent<[{ key: string }]>(map, 'itemRemoved');
    h.realtime.sync.removeMapItem(record.sid, 'CH1');
    expect((await removed)[0].key).toBe('CH1');
  });

  it('fans one change out to every subscribed client and only to them', async () => {
    const record = h.realtime.sync.createMap({ uniqueName: 'shared' });
    const other = h.realtime.sync.createMap({ uniqueName: 'other' });
    const clients = await Promise.all(['a', 'b', 'c'].map((identity) => connectedSyncClient(h, identity)));
    const maps = await Promise.all(clients.map((client) => client.map({ id: 'shared', mode: 'open_existing' })));
    const bystander = await clients[0]!.map({ id: 'other', mode: 'open_existing' });
    await subscribed(h, record.sid, 3);
    await subscribed(h, other.sid, 1);
    let bystanderEvents = 0;
    bystander.on('itemAdded', () => bystanderEvents++);
    const received = Promise.all(maps.map((map) => nextEvent<[{ item: SyncMapItem }]>(map, 'itemAdded')));
    h.realtime.sync.setMapItem(record.sid, 'k', { v: 1 });
    for (const [event] of await received) expect(event.item.data).toEqual({ v: 1 });
    expect(bystanderEvents).toBe(0);
  });
});
