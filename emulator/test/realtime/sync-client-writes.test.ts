import { describe, expect, it } from 'vitest';
import type { SyncListItem, SyncMapItem } from 'twilio-sync';
import { setupHarness } from './support/harness';
import { connectedSyncClient, subscribed } from './support/sync-clients';
import { nextEvent } from './support/wait-for';

// Sync writes are refused by default; this suite opts in for everyone.
const h = setupHarness({ canWrite: () => true });

describe('Sync SDK writes when allowed', () => {
  it('creates, sets and removes through the SDK, and other clients see the events', async () => {
    const writer = await connectedSyncClient(h, 'alice');
    const reader = await connectedSyncClient(h, 'bob');

    const doc = await writer.document({ id: 'notes', mode: 'create_new', data: { v: 1 } });
    expect(h.realtime.sync.find('document', 'notes')?.tag).toEqual({ createdBy: 'alice' });
    const readerDoc = await reader.document({ id: 'notes', mode: 'open_existing' });
    await subscribed(h, doc.sid, 2);
    const docUpdated = nextEvent(readerDoc, 'updated');
    await doc.set({ v: 2 });
    await docUpdated;
    expect(readerDoc.data).toEqual({ v: 2 });
    await expect(writer.document({ id: 'notes', mode: 'create_new' })).rejects.toMatchObject({ status: 409 });

    const list = await writer.list({ id: 'log', mode: 'create_new' });
    const readerList = await reader.list({ id: 'log', mode: 'open_existing' });
    await subscribed(h, list.sid, 2);
    const added = nextEvent<[{ item: SyncListItem }]>(readerList, 'itemAdded');
    const pushed = await list.push({ text: 'first' });
    expect(pushed.index).toBe(0);
    expect((await added)[0].item.data).toEqual({ text: 'first' });
    const updated = nextEvent<[{ item: SyncListItem }]>(readerList, 'itemUpdated');
    await list.set(0, { text: 'first, edited' });
    expect((await updated)[0].item.data).toEqual({ text: 'first, edited' });
    const removed = nextEvent<[{ index: number }]>(readerList, 'itemRemoved');
    await list.remove(0);
    expect((await removed)[0].index).toBe(0);

    const map = await writer.map({ id: 'settings', mode: 'create_new' });
    const readerMap = await reader.map({ id: 'settings', mode: 'open_existing' });
    await subscribed(h, map.sid, 2);
    const mapAdded = nextEvent<[{ item: SyncMapItem }]>(readerMap, 'itemAdded');
    await map.set('theme', { value: 'dark' });
    expect((await mapAdded)[0].item.data).toEqual({ value: 'dark' });
    const mutated = await map.mutate('theme', (current) => ({ ...current, contrast: 'high' }));
    expect(mutated.data).toEqual({ value: 'dark', contrast: 'high' });
    const mapRemoved = nextEvent<[{ key: string }]>(readerMap, 'itemRemoved');
    await map.remove('theme');
    expect((await mapRemoved)[0].key).toBe('theme');

    const docRemoved = nextEvent(readerDoc, 'removed');
    await doc.removeDocument();
    await docRemoved;
    expect(h.realtime.sync.find('document', 'notes')).toBeUndefined();
  });
});
